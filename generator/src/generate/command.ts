import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { compareTrees, formatTreeDifferences } from "../check/compare-trees.js";
import { escapePointerToken, formatDiagnostic, formatDiagnostics, InputError } from "../diagnostics.js";
import { API_REPORT_DIR, type ApiReports, startApiReports } from "../release/api-report/index.js";
import { baselineCommit, GENERATED_CHANGESET } from "../release/changeset/baseline.js";
import { pendingChange } from "../release/changeset/pending-change.js";
import { type PendingChange, writeGeneratedChangeset } from "../release/changeset/write-changeset.js";
import { parseGenerateArgs } from "./args.js";
import { bundleExternalRefs } from "./bundle-refs.js";
import { clientJob, collectClientTree } from "./client-package.js";
import { annotateDescriptorExtras, reservedOperationNames, securitySchemeTable } from "./descriptor-extras.js";
import { type FileTree, type Replacement, readTree, swapIntoPlace, writeTree } from "./file-tree.js";
import { formatTrees } from "./format-trees.js";
import {
  GENERATION_RECORD_EXPORT,
  GENERATION_RECORD_FILE,
  generationRecord,
  generationRecordSource,
} from "./generation-record.js";
import { moveInlineEnumsToTypes } from "./inline-enums.js";
import {
  CLIENT_FLAVORS,
  type ClientFlavor,
  GENERATED_DIR,
  generatedHeader,
  PACKAGE_FOLDERS,
  type PackageFolder,
  repoRootFrom,
} from "./layout.js";
import { type LoadedSpec, lintSpec, readSpec } from "./load-spec.js";
import { oauth2Entry } from "./oauth2-entry.js";
import { GeneratorCrash, LARGE_SPEC_SIZE, runGeneratorBatch } from "./openapi-generator.js";
import { assertOutputFolders, readManifest, writeFailure } from "./output-folder.js";
import {
  isOwnSpec,
  type PackageIdentity,
  readPackageConfig,
  renderScaffoldFile,
  resolveIdentity,
} from "./package-identity.js";
import { assertParameterContent } from "./parameter-wire.js";
import { withLines } from "./pointer-line.js";
import { type PreparedSpec, prepareSpec } from "./prepare-spec.js";
import { Progress } from "./progress.js";
import { useStandInKeys } from "./property-keys.js";
import { brandingFor, type RuntimeBranding } from "./runtime-branding.js";
import type { RunGenerator } from "./shared-jvm.js";
import type { JsonObject } from "./spec-walk.js";
import { listOperations } from "./spec-walk.js";
import { PhaseTimings } from "./timings.js";
import { validateDocument } from "./validate-document.js";

const DEFAULT_SPEC = "spec/openapi.yaml";

/** Where a generation's messages go: the process's streams, or a batch job's own record. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** What a batch (batch.ts) gives each of its generations. */
export interface GenerateContext {
  output: CommandOutput;
  /** A seat in the batch's shared JVM instead of a JVM of its own. */
  runGenerator: RunGenerator;
}

const PROCESS_CONTEXT: GenerateContext = {
  output: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  runGenerator: runGeneratorBatch,
};

