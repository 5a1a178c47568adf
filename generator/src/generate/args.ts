import { ToolError } from "../diagnostics.js";

/** Parsed `generate` arguments. */
export interface GenerateArgs {
  spec?: string;
  out?: string;
  check: boolean;
}

/** Parses `[--spec <file>] [--out <folder>] [--check]`; unknown flags are an error, not ignored. */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const args: GenerateArgs = { check: false };
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
    else if (name === "--check") args.check = true;
    else if (name === "--") continue;
    else
      throw new ToolError(
        `unknown argument ${JSON.stringify(flag)}; usage: pnpm generate [--spec <file>] [--out <folder>] [--check]`,
      );
  }
  return args;
}
