import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Names Debian's and other distributions' Chromium packages install on PATH. */
const CHROMIUM_NAMES = ["chromium", "chromium-browser"];

/**
 * The Chromium the browser run drives: `$CHROMIUM_PATH` when set, else the first of
 * {@link CHROMIUM_NAMES} on `PATH`. Never a browser downloaded by Playwright.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.CHROMIUM_PATH;
  if (override) return isExecutable(override) ? override : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
