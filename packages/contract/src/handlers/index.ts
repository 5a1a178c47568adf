import { activateMfaFactors } from "./activate-mfa-factors.js";
import { enrollMfaFactor } from "./enroll-mfa-factor.js";
import { generateMfaToken } from "./generate-mfa-token.js";
import { getEnrolledFactors } from "./get-enrolled-factors.js";
import { getMfaFactors } from "./get-mfa-factors.js";
import { removeMfaFactors } from "./remove-mfa-factors.js";
import type { OperationHandler } from "./types.js";
import { verifyMfaFactor } from "./verify-mfa-factor.js";

/**
 * Handlers by spec operationId. The router takes methods and paths from the spec and
 * only looks the handler up here, so a spec with renamed components still routes.
 */
export const HANDLERS: Readonly<Record<string, OperationHandler>> = {
  activate_mfa_factors: activateMfaFactors,
  enroll_mfa_factor: enrollMfaFactor,
  generate_mf_atoken: generateMfaToken,
  get_enrolled_factors: getEnrolledFactors,
  get_mfa_factors: getMfaFactors,
  remove_mfa_factors: removeMfaFactors,
  verify_mfa_factor: verifyMfaFactor,
};
