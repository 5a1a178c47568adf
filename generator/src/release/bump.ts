/**
 * The semver class of a change, as a consumer's code can observe it: a narrowed input, a removed
 * or renamed export or a changed output type is `major`; a widened output or a new capability is
 * `minor`; documentation-only changes are `patch`; `none` means nothing a consumer can see changed.
 */
export type Bump = "major" | "minor" | "patch" | "none";

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The largest of the given bumps (`none` for no input). */
export function maxBump(...bumps: Bump[]): Bump {
  let largest: Bump = "none";
  for (const bump of bumps) if (RANK[bump] > RANK[largest]) largest = bump;
  return largest;
}

/**
 * One classified difference, in plain words. `where` locates it in the spec (a JSON pointer such as
 * `#/paths/~1users/get`) or in the public API (`@onelogin-mfa/fetch: ActivateMfaFactorsParams`).
 */
export interface ClassifiedChange {
  bump: Exclude<Bump, "none">;
  /** A stable machine-readable kind, e.g. `operation-removed`, `response-enum-value-added`. */
  kind: string;
  where: string;
  /** One sentence for a changelog, e.g. "Removed the `id` property from the 200 response of getEnrolledFactors." */
  message: string;
}
