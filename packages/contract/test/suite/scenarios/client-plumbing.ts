import { describe, expect, it } from "vitest";
import { rejectionOf } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { FACTOR_IDS, TEST_PHONE } from "../operation-calls.js";

/** Whether the suite runs in a browser page (the Chromium run) rather than in Node. */
const IN_BROWSER = typeof document !== "undefined";

/** What every client must do around the call itself: auth header, JSON, headers, transport errors. */
export function clientPlumbingScenarios(context: ContractContext): void {
  describe("client plumbing", () => {
    it("sends the bearer token, and JSON with a JSON content type", async () => {
      const userId = context.seedUser();
      await context.client().enrollMfaFactor({
        userId,
        body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" },
      });
      const exchange = context.lastExchange("enroll_mfa_factor");
      expect(exchange.headers.authorization).toBe(`Bearer ${context.server.token}`);
      expect(exchange.headers["content-type"]).toMatch(/^application\/json/);
      expect(exchange.requestBody).toEqual({ number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" });
    });

    it("per-call headers reach the server", async () => {
      const userId = context.seedUser();
      await context.client().getEnrolledFactors({ userId }, { headers: { "x-contract-probe": "probe-value" } });
      expect(context.lastExchange("get_enrolled_factors").headers["x-contract-probe"]).toBe("probe-value");
    });

    it("an access-token function is asked for the token on every request", async () => {
      const userId = context.seedUser();
      let calls = 0;
      const client = context.clientWith({
        baseUrl: context.server.url,
        accessToken: async () => {
          calls += 1;
          return context.server.token;
        },
      });
      await client.getMfaFactors({ userId });
      await client.getEnrolledFactors({ userId });
      expect(calls).toBe(2);
      expect(context.lastExchange("get_enrolled_factors").headers.authorization).toBe(`Bearer ${context.server.token}`);
    });

    it("the user-agent names the package and version after the caller's product", async () => {
      const userId = context.seedUser();
      const client = context.clientWith({
        baseUrl: context.server.url,
        accessToken: context.server.token,
        userAgent: "contract-app/2.0",
      });
      await client.getEnrolledFactors({ userId });
      const sent = context.lastExchange("get_enrolled_factors").headers["user-agent"];
      if (IN_BROWSER) {
        // Browsers send their own user-agent and ignore or refuse a script's (and a custom one would
        // cost a CORS preflight), so a client in a page must not set one: the browser's arrives.
        expect(sent).toBe(navigator.userAgent);
      } else {
        expect(sent).toBe(`contract-app/2.0 ${context.adapter.product}`);
      }
    });

    it("a server that cannot be reached gives ConnectionError, not ApiError", async () => {
      const client = context.clientWith({
        baseUrl: `http://127.0.0.1:${await context.server.unusedPort()}`,
        accessToken: "token",
      });
      const error = await rejectionOf(client.getMfaFactors({ userId: 1 }));
      const classes = context.adapter.errorClasses;
      expect(error).toBeInstanceOf(classes.ConnectionError);
      expect(error).toBeInstanceOf(classes.OneLoginMfaError);
      expect(error).not.toBeInstanceOf(classes.ApiError);
      expect((error as Error).name).toBe("ConnectionError");
    });
  });
}
