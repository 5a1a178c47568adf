import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "../../diagnostics.js";

/** The repository root (this file is generator/src/release/spec-diff/engine-install.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");

const ENGINE_SOURCES = path.join(REPO_ROOT, "generator", "src", "release", "spec-diff", "engine");

/** Where set-up put the engine, and how to start it. */
export interface EngineInstall {
  /** The jars, one by one in sorted order, as the class-data-sharing archive was recorded with. */
  classpath: string;
  /** The class-data-sharing archive, when set-up could record one. */
  cdsArchive?: string;
}

/**
 * Finds the engine that scripts/fetch-openapi-diff.mjs installed for the current pom.xml and
 * SpecDiffBatch.java. The folder name is a hash of both (the script computes the same), so an
 * edit of either is never run against a stale install.
 */
export function locateEngine(): EngineInstall {
  const hash = createHash("sha256")
    .update(readFileSync(path.join(ENGINE_SOURCES, "pom.xml")))
    .update("\0")
    .update(readFileSync(path.join(ENGINE_SOURCES, "SpecDiffBatch.java")))
    .digest("hex")
    .slice(0, 16);
  const dir = path.join(REPO_ROOT, ".cache", "openapi-diff", hash);
  if (!existsSync(path.join(dir, "ready"))) {
    throw new ToolError(
      "the spec-diff engine (openapi-diff) is not installed for this checkout: run `node scripts/fetch-openapi-diff.mjs` (part of `pnpm run regenerate`).",
    );
  }
  const lib = path.join(dir, "lib");
  const jars = readdirSync(lib)
    .filter((name) => name.endsWith(".jar"))
    .sort()
    .map((name) => path.join(lib, name));
  const archive = path.join(dir, "engine.jsa");
  return { classpath: jars.join(path.delimiter), ...(existsSync(archive) && { cdsArchive: archive }) };
}
