import { responseFor } from "./load-spec.js";
import type { LoadedSpec, SpecOperation, SpecResponse } from "./openapi-types.js";

/**
 * What the spec says about one (operation, status) pair, from the fake's point of view.
 *
 * - `documented`: the operation lists the status (exactly, as a range, or via `default`).
 * - `tolerated`: the operation does not list it, but the fake sends it on purpose (see below).
 * - `undocumented`: nothing justifies the status; sending it is a spec violation.
 */
export type ResponseExpectation =
  | { kind: "documented"; response: SpecResponse }
  | { kind: "tolerated"; reason: string; response: SpecResponse | undefined }
  | { kind: "undocumented" };

/**
 * Decides whether the fake may send `status` for `operation`, and which body schema applies.
 *
 * Deliberate exceptions to "only documented statuses" (today they matter for
 * `generate_mf_atoken`, which documents no error status at all):
 * - 401 on an operation with a security requirement: the spec demands credentials, so it
 *   implies the rejection of missing ones even where it forgets to list 401.
 * - 400 on any operation: the fake rejects requests that break the spec (bad JSON, wrong
 *   types, out-of-range values) and unknown users; silently accepting them would let client
 *   bugs through, and no other status the spec uses fits better.
 * The body of a tolerated status must match what other operations document for the same
 * status (the API has one error model), so such responses are still checked, not waved through.
 * Every other undocumented status is a violation and fails the test that provoked it.
 */
export function expectationFor(spec: LoadedSpec, operation: SpecOperation, status: number): ResponseExpectation {
  const documented = responseFor(operation, status);
  if (documented !== undefined) return { kind: "documented", response: documented };
  if (status === 401 && operation.requiresAuth) {
    return { kind: "tolerated", reason: "security requirement implies 401", response: borrowed(spec, status) };
  }
  if (status === 400) {
    return { kind: "tolerated", reason: "fake rejects spec-breaking requests", response: borrowed(spec, status) };
  }
  return { kind: "undocumented" };
}

// The first operation that documents this exact status lends its response schema.
function borrowed(spec: LoadedSpec, status: number): SpecResponse | undefined {
  for (const operation of spec.operations) {
    const response = operation.responses.get(String(status));
    if (response?.schema !== undefined) return response;
  }
  return undefined;
}
