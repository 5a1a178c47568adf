import { InputError } from "../../diagnostics.js";
import { diffSpecs } from "./index.js";
import { renderSpecDiff } from "./render.js";

/** Usage line of `pnpm spec:diff`. */
export const SPEC_DIFF_USAGE = "pnpm spec:diff <old-spec> <new-spec>";

/**
 * `pnpm spec:diff <old> <new>`: prints the classified changes and `bump: …`. Exit 0 whatever the
 * class, 2 for a usage error or a spec that cannot be read or is invalid (file and place named).
 * A broken environment (no Java, engine not installed) is thrown and exits 1 like other commands.
 */
export async function specDiffCommand(argv: string[]): Promise<number> {
  const flag = argv.find((a) => a.startsWith("-"));
  if (flag !== undefined || argv.length !== 2) {
    const problem = flag !== undefined ? `unknown option ${flag}` : `expected two spec files, got ${argv.length}`;
    process.stderr.write(`spec:diff: ${problem}\nusage: ${SPEC_DIFF_USAGE}\n`);
    return 2;
  }
  try {
    process.stdout.write(renderSpecDiff(await diffSpecs(argv[0]!, argv[1]!)));
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}