/** `pnpm generate …` (args.ts GENERATE_USAGE). Returns the exit code. */
export async function generateCommand(argv: string[], context: GenerateContext = PROCESS_CONTEXT): Promise<number> {
  const args = parseGenerateArgs(argv);
  if (args.batch !== undefined) {
    const { generateBatch } = await import("./batch.js");
    return generateBatch(args);
  }
  const { output } = context;
  const repoRoot = repoRootFrom(import.meta.url);
  const outDir = path.resolve(args.out ?? path.join(repoRoot, "packages"));
  const ownsRepoSpec = args.spec === undefined && args.out === undefined;
  const workDir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-generate-"));
  let reporter: ApiReports | undefined;
  const timings = new PhaseTimings();
  try {
    if (!args.check) await assertOutputFolders(outDir, API_REPORT_DIR);
    const reconstructed =
      args.spec === undefined
        ? await timings.time("reconstruct", () => reconstructDefaultSpec(repoRoot, output))
        : undefined;
    const specFile = args.spec !== undefined ? path.resolve(args.spec) : path.join(workDir, "openapi.yaml");
    if (reconstructed !== undefined) await writeFile(specFile, reconstructed);
    const spec = await timings
      .time("read", async () => bundleExternalRefs(await readSpec(specFile)))
      .catch((error: unknown) => {
        throw reconstructed === undefined ? error : relabel(error, specFile, `${DEFAULT_SPEC} (as reconstructed)`);
      });
    const size = specCounts(spec.document);
    if (args.progress ?? size.operations + size.models > LARGE_SPEC_SIZE) {
      timings.progress = new Progress();
      timings.progress.note(`${size.operations} operations, ${size.models} models`);
    }
    const specLabel = args.spec !== undefined ? path.basename(args.spec) : DEFAULT_SPEC;
    const config = args.config !== undefined ? await readPackageConfig(path.resolve(args.config)) : undefined;
    const identity = resolveIdentity({
      ownSpec: args.spec === undefined || isOwnSpec(spec.document),
      specTitle: spec.document.info?.title,
      ...(config !== undefined && { config }),
      ...(args.scope !== undefined && { scope: args.scope }),
    });
    const userAgents = new Map<ClientFlavor, string>();
    for (const flavor of CLIENT_FLAVORS) userAgents.set(flavor, await productTokenOf(outDir, flavor, identity));
    const names =
      config?.names !== undefined && args.config !== undefined
        ? { overrides: config.names, configFile: path.relative(process.cwd(), args.config) || args.config }
        : undefined;
    const identityNames = Object.fromEntries(
      PACKAGE_FOLDERS.map((folder) => [folder, identity.packages[folder].name]),
    ) as Record<PackageFolder, string>;
    reporter = args.apiReports
      ? startApiReports({ repoRoot, outDir, workDir, packageNames: identityNames })
      : undefined;
    const trees = await generateTrees(
      context,
      repoRoot,
      workDir,
      spec,
      generatedHeader(specLabel),
      timings,
      userAgents,
      names,
      reporter,
      brandingFor(identity),
    ).catch((error: unknown) => {
      throw reconstructed === undefined ? error : relabel(error, specFile, `${DEFAULT_SPEC} (as reconstructed)`);
    });

    // The schema package's report may have started long before: this is the wait that is left.
    const reports = reporter ? await timings.time("api reports (API Extractor)", () => reporter!.finish()) : undefined;
    const outputs: Output[] = [];
    for (const [folder, tree] of trees) {
      outputs.push({ folder, dir: GENERATED_DIR, tree });
      if (reports) outputs.push({ folder, dir: API_REPORT_DIR, tree: reports.get(folder) ?? new Map() });
    }

    if (args.check) {
      return await checkAgainstCommitted({
        output,
        repoRoot,
        outDir,
        outputs,
        reconstructed: ownsRepoSpec ? reconstructed : undefined,
      });
    }
    // Measured before anything is written, so a baseline that cannot be compared writes nothing.
    const baseline = ownsRepoSpec && reports ? await baselineCommit(repoRoot) : undefined;
    const packageNames = new Map<PackageFolder, string>();
    for (const folder of PACKAGE_FOLDERS) packageNames.set(folder, await packageNameOf(repoRoot, outDir, folder));
    let pending: PendingChange | undefined;
    if (baseline !== undefined && reports) {
      pending = await timings.time("changeset (spec diff + API diff)", () =>
        pendingChange({
          repoRoot,
          workDir,
          baseline,
          specPath: DEFAULT_SPEC,
          newSpecFile: specFile,
          newSpec: spec.document,
          reports,
          packageNames,
        }),
      );
    }
    await timings
      .time("write", () =>
        writeOutput({ repoRoot, outDir, outputs, identity, reconstructed: ownsRepoSpec ? reconstructed : undefined }),
      )
      .catch((error: unknown) => {
        throw writeFailure(error);
      });
    timings.progress?.finish();
    if (pending) {
      const outcome = await writeGeneratedChangeset({
        repoRoot,
        file: GENERATED_CHANGESET,
        packages: [...packageNames.values()],
        pending,
      });
      const said = {
        written: `wrote ${GENERATED_CHANGESET} (bump: ${pending.bump})`,
        unchanged: `${GENERATED_CHANGESET} already covers the pending change (bump: ${pending.bump})`,
        removed: `removed ${GENERATED_CHANGESET}: nothing is pending any more`,
        none: "no changeset: the packages' spec and public API are unchanged",
      }[outcome];
      output.out(`${said}\n`);
    }
    timings.report(output.err);
    const count = outputs.reduce((sum, output) => sum + output.tree.size, 0);
    output.out(
      `generated ${count} files in ${PACKAGE_FOLDERS.map((p) => path.relative(process.cwd(), path.join(outDir, p)) || ".").join(", ")}\n`,
    );
    return 0;
  } finally {
    timings.progress?.finish();
    // Its worker threads write into the work folder: they must be gone before it is removed.
    await reporter?.cancel();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A package's npm name, from its package.json or, before it is scaffolded, its scaffold. */
async function packageNameOf(repoRoot: string, outDir: string, folder: PackageFolder): Promise<string> {
  for (const dir of [path.join(outDir, folder), path.join(repoRoot, "templates", "packages", folder)]) {
    const manifest = await readManifest(path.join(dir, "package.json"));
    if (manifest !== undefined) return manifest.name ?? folder;
  }
  return folder;
}

/**
 * The `name/version` a client sends in its user-agent: from the package's package.json (what is
 * published), or before it is scaffolded, the name it will get and the scaffold's 0.0.0.
 */
async function productTokenOf(outDir: string, flavor: ClientFlavor, identity: PackageIdentity): Promise<string> {
  const manifest = (await readManifest(path.join(outDir, flavor, "package.json"))) ?? {};
  return `${manifest.name ?? identity.packages[flavor].name}/${manifest.version ?? "0.0.0"}`;
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
async function reconstructDefaultSpec(repoRoot: string, output: CommandOutput): Promise<string> {
  const { reconstructSpec } = await import("../reconstruct/index.js");
  const result = await reconstructSpec({
    docsDir: path.join(repoRoot, "spec", "docs"),
    overlayPath: path.join(repoRoot, "spec", "overlay.yaml"),
  });
  // Constructs the reconstruction did not understand are worth seeing on every regeneration.
  for (const warning of result.warnings) output.err(`${formatDiagnostic(warning)}\n`);
  return result.yaml;
}

/**
 * Starts the JVM (OpenAPI Generator, one process for both clients) first, then validates the
 * spec and runs openapi-typescript in this process while the JVM works. Invalid input still
 * writes nothing: the JVM only writes to the work folder, and it is killed when validation fails.
 */
async function generateTrees(
  context: GenerateContext,
  repoRoot: string,
  workDir: string,
  spec: LoadedSpec,
  header: string,
  timings: PhaseTimings,
  userAgents: ReadonlyMap<ClientFlavor, string>,
  names: Parameters<typeof prepareSpec>[2] | undefined,
  reporter: ApiReports | undefined,
  branding: RuntimeBranding | undefined,
): Promise<Map<PackageFolder, FileTree>> {
  const preparedFile = path.join(workDir, "prepared-spec.json");
  const shown = path.relative(process.cwd(), spec.file) || spec.file;
  let prepared: PreparedSpec;
  try {
    assertParameterContent(spec.document, shown);
    prepared = prepareSpec(spec.document, shown, names);
    annotateDescriptorExtras(prepared.document);
  } catch (error) {
    // Preparation assumes a well-formed document; when it fails on one that is not (a null
    // path item), the validation below says what is wrong and where, not a TypeError.
    validateDocument(spec.document, shown, spec.text);
    throw withLines(error, spec.text);
  }
  moveInlineEnumsToTypes(prepared.document);
  // Last, once every name is decided: names a template cannot quote go in as stand-ins.
  const originalKeys = useStandInKeys(prepared.document);
  await writeFile(preparedFile, JSON.stringify(prepared.document));
  const renames = prepared.modelNames;
  // The security scheme table reaches client.mustache as an additional property.
  const schemes = securitySchemeTable(prepared.document);
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
          sdkUserAgent: JSON.stringify(userAgents.get(flavor)),
        },
        modelNameMappings: renames,
        operationIdNameMappings: reservedOperationNames(prepared.document),
      };
    }),
  );
  const jvmControl = new AbortController();
  const jvm = timings.time("openapi-generator (JVM)", () =>
    context.runGenerator({
      repoRoot,
      specFile: preparedFile,
      workDir,
      jobs,
      size: specCounts(spec.document).operations + specCounts(spec.document).models,
      signal: jvmControl.signal,
    }),
  );
  // Settled later; without this an early rejection would count as unhandled while we validate.
  jvm.catch(() => undefined);
  const record = generationRecordSource(header, await generationRecord(repoRoot, spec.document));
  let schema: Promise<FileTree> | undefined;
  try {
    // Compiling the official schema takes a moment, so it runs while the JVM starts.
    await timings.time("validate", async () => validateDocument(spec.document, shown, spec.text));
    const warnings = await timings.time("lint", () => lintSpec(spec));
    if (warnings.length > 0) context.output.err(`${formatDiagnostics(warnings)}\n`);
    const schemaTree = await timings.time("openapi-typescript", async () => {
      const { collectSchemaTree, schemaToolFailure } = await import("./schema-package.js");
      return collectSchemaTree(spec.document, header).catch((error: unknown) => {
        throw withLines(schemaToolFailure(error, spec.document, shown), spec.text);
      });
    });
    // The schema package is complete before the JVM is done: formatted and reported meanwhile.
    schema = timings
      .time("format schema (biome)", () =>
        formatTrees(repoRoot, workDir, new Map([["schema", withRecord(schemaTree)]])),
      )
      .then((formatted) => {
        const tree = formatted.get("schema")!;
        reporter?.add("schema", tree);
        return tree;
      });
    // Settled below; meanwhile a failure must not count as unhandled.
    schema.catch(() => undefined);
  } catch (error) {
    jvmControl.abort(error);
    // Settles once the JVM has exited, so that nothing writes into the work folder as it is removed.
    // (The schema's formatting starts last in this block, so it has not started when anything throws.)
    await jvm.catch(() => undefined);
    throw error;
  }
  await jvm.catch(async (error: unknown) => {
    // Biome may still be writing into the work folder, which the caller removes next.
    await schema?.catch(() => undefined);
    throw error instanceof GeneratorCrash ? withLines(crashDiagnostic(error, spec, shown, renames), spec.text) : error;
  });
  // Only our own spec's packages go unbranded, and only they get OneLogin's token exchange.
  const oauth2 = oauth2Entry(spec.document as JsonObject, branding === undefined);
  const clients = new Map<ClientFlavor, FileTree>();
  for (const [index, flavor] of CLIENT_FLAVORS.entries()) {
    clients.set(
      flavor,
      withRecord(await collectClientTree(repoRoot, jobs[index]!, flavor, header, oauth2, originalKeys, branding)),
    );
  }
  const formatted = await timings.time("format (biome)", () => formatTrees(repoRoot, workDir, clients));
  for (const [flavor, tree] of formatted) reporter?.add(flavor, tree);
  return new Map<PackageFolder, FileTree>([["schema", await schema!], ...formatted]);

  function withRecord(tree: FileTree): FileTree {
    tree.set(GENERATION_RECORD_FILE, record);
    tree.set("index.gen.ts", `${tree.get("index.gen.ts") ?? header}${GENERATION_RECORD_EXPORT}`);
    return tree;
  }
}

