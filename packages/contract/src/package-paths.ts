import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of this package (`packages/contract`), found from this module's own location. */
export const packageRoot: string = fileURLToPath(new URL("..", import.meta.url));

/** Environment variable that points the fake (and so the whole suite) at another spec file. */
export const SPEC_PATH_ENV = "ONELOGIN_MFA_SPEC";

/**
 * The OpenAPI document the fake serves and validates against: `$ONELOGIN_MFA_SPEC` when
 * set (to try a candidate spec), else the repository's `spec/openapi.yaml`, two folders
 * above this package. Resolved at call time so a replaced spec is picked up by the next
 * server start.
 */
export function defaultSpecPath(): string {
  const override = process.env[SPEC_PATH_ENV];
  return override ? resolve(override) : resolve(packageRoot, "../../spec/openapi.yaml");
}
