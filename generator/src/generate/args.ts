import { ToolError } from "../diagnostics.js";

/** Parsed `generate` arguments. */
export interface GenerateArgs {
  spec?: string;
  out?: string;
  /** npm scope for the generated packages (`@acme`). */
  scope?: string;
  /** A package config file: scope, names, descriptions (package-identity.ts). */
  config?: string;
  check: boolean;
  /** Skip the API reports (and so the changeset), for quick trial generations of other specs. */
  apiReports: boolean;
  /** Show phases as they run: forced on or off; by default only for large specs. */
  progress?: boolean;
  /** A batch file (batch.ts): several specs, each with its own output, in one process and one JVM. */
  batch?: string;
}

/** One line of usage, shown with every argument error. */
export const GENERATE_USAGE =
  "usage: pnpm generate [--spec <file>] [--out <folder>] [--scope <@scope>] [--config <file>] [--check] [--progress | --no-progress] [--no-api-reports] | pnpm generate --batch <file> [--no-api-reports]";

/** Parses the generate flags (GENERATE_USAGE); unknown flags are an error, not ignored. */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const args: GenerateArgs = { check: false, apiReports: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes("=")
      ? [flag.slice(0, flag.indexOf("=")), flag.slice(flag.indexOf("=") + 1)]
      : [flag, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === "") throw new ToolError(`${name} needs a value`);
      return next;
    };
    if (name === "--spec") args.spec = value();
    else if (name === "--out") args.out = value();
    else if (name === "--scope") args.scope = value();
    else if (name === "--config") args.config = value();
    else if (name === "--check") args.check = true;
    else if (name === "--no-api-reports") args.apiReports = false;
    else if (name === "--progress") args.progress = true;
    else if (name === "--no-progress") args.progress = false;
    else if (name === "--batch") args.batch = value();
    else if (name === "--") continue;
    else throw new ToolError(`unknown argument ${JSON.stringify(flag)}; ${GENERATE_USAGE}`);
  }
  if (args.batch !== undefined) {
    const perJob = (["spec", "out", "scope", "config", "check", "progress"] as const).filter((key) =>
      key === "check" ? args.check : args[key] !== undefined,
    );
    if (perJob.length > 0)
      throw new ToolError(
        `--batch cannot be combined with ${perJob.map((key) => `--${key}`).join(", ")}: a batch file gives each job its spec, output, scope and config; ${GENERATE_USAGE}`,
      );
  }
  return args;
}
