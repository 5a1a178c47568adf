import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ToolError } from "../../diagnostics.js";
import { javaExecutable } from "../../generate/openapi-generator.js";
import { locateEngine } from "./engine-install.js";
import type { EngineDiff } from "./engine-tree.js";

const run = promisify(execFile);

/** One pair's outcome from the engine: its result tree, or why it could not compare them. */
export type EngineOutcome = { diff: EngineDiff; error?: undefined } | { diff?: undefined; error: string };

/**
 * Compares every pair with openapi-diff in a single JVM (its start-up is most of the cost), and
 * returns one outcome per pair in the same order.
 */
export async function runEngine(pairs: readonly { oldFile: string; newFile: string }[]): Promise<EngineOutcome[]> {
  if (pairs.length === 0) return [];
  const { classpath, cdsArchive } = locateEngine();
  // Flags for a short-lived run, as for OpenAPI Generator: C1 only, serial GC, the CDS archive.
  const flags = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"];
  if (cdsArchive) flags.push(`-XX:SharedArchiveFile=${cdsArchive}`, "-Xshare:auto", "-Xlog:cds=off");
  const args = [...flags, "-cp", classpath, "SpecDiffBatch", ...pairs.flatMap((p) => [p.oldFile, p.newFile])];
  let stdout: string;
  try {
    ({ stdout } = await run(javaExecutable(), args, { maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") {
      throw new ToolError("java not found: `pnpm spec:diff` runs openapi-diff on Java 11+ (17 recommended).");
    }
    throw new Error(
      `openapi-diff failed: ${(failure.stderr ?? failure.message).trim().split("\n").slice(0, 20).join("\n")}`,
    );
  }
  const outcomes = JSON.parse(stdout) as EngineOutcome[];
  if (!Array.isArray(outcomes) || outcomes.length !== pairs.length) {
    throw new Error(
      `openapi-diff returned ${Array.isArray(outcomes) ? outcomes.length : "no"} results for ${pairs.length} pairs`,
    );
  }
  return outcomes;
}
