import { describe, expect, it } from "vitest";
import { expectApiError } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { FACTOR_IDS } from "../operation-calls.js";
import { enrolledDeviceOf, type MfaTokenResult } from "../wire.js";

const CALLS = 50;

/** Many calls in flight on one client instance must not see each other's requests or answers. */
export function concurrencyScenarios(context: ContractContext): void {
  describe("concurrency", () => {
    it(`${CALLS} concurrent calls of mixed operations on one client do not cross-talk`, async () => {
      const client = context.client();
      const users = Array.from({ length: CALLS }, () => context.seedUser());
      const issuedAt = context.server.clock.now();

      // Three kinds interleaved: enroll (body echoes back), MFA token (per-call expiry), and
      // an error (per-call URL and body) so failures are checked for cross-talk too.
      const outcomes = await Promise.all(
        users.map(async (userId, index) => {
          switch (index % 3) {
            case 0: {
              const number = `+1415555${String(index).padStart(4, "0")}`;
              const device = enrolledDeviceOf(
                await client.enrollMfaFactor({
                  userId,
                  body: { number, factor_id: FACTOR_IDS.sms, display_name: `device ${index}` },
                }),
              );
              expect(device).toMatchObject({ user_display_name: `device ${index}`, phone_number: number });
              expect(context.server.state.devices(userId).map((d) => d.displayName)).toEqual([`device ${index}`]);
              return "enrolled";
            }
            case 1: {
              const result = (await client.generateMfAtoken({
                userId,
                body: { expires_in: 1_000 + index },
              })) as MfaTokenResult;
              expect(result.expires_at).toBe(new Date(issuedAt + (1_000 + index) * 1_000).toISOString());
              expect(context.server.state.mfaTokens(userId).map((t) => t.token)).toEqual([result.mfa_token]);
              return "token";
            }
            default: {
              const missing = context.unknownUserId() - index;
              const error = await expectApiError(context, client.getMfaFactors({ userId: missing }), {
                status: 404,
                operationId: "get_mfa_factors",
              });
              expect(new URL(error.url).pathname).toBe(`/api/1/users/${missing}/auth_factor`);
              expect(error.body).toMatchObject({ message: `User ${missing} not found` });
              return "not found";
            }
          }
        }),
      );
      expect(outcomes.filter((o) => o === "enrolled")).toHaveLength(17);
      expect(outcomes.filter((o) => o === "token")).toHaveLength(17);
      expect(outcomes.filter((o) => o === "not found")).toHaveLength(16);
      expect(context.server.state.requests).toHaveLength(CALLS);
    });
  });
}
