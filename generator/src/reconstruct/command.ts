import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics.js";
import { ReconstructError, reconstructSpec } from "./index.js";
import { displayPath } from "./reporter.js";
import { writeFileAtomic } from "./write-atomic.js";

/** Default docs folder, relative to the working directory (the repo root under `pnpm reconstruct`). */
export const DEFAULT_DOCS = "spec/docs";
/** Default output file. */
export const DEFAULT_OUT = "spec/openapi.yaml";
/** Default overlay, applied only when `--docs` is not given. */
export const DEFAULT_OVERLAY = "spec/overlay.yaml";

const USAGE = `usage: pnpm reconstruct [--docs <folder>] [--out <file>] [--overlay <file>]
  --docs     docs folder with apis/tags/*.md and models/*.md (default ${DEFAULT_DOCS})
  --out      OpenAPI YAML to write (default ${DEFAULT_OUT})
  --overlay  OpenAPI Overlay applied afterwards (default ${DEFAULT_OVERLAY}, but none when --docs is given)`;

/** Options after defaults are applied. */
export interface ReconstructCommandOptions {
  docsDir: string;
  outFile: string;
  overlayPath?: string;
}

/**
 * Reads the command line. The default overlay belongs to the default docs, so giving
 * `--docs` without `--overlay` applies none. Returns a usage message on bad arguments.
 */
export function parseReconstructArgs(argv: string[]): ReconstructCommandOptions | { usage: string } {
  let values: { docs?: string; out?: string; overlay?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        docs: { type: "string" },
        out: { type: "string" },
        overlay: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { usage: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  if (values.help) return { usage: USAGE };
  const overlayPath = values.overlay ?? (values.docs === undefined ? DEFAULT_OVERLAY : undefined);
  return {
    docsDir: values.docs ?? DEFAULT_DOCS,
    outFile: values.out ?? DEFAULT_OUT,
    ...(overlayPath ? { overlayPath } : {}),
  };
}

/**
 * `pnpm reconstruct`: rebuilds the spec and writes it atomically. Warnings go to stderr;
 * on bad input every error is printed, the exit code is 1 and the output is untouched.
 */
export async function reconstructCommand(argv: string[]): Promise<number> {
  const options = parseReconstructArgs(argv);
  if ("usage" in options) {
    process.stderr.write(`${options.usage}\n`);
    return options.usage.startsWith("usage:") ? 0 : 2;
  }
  try {
    const result = await reconstructSpec({
      docsDir: options.docsDir,
      ...(options.overlayPath ? { overlayPath: options.overlayPath } : {}),
    });
    for (const warning of result.warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
    await writeFileAtomic(options.outFile, result.yaml);
    const paths = Object.keys(result.document.paths).length;
    const schemas = Object.keys(result.document.components.schemas).length;
    process.stdout.write(
      `wrote ${displayPath(options.outFile)}: ${paths} paths, ${schemas} schemas, ${result.warnings.length} warnings\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ReconstructError)) throw error;
    for (const diagnostic of [...error.warnings, ...error.diagnostics])
      process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    process.stderr.write(
      `reconstruct failed with ${error.diagnostics.length} error(s); ${displayPath(options.outFile)} was not written\n`,
    );
    return 1;
  }
}
