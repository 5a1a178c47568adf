import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../diagnostics.js";
import { GENERATED_DIR, PACKAGE_FOLDERS } from "./layout.js";

/** How a path is shown in messages: relative to the working directory, as spec files are. */
const shown = (file: string): string => path.relative(process.cwd(), file) || file;

/**
 * Refuses, before any work, an output folder that cannot hold the packages: the folder, a
 * package folder or its `src/` or `api-report/` is a file, or a package.json there is not JSON.
 * Writing would otherwise fail at the very end, after the whole generation.
 */
export async function assertOutputFolders(outDir: string, reportDir: string): Promise<void> {
  const places = [outDir];
  for (const folder of PACKAGE_FOLDERS)
    places.push(
      path.join(outDir, folder),
      path.join(outDir, folder, GENERATED_DIR),
      path.join(outDir, folder, reportDir),
    );
  for (const place of places) {
    const info = await stat(place).catch(() => undefined);
    if (info && !info.isDirectory())
      throw new InputError([
        {
          severity: "error",
          file: shown(place),
          message: `is a file, but the packages are written here as folders${place === outDir ? " (--out names the folder that holds them)" : ""}`,
        },
      ]);
  }
  // The packages' names and versions are read from their manifests once they are made.
  for (const folder of PACKAGE_FOLDERS) await readManifest(path.join(outDir, folder, "package.json"));
}

/** A package.json's name and version, or `undefined` when there is none; one that is not JSON is an error naming it. */
export async function readManifest(file: string): Promise<{ name?: string; version?: string } | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as { name?: string; version?: string };
  } catch (error) {
    throw new InputError([
      {
        severity: "error",
        file: shown(file),
        message: `is not valid JSON (${(error as Error).message}); fix or remove it, and it is scaffolded anew`,
      },
    ]);
  }
}

/**
 * A file system error met while writing the packages (no permission, a read-only or full disk),
 * as an error naming the code and the place instead of a stack trace. Anything else is returned as it is.
 */
export function writeFailure(error: unknown): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof failure.code !== "string" || typeof failure.path !== "string") return error;
  return new InputError([
    {
      severity: "error",
      file: shown(failure.path),
      message: `cannot write the packages here: ${failure.code}${failure.syscall ? ` (${failure.syscall})` : ""}; nothing was replaced`,
    },
  ]);
}