/** One generator-owned folder of a package (`src/` or `api-report/`) and its fresh content. */
interface Output {
  folder: PackageFolder;
  dir: string;
  tree: FileTree;
}

/** How much work the generators have: operations and component schemas (models). */
function specCounts(document: LoadedSpec["document"]): { operations: number; models: number } {
  return {
    operations: listOperations(document).length,
    models: Object.keys(document.components?.schemas ?? {}).length,
  };
}

/** Names the schema or operation OpenAPI Generator failed on, at its place in the spec. */
function crashDiagnostic(
  crash: GeneratorCrash,
  spec: LoadedSpec,
  file: string,
  renames: Record<string, string>,
): InputError {
  const schemas = (spec.document.components?.schemas ?? {}) as Record<string, unknown>;
  const original = Object.entries(renames).find(([, renamed]) => renamed === crash.subject)?.[0] ?? crash.subject;
  const operationAt = crash.resource && operationPointer(spec.document, crash.resource);
  const pointer =
    crash.kind === "model" && Object.hasOwn(schemas, original)
      ? `/components/schemas/${escapePointerToken(original)}`
      : operationAt;
  return new InputError([
    {
      severity: "error",
      file,
      ...(pointer !== undefined && { pointer }),
      message: `OpenAPI Generator could not turn ${crash.kind} ${JSON.stringify(original)} into code (${crash.javaCause}); simplify that ${crash.kind === "model" ? "schema" : "operation"}`,
    },
  ]);
}

