import path from "node:path";
import { fileURLToPath } from "node:url";
import { release } from "./release.js";

const USAGE = "usage: pnpm release [--publish-only] [--provenance]   (registry: RELEASE_REGISTRY, default npm)";

/** Parsed `pnpm release` flags. */
export interface ReleaseArgs {
  publishOnly: boolean;
  provenance: boolean;
}

/** Parses `pnpm release` flags; throws on anything else. */
export function parseReleaseArgs(argv: string[]): ReleaseArgs {
  const args: ReleaseArgs = { publishOnly: false, provenance: false };
  for (const arg of argv) {
    if (arg === "--publish-only") args.publishOnly = true;
    else if (arg === "--provenance") args.provenance = true;
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const args = parseReleaseArgs(process.argv.slice(2));
  await release({ root, ...args, env: process.env, log: (line) => console.log(line) });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`release failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
