import { errorReply } from "./replies.js";
import { findUser, isReply, optionalBoolean, optionalInteger } from "./request-reading.js";
import type { OperationHandler } from "./types.js";

/** Documented limits of a temporary MFA token's lifetime: default and maximum are 72 hours. */
export const MFA_TOKEN_TTL = { defaultSeconds: 259_200, maxSeconds: 259_200 } as const;

/**
 * generate_mf_atoken — POST /api/1/users/{user_id}/mfa_token.
 * Creates a temporary MFA token valid for `expires_in` seconds (default and max 259200),
 * single-use unless `reusable: true`. The 200 body spells the flag `resuable`, as the spec does.
 *
 * The spec documents no error status for this operation. The fake still answers
 * 401 without valid credentials (the operation has a security requirement) and 400 for an
 * unknown user or an out-of-range `expires_in`, like its sibling operations; the response
 * validator tolerates exactly these two (see spec/response-policy.ts).
 */
export const generateMfaToken: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  const expiresIn = optionalInteger(context.body, "expires_in");
  if (isReply(expiresIn)) return expiresIn;
  if (expiresIn !== undefined && (expiresIn < 1 || expiresIn > MFA_TOKEN_TTL.maxSeconds)) {
    return errorReply(400, `expires_in must be between 1 and ${MFA_TOKEN_TTL.maxSeconds} seconds`);
  }
  const reusable = optionalBoolean(context.body, "reusable", false);
  const token = context.store.createMfaToken(user, expiresIn ?? MFA_TOKEN_TTL.defaultSeconds, reusable);
  return {
    status: 200,
    body: { mfa_token: token.token, resuable: token.reusable, expires_at: new Date(token.expiresAt).toISOString() },
  };
};
