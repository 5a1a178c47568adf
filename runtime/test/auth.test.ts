import { describe, expect, it } from "vitest";
import type { AccessToken } from "../src/auth.js";
import { applyAuthorization, resolveAuthorization } from "../src/auth.js";
import type { RequestSummary } from "../src/errors.js";
import { AccessTokenError } from "../src/errors.js";
import type { SecurityRequirements } from "../src/operation.js";

const request: RequestSummary = {
  operationId: "get_mfa_factors",
  method: "GET",
  path: "/api/1/users/{user_id}/auth_factor",
};
const oauth: SecurityRequirements = [["OAuth2"]];

describe("resolveAuthorization", () => {
  const cases: [
    string,
    { given: { token: AccessToken | undefined; security: SecurityRequirements }; want: string | undefined },
  ][] = [
    ["a fixed token", { given: { token: "t-1", security: oauth }, want: "Bearer t-1" }],
    ["a synchronous provider", { given: { token: () => "t-2", security: oauth }, want: "Bearer t-2" }],
    ["an asynchronous provider", { given: { token: async () => "t-3", security: oauth }, want: "Bearer t-3" }],
    ["optional security (an empty requirement set)", { given: { token: "t-4", security: [[]] }, want: "Bearer t-4" }],
    ["no token configured", { given: { token: undefined, security: oauth }, want: undefined }],
    ["an empty fixed token", { given: { token: "", security: oauth }, want: undefined }],
    ["an operation without security", { given: { token: "t-5", security: [] }, want: undefined }],
  ];

  it.each(cases)("%s", async (_name, { given, want }) => {
    await expect(resolveAuthorization(given.token, given.security, request)).resolves.toBe(want);
  });

  it("does not call the provider for operations without security", async () => {
    let calls = 0;
    await resolveAuthorization(() => `t${++calls}`, [], request);
    expect(calls).toBe(0);
  });

  it("wraps a failing provider in AccessTokenError with the cause", async () => {
    const cause = new Error("token endpoint down");
    const failure = resolveAuthorization(() => Promise.reject(cause), oauth, request);
    await expect(failure).rejects.toBeInstanceOf(AccessTokenError);
    await expect(failure).rejects.toMatchObject({
      cause,
      message: "GET /api/1/users/{user_id}/auth_factor: the accessToken provider failed",
    });
  });

  it.each([
    ["an empty string", ""],
    ["a number", 42],
    ["undefined", undefined],
  ])("rejects a provider that yields %s", async (_name, value) => {
    await expect(resolveAuthorization(() => value as unknown as string, oauth, request)).rejects.toThrow(
      /did not return a non-empty string/,
    );
  });
});

describe("applyAuthorization", () => {
  it.each([
    ["sets the token", { given: { headers: {}, authorization: "Bearer a" }, want: { authorization: "Bearer a" } }],
    [
      "a configured token replaces a caller's header",
      {
        given: { headers: { authorization: "Basic x" }, authorization: "Bearer a" },
        want: { authorization: "Bearer a" },
      },
    ],
    [
      "keeps a caller's header when no token is configured",
      {
        given: { headers: { authorization: "Basic x" }, authorization: undefined },
        want: { authorization: "Basic x" },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const input: Record<string, string> = { ...given.headers };
    expect(applyAuthorization(input, given.authorization)).toStrictEqual(want);
    expect(input).toStrictEqual(given.headers);
  });
});

describe("resolveAuthorization and the provider's signal", () => {
  it("hands the provider the signal it is given", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    await resolveAuthorization(
      ({ signal }) => {
        seen = signal;
        return "t";
      },
      oauth,
      request,
      controller.signal,
    );
    expect(seen).toBe(controller.signal);
  });
});
