import { factorToWire } from "../state/wire-shapes.js";
import { envelope, errorReply } from "./replies.js";
import { findUser, isReply } from "./request-reading.js";
import type { OperationHandler } from "./types.js";

/**
 * get_mfa_factors — GET /api/1/users/{user_id}/auth_factor.
 * Lists the factors the user may enroll. The only operation documenting 404, used for an
 * unknown user; 400 is used for a user without an MFA policy.
 */
export const getMfaFactors: OperationHandler = (context) => {
  const user = findUser(context, 404);
  if (isReply(user)) return user;
  if (!user.mfaEnabled) return errorReply(400, `MFA is not enabled for user ${user.id}`);
  return envelope({ auth_factors: user.factors.map(factorToWire) });
};
