import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { compareTrees, formatTreeDifferences } from "../check/compare-trees.js";
import { formatDiagnostic, InputError } from "../diagnostics.js";
import { parseGenerateArgs } from "./args.js";
import { bundleExternalRefs } from "./bundle-refs.js";
import { clientJob, collectClientTree } from "./client-package.js";
import { annotateDescriptorExtras, reservedOperationNames, securitySchemeTable } from "./descriptor-extras.js";
import { type FileTree, type Replacement, readTree, swapIntoPlace, writeTree } from "./file-tree.js";
import { formatTrees } from "./format-trees.js";
import {
  CLIENT_FLAVORS,
  GENERATED_DIR,
  generatedHeader,
  PACKAGE_FOLDERS,
  type PackageFolder,
  repoRootFrom,
} from "./layout.js";
import { type LoadedSpec, readSpec, validateSpec } from "./load-spec.js";
import { runGeneratorBatch } from "./openapi-generator.js";
import { withLines } from "./pointer-line.js";
import { modelNameMappings, prepareSpecForTemplates } from "./prepare-spec.js";
import { PhaseTimings } from "./timings.js";

const DEFAULT_SPEC = "spec/openapi.yaml";

/** `pnpm generate [--spec <file>] [--out <folder>] [--check]`. Returns the exit code. */
export async function generateCommand(argv: string[]): Promise<number> {
  const args = parseGenerateArgs(argv);
  const repoRoot = repoRootFrom(import.meta.url);
  const outDir = path.resolve(args.out ?? path.join(repoRoot, "packages"));
  const ownsRepoSpec = args.spec === undefined && args.out === undefined;
  const workDir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-generate-"));
  const timings = new PhaseTimings();
  try {
    const reconstructed =
      args.spec === undefined ? await timings.time("reconstruct", () => reconstructDefaultSpec(repoRoot)) : undefined;
    const specFile = args.spec !== undefined ? path.resolve(args.spec) : path.join(workDir, "openapi.yaml");
    if (reconstructed !== undefined) await writeFile(specFile, reconstructed);
    const spec = await timings
      .time("read", async () => bundleExternalRefs(await readSpec(specFile)))
      .catch((error: unknown) => {
        throw reconstructed === undefined ? error : relabel(error, specFile, `${DEFAULT_SPEC} (as reconstructed)`);
      });
    const specLabel = args.spec !== undefined ? path.basename(args.spec) : DEFAULT_SPEC;
    const trees = await generateTrees(repoRoot, workDir, spec, generatedHeader(specLabel), timings).catch(
      (error: unknown) => {
        throw reconstructed === undefined ? error : relabel(error, specFile, `${DEFAULT_SPEC} (as reconstructed)`);
      },
    );

    if (args.check) {
      return await checkAgainstCommitted({
        repoRoot,
        outDir,
        trees,
        reconstructed: ownsRepoSpec ? reconstructed : undefined,
      });
    }
    await timings.time("write", () =>
      writeOutput({ repoRoot, outDir, trees, reconstructed: ownsRepoSpec ? reconstructed : undefined }),
    );
    timings.report();
    const count = [...trees.values()].reduce((sum, tree) => sum + tree.size, 0);
    process.stdout.write(
      `generated ${count} files in ${PACKAGE_FOLDERS.map((p) => path.relative(process.cwd(), path.join(outDir, p)) || ".").join(", ")}\n`,
    );
    return 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Problems in a reconstructed spec name the spec it stands for, not the temporary file. */
function relabel(error: unknown, file: string, label: string): unknown {
  if (!(error instanceof InputError)) return error;
  const shown = path.relative(process.cwd(), file) || file;
  return new InputError(
    error.diagnostics.map((d) => (d.file === shown || d.file === file ? { ...d, file: label } : d)),
  );
}

/** docs → spec, in memory; the reconstruction stage decides what the committed spec must be. */
async function reconstructDefaultSpec(repoRoot: string): Promise<string> {
  const { reconstructSpec } = await import("../reconstruct/index.js");
  const result = await reconstructSpec({
    docsDir: path.join(repoRoot, "spec", "docs"),
    overlayPath: path.join(repoRoot, "spec", "overlay.yaml"),
  });
  // Constructs the reconstruction did not understand are worth seeing on every regeneration.
  for (const warning of result.warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
  return result.yaml;
}

/**
 * Starts the JVM (OpenAPI Generator, one process for both clients) first, then validates the
 * spec and runs openapi-typescript in this process while the JVM works. Invalid input still
 * writes nothing: the JVM only writes to the work folder, and it is killed when validation fails.
 */
async function generateTrees(
  repoRoot: string,
  workDir: string,
  spec: LoadedSpec,
  header: string,
  timings: PhaseTimings,
): Promise<Map<PackageFolder, FileTree>> {
  const preparedFile = path.join(workDir, "prepared-spec.json");
  let prepared: ReturnType<typeof prepareSpecForTemplates>;
  try {
    prepared = annotateDescriptorExtras(
      prepareSpecForTemplates(spec.document, path.relative(process.cwd(), spec.file) || spec.file),
    );
  } catch (error) {
    throw withLines(error, spec.text);
  }
  await writeFile(preparedFile, JSON.stringify(prepared));
  const renames = modelNameMappings(spec.document);
  // The security scheme table reaches client.mustache as an additional property.
  const schemes = securitySchemeTable(prepared);
  const entries = Object.entries(schemes.entries);
  const sdkSecuritySchemes =
    entries.length > 0 ? `{ ${entries.map(([name, value]) => `${JSON.stringify(name)}: ${value}`).join(", ")} }` : "";
  const sdkSchemeImports = schemes.imports.join(", ");
  const jobs = await Promise.all(
    CLIENT_FLAVORS.map(async (flavor) => {
      const job = await clientJob(repoRoot, workDir, flavor);
      return {
        ...job,
        // Mustache treats "" as a value, so absence is a boolean.
        additionalProperties: {
          ...job.additionalProperties,
          sdkSecuritySchemes,
          sdkSchemeImports,
          sdkHasSecuritySchemes: sdkSecuritySchemes !== "",
          sdkHasSchemeImports: sdkSchemeImports !== "",
        },
        modelNameMappings: renames,
        operationIdNameMappings: reservedOperationNames(prepared),
      };
    }),
  );
  const jvmControl = new AbortController();
  const jvm = timings.time("openapi-generator (JVM)", () =>
    runGeneratorBatch({ repoRoot, specFile: preparedFile, workDir, jobs, signal: jvmControl.signal }),
  );
  // Settled later; without this an early rejection would count as unhandled while we validate.
  jvm.catch(() => undefined);
  let schemaTree: FileTree;
  try {
    await timings.time("validate", () => validateSpec(spec));
    schemaTree = await timings.time("openapi-typescript", async () => {
      const { collectSchemaTree } = await import("./schema-package.js");
      return collectSchemaTree(spec.document, header);
    });
  } catch (error) {
    jvmControl.abort(error);
    throw error;
  }
  await jvm;
  const trees = new Map<PackageFolder, FileTree>([["schema", schemaTree]]);
  for (const [index, flavor] of CLIENT_FLAVORS.entries()) {
    trees.set(flavor, await collectClientTree(repoRoot, jobs[index]!, flavor, header));
  }
  return timings.time("format (biome)", () => formatTrees(repoRoot, workDir, trees));
}

/** Compares a fresh run with what is on disk; prints every difference. */
async function checkAgainstCommitted(options: {
  repoRoot: string;
  outDir: string;
  trees: Map<PackageFolder, FileTree>;
  reconstructed: string | undefined;
}): Promise<number> {
  const lines: string[] = [];
  if (options.reconstructed !== undefined) {
    const specPath = path.join(options.repoRoot, DEFAULT_SPEC);
    const committed = await readFile(specPath, "utf8").catch(() => undefined);
    if (committed !== options.reconstructed)
      lines.push(`${committed === undefined ? "missing" : "changed"}: ${DEFAULT_SPEC}`);
  }
  for (const [folder, fresh] of options.trees) {
    const dir = path.join(options.outDir, folder, GENERATED_DIR);
    const differences = compareTrees(await readTree(dir), fresh);
    lines.push(...formatTreeDifferences(differences, path.relative(process.cwd(), dir) || "."));
  }
  if (lines.length === 0) {
    process.stdout.write("generated output is up to date\n");
    return 0;
  }
  process.stderr.write(
    `generated output differs from a fresh run (run \`pnpm generate\` and commit):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
  );
  return 1;
}

/** Stages every package's `src/` next to the target, then swaps all of them in together. */
async function writeOutput(options: {
  repoRoot: string;
  outDir: string;
  trees: Map<PackageFolder, FileTree>;
  reconstructed: string | undefined;
}): Promise<void> {
  await mkdir(options.outDir, { recursive: true });
  const staging = await mkdtemp(path.join(options.outDir, ".generate-staging-"));
  try {
    const replacements: Replacement[] = [];
    for (const [folder, tree] of options.trees) {
      const packageDir = path.join(options.outDir, folder);
      await scaffoldPackage(options.repoRoot, folder, packageDir);
      const staged = path.join(staging, folder);
      await writeTree(staged, tree);
      replacements.push({ target: path.join(packageDir, GENERATED_DIR), staged });
    }
    if (options.reconstructed !== undefined) {
      const staged = path.join(staging, "openapi.yaml");
      await writeFile(staged, options.reconstructed);
      replacements.push({ target: path.join(options.repoRoot, DEFAULT_SPEC), staged });
    }
    await swapIntoPlace(replacements, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * A package folder's hand-owned files (package.json, build config, README) come from
 * templates/packages the first time only; after that they belong to people and changesets.
 */
async function scaffoldPackage(repoRoot: string, folder: PackageFolder, packageDir: string): Promise<void> {
  const scaffold = path.join(repoRoot, "templates", "packages", folder);
  const files = await readTree(scaffold);
  for (const relative of [...files.keys()].sort()) {
    const target = path.join(packageDir, relative);
    if (existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await cp(path.join(scaffold, relative), target);
  }
}
