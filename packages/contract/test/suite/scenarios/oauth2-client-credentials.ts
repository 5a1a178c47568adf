import { describe, expect, it } from "vitest";
import type { ContractContext } from "../contract-context.js";
import { FACTOR_IDS } from "../operation-calls.js";

/** The fake's operationId for its token endpoint, as its request log names it. */
const TOKEN_EXCHANGE = "oauth2_token";
const CONCURRENT_CALLS = 20;

/**
 * A client whose `accessToken` is the package's own `clientCredentials` helper, against the
 * fake's token endpoint: the token it issues opens the API, concurrent calls share one
 * exchange, a 401 costs one refresh and one retry, and a wrong secret never leaks.
 */
export function oauth2Scenarios(context: ContractContext): void {
  const oauthClient = (clientSecret = context.server.oauth.client.clientSecret) => {
    const provider = context.adapter.oauth2.clientCredentials({
      baseUrl: context.server.url,
      clientId: context.server.oauth.client.clientId,
      clientSecret,
    });
    return context.clientWith({ baseUrl: context.server.url, accessToken: provider });
  };
  const exchanges = () => context.server.state.requests.filter((e) => e.operationId === TOKEN_EXCHANGE);
  const callsOf = (operationId: string) => context.server.state.requests.filter((e) => e.operationId === operationId);

  describe("OAuth2 client credentials", () => {
    it("calls succeed with the token the token endpoint issued", async () => {
      const userId = context.seedUser();
      const client = oauthClient();
      await expect(client.getEnrolledFactors({ userId })).resolves.toBeDefined();
      const issued = context.server.oauth.issued();
      expect(issued).toHaveLength(1);
      expect(exchanges().map((e) => e.status)).toEqual([200]);
      expect(callsOf("get_enrolled_factors").map((e) => e.status)).toEqual([200]);
    });

    it(`${CONCURRENT_CALLS} concurrent calls share one token exchange`, async () => {
      const userId = context.seedUser();
      const client = oauthClient();
      const results = await Promise.all(
        Array.from({ length: CONCURRENT_CALLS }, () => client.getEnrolledFactorsRaw({ userId })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(CONCURRENT_CALLS).fill(200));
      expect(exchanges()).toHaveLength(1);
      expect(callsOf("get_enrolled_factors")).toHaveLength(CONCURRENT_CALLS);
    });

    it("a token expired on the fake's clock gets a 401, one refresh and one retry (GET)", async () => {
      const userId = context.seedUser();
      const client = oauthClient();
      await client.getEnrolledFactors({ userId });
      const [first] = context.server.oauth.issued();
      // Past the fake's token lifetime; the helper's own clock has not moved, so only the 401 tells it.
      context.server.clock.advance(36_001_000);
      await expect(client.getEnrolledFactorsRaw({ userId })).resolves.toMatchObject({ status: 200 });
      expect(exchanges().map((e) => e.status)).toEqual([200, 200]);
      expect(callsOf("get_enrolled_factors").map((e) => e.status)).toEqual([200, 401, 200]);
      const tokens = context.server.oauth.issued().map((t) => t.accessToken);
      expect(tokens).toHaveLength(2);
      expect(tokens[1]).not.toBe(first?.accessToken);
    });

    it("an injected 401 on a POST gets one refresh and one retry, which enrolls once", async () => {
      const userId = context.seedUser({ devices: [] });
      const client = oauthClient();
      await client.getEnrolledFactors({ userId });
      context.server.faults.inject({ status: 401, match: { operationId: "enroll_mfa_factor" }, times: 1 });
      const body = { number: "+14155550123", factor_id: FACTOR_IDS.sms, display_name: "after refresh" };
      await expect(client.enrollMfaFactorRaw({ userId, body })).resolves.toMatchObject({ status: 200 });
      expect(exchanges()).toHaveLength(2);
      expect(callsOf("enroll_mfa_factor").map((e) => e.status)).toEqual([401, 200]);
      expect(context.server.state.devices(userId).map((d) => d.displayName)).toEqual(["after refresh"]);
    });

    it("a 401 on the retry too is the caller's AuthenticationError, after one refresh only", async () => {
      const userId = context.seedUser();
      const client = oauthClient();
      context.server.faults.inject({ status: 401, match: { operationId: "get_enrolled_factors" }, times: 2 });
      const error = await client.getEnrolledFactors({ userId }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(context.adapter.errorClasses.AuthenticationError);
      expect(exchanges()).toHaveLength(2);
      expect(callsOf("get_enrolled_factors").map((e) => e.status)).toEqual([401, 401]);
    });

    it("a wrong secret rejects with a typed error that never contains the secret", async () => {
      const userId = context.seedUser();
      const secret = `wrong-${context.server.oauth.client.clientSecret}-secret`;
      const client = oauthClient(secret);
      const error = await client.getEnrolledFactors({ userId }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(context.adapter.errorClasses.OneLoginMfaError);
      const tokenError = causesOf(error).find((e) => e instanceof context.adapter.oauth2.OAuth2TokenError);
      expect(tokenError, "an OAuth2TokenError in the cause chain").toBeDefined();
      expect(tokenError).toMatchObject({ status: 401, code: "invalid_client" });
      expect(exchanges().map((e) => e.status)).toEqual([401]);
      expect(callsOf("get_enrolled_factors"), "no API call without a token").toEqual([]);
      for (const e of causesOf(error)) {
        expect(e.message).not.toContain(secret);
        expect(String(e.stack)).not.toContain(secret);
        expect(JSON.stringify(e)).not.toContain(secret);
      }
    });
  });
}

/** The error and every `cause` below it. */
function causesOf(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  return chain;
}
