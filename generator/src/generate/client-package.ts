import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { nameApiFilesAfterClasses } from "./api-file-names.js";
import type { FileTree } from "./file-tree.js";
import { type ClientFlavor, GENERATOR_FOR } from "./layout.js";
import { nameModelFilesAfterModels } from "./model-files.js";
import { resolveModelImports } from "./model-imports.js";
import { OAUTH2_RUNTIME_FILES, type OAuth2Entry } from "./oauth2-entry.js";
import type { GeneratorJob } from "./openapi-generator.js";
import { restoreKeys } from "./property-keys.js";
import { brandRuntimeSource, type RuntimeBranding } from "./runtime-branding.js";
import { addRuntimeImports, exportedFunctions, OPTIONAL_RUNTIME_MODULES } from "./runtime-imports.js";

/**
 * Options both templates understand. Runtime checks and date classes are off because
 * the models are plain interfaces over the wire JSON; the shared runtime does the rest.
 */
const COMMON_PROPERTIES = {
  hideGenerationTimestamp: true,
  supportsES6: true,
  apiPackage: "apis",
  modelPackage: "models",
};

/**
 * Types that would otherwise become classes or `any`: dates stay ISO strings (no parsing
 * the spec doesn't promise), and untyped values become `unknown` so callers must narrow.
 */
const TYPE_MAPPINGS = {
  AnyType: "unknown",
  DateTime: "string",
  date: "string",
  object: "Record<string, unknown>",
  file: "Blob",
  binary: "Blob",
  // A 3.1 `type: "null"` schema; without this the clients name an undeclared `Null` model.
  null: "null",
  Null: "null",
};

const EXTRA_PROPERTIES: Record<ClientFlavor, Record<string, string | boolean>> = {
  // Both clients' trees use kebab-case file names, axios's default (issue: the twins share a layout).
  fetch: { fileNaming: "kebab-case" },
  axios: { withSeparateModelsAndApi: true },
};

/** Merges `templates/common` and `templates/<generator>` into one template folder for a job. */
export async function clientJob(repoRoot: string, workDir: string, flavor: ClientFlavor): Promise<GeneratorJob> {
  const generatorName = GENERATOR_FOR[flavor];
  const templateDir = path.join(workDir, `templates-${flavor}`);
  await mkdir(templateDir, { recursive: true });
  await cp(path.join(repoRoot, "templates", "common"), templateDir, { recursive: true });
  await cp(path.join(repoRoot, "templates", generatorName), templateDir, { recursive: true });
  return {
    generatorName,
    templateDir,
    outputDir: path.join(workDir, `out-${flavor}`),
    additionalProperties: { ...COMMON_PROPERTIES, ...EXTRA_PROPERTIES[flavor] },
    typeMappings: TYPE_MAPPINGS,
    // The package's createClient, from templates/common/client.mustache.
    files: { "client.mustache": { templateType: "SupportingFiles", destinationFilename: "client.ts" } },
  };
}

/**
 * Maps OpenAPI Generator's output to the package's `src/` layout. Only files our templates
 * write are taken; the generator's stock supporting files (runtime, configuration, docs)
 * are left behind, because the shared runtime replaces them.
 */
function destinationFor(flavor: ClientFlavor, relative: string): string | undefined {
  const posix = relative.split(path.sep).join("/");
  if (posix === "index.ts") return "index.gen.ts";
  if (posix === "client.ts") return "client.gen.ts";
  if (flavor === "axios" && posix === "api.ts") return "apis/index.gen.ts";
  const match = /^(apis|models)\/([^/]+)\.ts$/.exec(posix);
  if (match) return `${match[1]}/${match[2]}.gen.ts`;
  return undefined;
}

/**
 * Files of the shared runtime that go to every client; transports and flavors go to one each,
 * under one name (`http-transport`, `flavor`) so that both clients' trees have the same files.
 */
function runtimeFileFor(flavor: ClientFlavor, file: string): string | undefined {
  const flavorMatch = /^(fetch|axios)-(transport|flavor)\.ts$/.exec(file);
  if (flavorMatch) {
    if (flavorMatch[1] !== flavor) return undefined;
    return flavorMatch[2] === "flavor" ? "flavor.gen.ts" : "http-transport.gen.ts";
  }
  return file.endsWith(".ts") && !file.endsWith(".d.ts") ? file.replace(/\.ts$/, ".gen.ts") : undefined;
}

/** Points relative imports at the renamed `.gen.js` files. */
function rewriteRuntimeImports(source: string): string {
  return source.replace(/(from\s+["']\.\/)([\w-]+)\.js(["'])/g, (_all, start: string, name: string, end: string) => {
    const flavored = /^(fetch|axios)-(flavor|transport)$/.exec(name);
    const target = flavored ? (flavored[2] === "flavor" ? "flavor" : "http-transport") : name;
    return `${start}${target}.gen.js${end}`;
  });
}

/** Collects one client package's `src/` tree from the generator's output and the shared runtime. */
export async function collectClientTree(
  repoRoot: string,
  job: GeneratorJob,
  flavor: ClientFlavor,
  header: string,
  oauth2: OAuth2Entry,
  originalKeys: ReadonlyMap<string, string> = new Map(),
  branding?: RuntimeBranding,
): Promise<FileTree> {
  const tree: FileTree = new Map();
  for (const relative of await listFiles(job.outputDir)) {
    const destination = destinationFor(flavor, relative);
    if (!destination) continue;
    const content = await readFile(path.join(job.outputDir, relative), "utf8");
    tree.set(destination, header + tidy(content));
  }
  const optional: Record<string, string[]> = {};
  for (const module of OPTIONAL_RUNTIME_MODULES) {
    optional[module] = exportedFunctions(await readFile(path.join(repoRoot, "runtime", "src", `${module}.ts`), "utf8"));
  }
  const withImports = nameApiFilesAfterClasses(
    nameModelFilesAfterModels(resolveModelImports(addRuntimeImports(restoreKeys(tree, originalKeys), optional))),
  );
  tree.clear();
  for (const [file, content] of withImports) tree.set(file, content);
  // A spec without models (or tags) still gets the barrels the package index re-exports.
  for (const barrel of ["apis/index.gen.ts", "models/index.gen.ts"]) {
    if (!tree.has(barrel)) tree.set(barrel, `${header}export {};\n`);
  }
  tree.set("oauth2.gen.ts", header + oauth2.source);
  // Each package carries the one OAuth 2 helper its entry re-exports.
  const otherOAuth2Files = new Set<string>(
    Object.values(OAUTH2_RUNTIME_FILES).filter((file) => file !== oauth2.runtimeFile),
  );
  const runtimeDir = path.join(repoRoot, "runtime", "src");
  for (const file of (await readdir(runtimeDir)).sort()) {
    const destination = runtimeFileFor(flavor, file);
    if (!destination || otherOAuth2Files.has(file)) continue;
    const content = await readFile(path.join(runtimeDir, file), "utf8");
    tree.set(`runtime/${destination}`, header + brandRuntimeSource(rewriteRuntimeImports(content), branding));
  }
  return tree;
}

/** Mustache leaves runs of blank lines where sections were skipped; collapse them for readable output. */
function tidy(source: string): string {
  return `${source
    .replace(/\r\n/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else files.push(relative);
  }
  return files.sort();
}