/** `/paths/~1a~1{b}/post` when the spec has that operation. */
function operationPointer(
  document: LoadedSpec["document"],
  { method, path: route }: { method: string; path: string },
): string | undefined {
  const item = (document.paths as Record<string, Record<string, unknown> | undefined> | undefined)?.[route];
  if (!item || !Object.hasOwn(item, method)) return undefined;
  return `/paths/${escapePointerToken(route)}/${method}`;
}

/** Compares a fresh run with what is on disk; prints every difference. */
async function checkAgainstCommitted(options: {
  output: CommandOutput;
  repoRoot: string;
  outDir: string;
  outputs: Output[];
  reconstructed: string | undefined;
}): Promise<number> {
  const lines: string[] = [];
  if (options.reconstructed !== undefined) {
    const specPath = path.join(options.repoRoot, DEFAULT_SPEC);
    const committed = await readFile(specPath, "utf8").catch(() => undefined);
    if (committed !== options.reconstructed)
      lines.push(`${committed === undefined ? "missing" : "changed"}: ${DEFAULT_SPEC}`);
  }
  for (const { folder, dir: owned, tree: fresh } of options.outputs) {
    const dir = path.join(options.outDir, folder, owned);
    const differences = compareTrees(await readTree(dir), fresh);
    lines.push(...formatTreeDifferences(differences, path.relative(process.cwd(), dir) || "."));
  }
  if (lines.length === 0) {
    options.output.out("generated output is up to date\n");
    return 0;
  }
  options.output.err(
    `generated output differs from a fresh run (run \`pnpm generate\` and commit):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
  );
  return 1;
}

/** Stages every package's `src/` next to the target, then swaps all of them in together. */
async function writeOutput(options: {
  repoRoot: string;
  outDir: string;
  outputs: Output[];
  identity: PackageIdentity;
  reconstructed: string | undefined;
}): Promise<void> {
  await mkdir(options.outDir, { recursive: true });
  const staging = await mkdtemp(path.join(options.outDir, ".generate-staging-"));
  try {
    const replacements: Replacement[] = [];
    for (const { folder, dir, tree } of options.outputs) {
      const packageDir = path.join(options.outDir, folder);
      await scaffoldPackage(options.repoRoot, folder, packageDir, options.identity);
      const staged = path.join(staging, folder, dir);
      await writeTree(staged, tree);
      replacements.push({ target: path.join(packageDir, dir), staged });
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
async function scaffoldPackage(
  repoRoot: string,
  folder: PackageFolder,
  packageDir: string,
  identity: PackageIdentity,
): Promise<void> {
  const scaffold = path.join(repoRoot, "templates", "packages", folder);
  const files = await readTree(scaffold);
  for (const relative of [...files.keys()].sort()) {
    const target = path.join(packageDir, relative);
    if (existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, renderScaffoldFile(folder, relative, files.get(relative)!, identity));
  }
}
