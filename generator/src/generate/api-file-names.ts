import type { FileTree } from "./file-tree.js";
import { kebabFileName } from "./naming/model-file-names.js";

/**
 * OpenAPI Generator's two TypeScript generators turn a tag into a file name differently
 * (`IP Addresses` is `ip-addresses-api` in typescript-fetch, `ipaddresses-api` in typescript-axios),
 * so the twins' trees would differ. Both name the API class alike (`IPAddressesApi`), so each API
 * file is named from its class instead: words split where the case changes, an acronym kept whole
 * (`IPAddresses` → `ip-addresses`, `URLShortenerV2` → `url-shortener-v2`), as model files are.
 */
export function kebabFromClassName(name: string): string {
  return kebabFileName(name);
}

/**
 * Renames `apis/<file>.gen.ts` after the class each declares, and every relative import of it.
 *
 * @throws Error when two API classes would share a file name (the generator refuses colliding
 *   names earlier; this guards the invariant rather than overwrite a file).
 */
export function nameApiFilesAfterClasses(tree: FileTree): FileTree {
  const renames = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const [file, content] of tree) {
    const match = /^apis\/([^/]+)\.gen\.ts$/.exec(file);
    if (!match || match[1] === "index") continue;
    const className = /^export class ([A-Za-z_$][\w$]*)/m.exec(content)?.[1];
    if (className === undefined) continue;
    const name = kebabFromClassName(className);
    const clash = taken.get(name);
    if (clash !== undefined) throw new Error(`API classes ${clash} and ${className} would share apis/${name}.gen.ts`);
    taken.set(name, className);
    if (name !== match[1]) renames.set(match[1] as string, name);
  }
  if (renames.size === 0) return tree;
  const renamed: FileTree = new Map();
  for (const [file, content] of tree) {
    const base = /^apis\/([^/]+)\.gen\.ts$/.exec(file)?.[1];
    const target = base !== undefined && renames.has(base) ? `apis/${renames.get(base)}.gen.ts` : file;
    renamed.set(target, rewriteImports(content, file.startsWith("apis/") ? "./" : "./apis/", renames));
  }
  return renamed;
}

/** Points `<prefix><old>.gen.js` imports (and `../apis/<old>.gen.js` ones) at the renamed files. */
function rewriteImports(source: string, prefix: string, renames: ReadonlyMap<string, string>): string {
  return source.replace(
    /(["'])((?:\.\.\/apis\/|\.\/apis\/|\.\/))([\w-]+)(\.gen\.js\1)/g,
    (all, quote: string, start: string, old: string, end: string) => {
      const applies = start === prefix || start === "../apis/";
      const target = renames.get(old);
      return applies && target !== undefined ? `${quote}${start}${target}${end}` : all;
    },
  );
}
