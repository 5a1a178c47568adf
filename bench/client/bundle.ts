import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Minified and gzip -9 bytes of a bundle. */
export interface BundleSize {
  min: number;
  gzip: number;
}

/**
 * Bundles `source` (an entry module's text, resolved from `resolveDir`) the way the issue
 * measures peers: esbuild, minified ESM, `--platform=neutral`, axios external, then gzip -9.
 */
export async function bundleSize(source: string, resolveDir: string): Promise<BundleSize & { code: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external: ["axios"],
    // Neutral platform has no main fields by default; packages here publish "module" and "main".
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { code, min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

/** An entry that imports `names` from `from` and re-exports them, so nothing else is kept. */
export function entryFor(from: string, names: readonly string[]): string {
  return `export { ${names.join(", ")} } from ${JSON.stringify(from)};\n`;
}
