import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./overhead.js";

/**
 * Wall milliseconds of one strict `tsc --noEmit` over `files`; `paths` maps module names to
 * files, and `sources` are written into the scratch folder first (name → text).
 */
function tscOnce(
  root: string,
  files: string[],
  extra: { paths?: Record<string, string[]>; sources?: Record<string, string> } = {},
): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-tsc-"));
  try {
    for (const [name, text] of Object.entries(extra.sources ?? {})) writeFileSync(path.join(dir, name), text);
    const config = path.join(dir, "tsconfig.json");
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2022", "dom"],
          types: [],
          skipLibCheck: true,
          ...(extra.paths && { paths: extra.paths }),
        },
        files: files.map((file) => path.resolve(dir, file)),
      }),
    );
    const start = performance.now();
    execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", config], { stdio: "pipe" });
    return performance.now() - start;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Strict tsc on the generated fetch client plus a usage file, against the hand-written floor
 * (raw fetch, hand-written types, the same seven endpoints): medians of `runs` interleaved runs.
 * Two views of ours: the usage file with the client's sources (what the package's own build
 * checks), and the same usage file against the built package's declarations (what an
 * application that installs it compiles; it must be built first).
 */
export function measureTsc(root: string, runs = 3): { oursMs: number; consumerMs: number; floorMs: number } {
  const here = path.join(root, "bench", "client", "tsc");
  const usage = readFileSync(path.join(here, "usage.ts"), "utf8");
  const fromPackage = usage.replace('"../../../packages/fetch/src/index.gen.js"', '"@onelogin-mfa/fetch"');
  if (fromPackage === usage) throw new Error("usage.ts no longer imports the client's sources as this bench expects");
  const declarations = path.join(root, "packages", "fetch", "dist", "index.d.ts");
  if (!existsSync(declarations)) throw new Error("packages/fetch is not built: run `pnpm run build` first");
  const consumer = {
    sources: { "consumer.ts": fromPackage },
    paths: { "@onelogin-mfa/fetch": [declarations] },
  };
  const ours: number[] = [];
  const consumers: number[] = [];
  const floor: number[] = [];
  tscOnce(root, [path.join(here, "floor.ts")]);
  for (let run = 0; run < runs; run++) {
    ours.push(tscOnce(root, [path.join(here, "usage.ts")]));
    consumers.push(tscOnce(root, ["consumer.ts"], consumer));
    floor.push(tscOnce(root, [path.join(here, "floor.ts")]));
  }
  return { oursMs: median(ours), consumerMs: median(consumers), floorMs: median(floor) };
}
