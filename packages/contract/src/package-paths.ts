import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/** Folder of this package (`packages/contract`), found from this module's own location. */
export const packageRoot: string = fileURLToPath(new URL("..", import.meta.url));

/**
 * The OpenAPI document the fake serves and validates against: the repository's
 * `spec/openapi.yaml`, two folders above this package. Resolved at call time so a
 * replaced spec is picked up by the next server start.
 */
export function defaultSpecPath(): string {
  return resolve(packageRoot, "../../spec/openapi.yaml");
}
