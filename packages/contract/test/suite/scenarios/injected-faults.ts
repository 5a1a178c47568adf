import { describe, expect, it } from "vitest";
import { type ApiErrorFields, rejectionOf } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { FACTOR_IDS, TEST_PHONE } from "../operation-calls.js";

/** Status → the class name every client throws for it (issue 8: keep today's classes). */
const CLASS_BY_STATUS: ReadonlyArray<[number, string]> = [
  [403, "PermissionDeniedError"],
  [409, "ConflictError"],
  [422, "UnprocessableEntityError"],
  [429, "RateLimitError"],
  [500, "InternalServerError"],
  [503, "InternalServerError"],
];

/**
 * Answers the spec never documents but a real deployment gives (gateways, rate limiters,
 * outages), injected into the fake and carried through each client's real transport.
 * The calls are POSTs, which clients do not retry by default, so one injected fault is
 * exactly one failure the caller sees.
 */
export function injectedFaultScenarios(context: ContractContext): void {
  const enroll = (options: { timeoutMs?: number } = {}) => {
    const userId = context.seedUser();
    return context
      .client()
      .enrollMfaFactor(
        { userId, body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" } },
        options,
      );
  };

  describe("injected faults", () => {
    it.each(CLASS_BY_STATUS)("an injected %i becomes %s with the spec's Error body", async (status, className) => {
      context.server.faults.inject({ status, match: { operationId: "enroll_mfa_factor" } });
      const error = await rejectionOf(enroll());
      const classes = context.adapter.errorClasses;
      expect(error).toBeInstanceOf(classes.ApiError);
      expect(error).toBeInstanceOf(classes.OneLoginMfaError);
      const fields = error as ApiErrorFields;
      expect(fields.name).toBe(className);
      expect(fields.status).toBe(status);
      expect(fields.body).toEqual(context.lastExchange("enroll_mfa_factor").responseBody);
      expect(fields.body).toMatchObject({ code: status, error: true });
    });

    it("a 429's Retry-After reaches the caller in the error's headers", async () => {
      context.server.faults.inject({
        status: 429,
        retryAfter: { seconds: 17 },
        match: { operationId: "enroll_mfa_factor" },
      });
      const error = (await rejectionOf(enroll())) as ApiErrorFields;
      expect(error.headers["retry-after"]).toBe("17");
    });

    it("a reply slower than timeoutMs rejects with TimeoutError, and the client hangs up", async () => {
      context.server.faults.inject({ delayMs: 60_000, match: { operationId: "enroll_mfa_factor" } });
      const error = await rejectionOf(enroll({ timeoutMs: 100 }));
      expect(error).toBeInstanceOf(context.adapter.errorClasses.OneLoginMfaError);
      expect(error).not.toBeInstanceOf(context.adapter.errorClasses.ApiError);
      expect((error as Error).name).toBe("TimeoutError");
      await expect
        .poll(() => context.server.state.requests.find((e) => e.operationId === "enroll_mfa_factor")?.fault)
        .toBe("delay 60000ms, client disconnected");
    });

    it("a reset connection rejects with ConnectionError", async () => {
      // A browser resends a request, even a POST, when a reused keep-alive connection is reset
      // before any answer (it cannot tell that from an idle close); the fake then closes its idle
      // connections, so the resend goes over a fresh one, whose reset the browser does report.
      context.server.faults.inject({ reset: true, times: 2, match: { operationId: "enroll_mfa_factor" } });
      const error = await rejectionOf(enroll());
      expect(error).toBeInstanceOf(context.adapter.errorClasses.ConnectionError);
      expect(error).not.toBeInstanceOf(context.adapter.errorClasses.ApiError);
    });
  });
}
