// Bundle-size benchmark. Usage: pnpm --filter @onelogin-mfa/bench size
//
// Bundles each client's entry the same way (tsup/esbuild, ESM, minified, axios external) and
// reports minified and gzip bytes, ours against OpenAPI Generator's stock templates for the
// same generator and spec, generated in the same run. Sizes are deterministic: one run suffices.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { locateGeneratorJar } from "../../generator/src/generate/openapi-generator.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-size-"));
const { jar } = locateGeneratorJar(root);

function must(command: string, args: string[], cwd = root): void {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}:\n${result.stderr}${result.stdout}`);
}

function bundleSize(entry: string, label: string): { min: number; gzip: number } {
  const out = path.join(scratch, "bundles", label);
  must(path.join(root, "node_modules", ".bin", "tsup"), [
    entry,
    "--format",
    "esm",
    "--minify",
    "--target",
    "es2022",
    "--platform",
    "neutral",
    "--external",
    "axios",
    "--out-dir",
    out,
    "--silent",
  ]);
  const file = readdirSync(out).find((f) => f.endsWith(".js") || f.endsWith(".mjs"))!;
  const code = readFileSync(path.join(out, file));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

try {
  // The MFA spec (7 operations), and a 20-operation one where per-operation code weighs more
  // than the shared runtime.
  const specs = {
    "MFA v1": path.join(root, "spec", "openapi.yaml"),
    petstore: path.join(root, "generator", "node_modules", "@readme", "oas-examples", "3.0", "yaml", "petstore.yaml"),
  };
  const rows: string[] = [];
  for (const [specName, spec] of Object.entries(specs)) {
    const oursDir = path.join(scratch, `ours-${specName}`);
    must(process.execPath, [
      "--import",
      "tsx",
      path.join(root, "generator", "src", "cli.ts"),
      "generate",
      "--spec",
      spec,
      "--out",
      oursDir,
    ]);
    for (const [flavor, generator] of [
      ["fetch", "typescript-fetch"],
      ["axios", "typescript-axios"],
    ] as const) {
      const stockDir = path.join(scratch, `stock-${specName}-${flavor}`);
      must("java", ["-jar", jar, "generate", "-g", generator, "-i", spec, "-o", stockDir]);
      const stock = bundleSize(path.join(stockDir, "index.ts"), `stock-${specName}-${flavor}`);
      const ours = bundleSize(path.join(oursDir, flavor, "src", "index.gen.ts"), `ours-${specName}-${flavor}`);
      rows.push(
        `| ${specName} | ${flavor} | ${ours.min} / ${ours.gzip} | ${stock.min} / ${stock.gzip} (${generator}) | ${(ours.gzip / stock.gzip).toFixed(2)} |`,
      );
    }
  }
  rows.unshift(
    "| spec | client | ours: min / gzip bytes | stock: min / gzip bytes | gzip ratio |",
    "| --- | --- | --- | --- | --- |",
  );
  process.stdout.write(`${rows.join("\n")}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
