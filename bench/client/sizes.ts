import { spawnSync } from "node:child_process";
import path from "node:path";
import { type BundleSize, bundleSize, entryFor } from "./bundle.js";

/** The MFA spec's seven operations, as function names. */
export const MFA_OPERATIONS = [
  "activateMfaFactors",
  "enrollMfaFactor",
  "generateMfAtoken",
  "getEnrolledFactors",
  "getMfaFactors",
  "removeMfaFactors",
  "verifyMfaFactor",
];

/** Bundle sizes of one client. */
export interface ClientSizes {
  all: BundleSize;
  one: BundleSize;
  /** Gzip bytes each further operation adds, from a spec with many operations. */
  perOperation: number;
  /** Operations in that spec. */
  bigSpecOperations: number;
}

/** Every `export function x(` that is not a `Raw` twin, in a generated api file tree. */
function operationFunctions(srcDir: string): string[] {
  const result = spawnSync("grep", ["-rhoE", "^export function [A-Za-z0-9_$]+\\(", path.join(srcDir, "apis")], {
    encoding: "utf8",
  });
  return result.stdout
    .split("\n")
    .map((line) => line.replace(/^export function /, "").replace(/\($/, ""))
    .filter((name) => name !== "" && !name.endsWith("Raw"))
    .sort();
}

/**
 * Sizes for one flavour: all seven operations and one (`getEnrolledFactors`) with
 * `createClient`, from the package's generated sources, and the per-operation cost from the
 * same flavour generated from `bigSpecDir` (a spec of at least 100 operations).
 */
export async function clientSizes(root: string, flavor: "fetch" | "axios", bigSpecDir: string): Promise<ClientSizes> {
  const src = path.join(root, "packages", flavor, "src");
  const index = path.join(src, "index.gen.ts");
  const all = await bundleSize(entryFor(index, ["createClient", ...MFA_OPERATIONS]), root);
  const one = await bundleSize(entryFor(index, ["createClient", "getEnrolledFactors"]), root);
  const bigSrc = path.join(bigSpecDir, flavor, "src");
  const bigOperations = operationFunctions(bigSrc);
  const big = await bundleSize(entryFor(path.join(bigSrc, "index.gen.ts"), ["createClient", ...bigOperations]), root);
  // The big spec's runtime is the same code, so the difference is per-operation code only.
  const perOperation = (big.gzip - all.gzip) / (bigOperations.length - MFA_OPERATIONS.length);
  return { all, one, perOperation, bigSpecOperations: bigOperations.length };
}

/** openapi-fetch over `@onelogin-mfa/schema`'s openapi-typescript `paths`: all seven calls, and one. */
export async function openapiFetchSizes(root: string): Promise<{ all: BundleSize; one: BundleSize }> {
  const dir = path.join(root, "bench", "client", "peers");
  const all = await bundleSize('export { api, all } from "./openapi-fetch-calls.ts";\n', dir);
  const one = await bundleSize('export { api, getEnrolledFactors } from "./openapi-fetch-calls.ts";\n', dir);
  return { all, one };
}
