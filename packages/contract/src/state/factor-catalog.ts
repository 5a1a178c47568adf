/**
 * The kinds of MFA factor the fake knows, and how each one proves possession:
 * - `sms` / `email`: the server sends a one-time code, the user types it back;
 * - `authenticator`: a TOTP app (Google Authenticator style) sharing a secret;
 * - `protect`: OneLogin Protect, a push app that also shows TOTP codes.
 */
export type FactorKind = "sms" | "authenticator" | "protect" | "email";

/** A factor an account can offer, as the API lists it under `auth_factors`. */
export interface FactorDefinition {
  kind: FactorKind;
  /** `factor_id` on the wire: what enroll_mfa_factor takes. */
  factorId: number;
  /** `name` on the wire. */
  name: string;
  /** `auth_factor_name` on the wire (also on enrolled devices). */
  authFactorName: string;
  /** `type_display_name` of devices enrolled with this factor. */
  typeDisplayName: string;
  /**
   * `needs_trigger` of devices of this factor: whether activate_mfa_factors must be
   * called (to send a code or a push) before a verify can succeed.
   */
  needsTrigger: boolean;
  /** Whether the factor is proved with a TOTP code from a shared secret. */
  usesTotp: boolean;
}

/** Every factor the fake account offers; factor ids are stable so tests can use them. */
export const FACTOR_CATALOG: Readonly<Record<FactorKind, FactorDefinition>> = {
  sms: {
    kind: "sms",
    factorId: 101,
    name: "SMS",
    authFactorName: "SMS",
    typeDisplayName: "SMS",
    needsTrigger: true,
    usesTotp: false,
  },
  authenticator: {
    kind: "authenticator",
    factorId: 102,
    name: "Authenticator",
    authFactorName: "Google Authenticator",
    typeDisplayName: "Google Authenticator",
    needsTrigger: false,
    usesTotp: true,
  },
  protect: {
    kind: "protect",
    factorId: 103,
    name: "OneLogin Protect",
    authFactorName: "OneLogin",
    typeDisplayName: "OneLogin Protect",
    needsTrigger: true,
    usesTotp: true,
  },
  email: {
    kind: "email",
    factorId: 104,
    name: "Email",
    authFactorName: "Email",
    typeDisplayName: "Email",
    needsTrigger: true,
    usesTotp: false,
  },
};

/** All factor kinds, in catalog order. */
export const ALL_FACTOR_KINDS: readonly FactorKind[] = ["sms", "authenticator", "protect", "email"];

/** The catalog entry with a given `factor_id`, if any. */
export function factorById(factorId: number): FactorDefinition | undefined {
  return Object.values(FACTOR_CATALOG).find((factor) => factor.factorId === factorId);
}
