import type { FileTree } from "./file-tree.js";
import { modelFileNames, sharedFileNames } from "./naming/model-file-names.js";

/** A model file's first declaration: the model itself (the template writes it first). */
const FIRST_DECLARATION = /^export (?:interface|type|const|enum) ([\p{L}_$][\p{L}\p{N}_$]*)/mu;

const BARREL = "models/index.gen.ts";

/**
 * Moves every model to the file {@link modelFileNames} gives its name, and writes the models'
 * barrel from the files there are. OpenAPI Generator numbers a file whose name another model's
 * file already has (`resource-arn0`) in the order it met them, and its barrel then names the
 * first file twice and the numbered one never.
 *
 * @throws Error when two models would still share a file (the generator refuses such names
 *   earlier; this guards the invariant rather than overwrite a file).
 */
export function nameModelFilesAfterModels(tree: FileTree): FileTree {
  const modelOf = new Map<string, string>();
  for (const [file, content] of tree) {
    if (!file.startsWith("models/") || file === BARREL) continue;
    const name = FIRST_DECLARATION.exec(content)?.[1];
    if (name === undefined) throw new Error(`${file} declares no model`);
    modelOf.set(file, name);
  }
  const files = modelFileNames(modelOf.values());
  const shared = sharedFileNames(files)[0];
  if (shared)
    throw new Error(`models ${shared.join(" and ")} would share models/${files.get(shared[0] as string)}.gen.ts`);
  const renamed: FileTree = new Map();
  const bases: string[] = [];
  for (const [file, content] of tree) {
    const model = modelOf.get(file);
    if (model === undefined) {
      renamed.set(file, content);
      continue;
    }
    const base = files.get(model) as string;
    bases.push(base);
    renamed.set(`models/${base}.gen.ts`, content);
  }
  const barrel = tree.get(BARREL);
  if (barrel !== undefined) {
    // The header and whatever else precedes the first re-export stay as the template wrote them.
    const start = barrel.search(/^export \* from /m);
    const kept = start < 0 ? barrel : barrel.slice(0, start);
    const exports = bases
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((base) => `export * from "./${base}.gen.js";\n`)
      .join("");
    renamed.set(BARREL, kept + exports);
  }
  return renamed;
}
