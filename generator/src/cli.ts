#!/usr/bin/env node
// Thin entry point: parses the sub-command and hands off to a stage.
import { describeFailure } from "./diagnostics.js";

const USAGE = `usage:
  pnpm reconstruct [--docs <folder>] [--out <file>] [--overlay <file>]
  pnpm generate [--spec <file>] [--out <folder>] [--scope <@scope>] [--config <file>] [--check] [--progress | --no-progress] [--no-api-reports]
  pnpm generate --batch <file> [--no-api-reports]
  pnpm spec:diff <old-spec> <new-spec>`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "reconstruct": {
      const { reconstructCommand } = await import("./reconstruct/command.js");
      return reconstructCommand(rest);
    }
    case "generate": {
      const { generateCommand } = await import("./generate/command.js");
      return generateCommand(rest);
    }
    case "spec-diff": {
      const { specDiffCommand } = await import("./release/spec-diff/command.js");
      return specDiffCommand(rest);
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exitCode = 1;
  },
);
