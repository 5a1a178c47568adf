import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./overhead.js";

/** Wall milliseconds of one strict `tsc --noEmit` over `files`. */
function tscOnce(root: string, files: string[]): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-tsc-"));
  try {
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
        },
        files,
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
 */
export function measureTsc(root: string, runs = 3): { oursMs: number; floorMs: number } {
  const here = path.join(root, "bench", "client", "tsc");
  const ours: number[] = [];
  const floor: number[] = [];
  tscOnce(root, [path.join(here, "floor.ts")]);
  for (let run = 0; run < runs; run++) {
    ours.push(tscOnce(root, [path.join(here, "usage.ts")]));
    floor.push(tscOnce(root, [path.join(here, "floor.ts")]));
  }
  return { oursMs: median(ours), floorMs: median(floor) };
}
