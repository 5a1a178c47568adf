import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** The npm scope of the three published packages; the registry setting applies to it alone. */
export const SCOPE = "@onelogin-mfa";

/**
 * The one documented setting: `RELEASE_REGISTRY` (an http or https URL), returned with a trailing
 * slash, the form npm and pnpm key their settings by. `undefined` when it is not set: then nothing
 * is overridden and npm and pnpm publish to their configured default, normally the public registry.
 */
export function releaseRegistry(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.RELEASE_REGISTRY?.trim();
  if (given === undefined || given === "") return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`RELEASE_REGISTRY is not a URL: ${JSON.stringify(given)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`RELEASE_REGISTRY must be an http or https URL, got ${JSON.stringify(given)}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The `.npmrc` line that sends the scope to `registry`; npm and pnpm both read it. */
export function scopedRegistryLine(registry: string): string {
  return `${SCOPE}:registry=${registry}`;
}

/**
 * Environment for the publish step. changesets picks the registry from `npm_config_<scope>:registry`
 * and hands it to `npm info` as a flag, while pnpm 12 ignores `npm_config_*` and reads
 * `pnpm_config_*` and `.npmrc`: so the scope is named in both spellings here, and in `.npmrc` by
 * {@link withScopedRegistry}.
 */
export function publishEnv(
  env: NodeJS.ProcessEnv,
  registry: string | undefined,
  provenance: boolean,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  if (registry !== undefined) {
    out[`npm_config_${SCOPE}:registry`] = registry;
    out[`pnpm_config_${SCOPE}:registry`] = registry;
  }
  // Provenance needs a CI OIDC token, so it is on only when asked (`--provenance`), never by default.
  if (provenance) {
    out.npm_config_provenance = "true";
    out.pnpm_config_provenance = "true";
  }
  return out;
}

/**
 * Runs `task` with a scoped registry line appended to `<root>/.npmrc`, then restores the file
 * exactly as it was (or removes it if it did not exist), whether `task` succeeds or throws.
 */
export async function withScopedRegistry<T>(root: string, registry: string, task: () => Promise<T>): Promise<T> {
  const file = path.join(root, ".npmrc");
  const before = existsSync(file) ? await readFile(file, "utf8") : undefined;
  const kept = (before ?? "")
    .split("\n")
    .filter((line) => !line.startsWith(`${SCOPE}:registry=`))
    .join("\n")
    .trimEnd();
  await writeFile(file, `${kept === "" ? "" : `${kept}\n`}${scopedRegistryLine(registry)}\n`);
  try {
    return await task();
  } finally {
    if (before === undefined) await rm(file, { force: true });
    else await writeFile(file, before);
  }
}
