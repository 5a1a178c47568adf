import { describe, expect, it } from "vitest";
import { ConnectionError } from "../src/errors.js";

const request = { operationId: "get_mfa_factors", method: "GET", path: "/api/1/users/{user_id}/auth_factor" } as const;

const coded = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe("ConnectionError names the underlying cause", () => {
  it.each<[string, { given: unknown; want: { message: string; code: string | undefined } }]>([
    [
      "fetch's nested cause",
      {
        given: new TypeError("fetch failed", { cause: coded("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED") }),
        want: {
          message: "GET /api/1/users/{user_id}/auth_factor: no response received — connect ECONNREFUSED 127.0.0.1:1",
          code: "ECONNREFUSED",
        },
      },
    ],
    [
      "a cause whose message omits its code",
      {
        given: new TypeError("fetch failed", { cause: coded("other side closed", "UND_ERR_SOCKET") }),
        want: {
          message: "GET /api/1/users/{user_id}/auth_factor: no response received — other side closed (UND_ERR_SOCKET)",
          code: "UND_ERR_SOCKET",
        },
      },
    ],
    [
      "a code without a message",
      {
        given: new TypeError("fetch failed", { cause: coded("", "ECONNRESET") }),
        want: {
          message: "GET /api/1/users/{user_id}/auth_factor: no response received — ECONNRESET",
          code: "ECONNRESET",
        },
      },
    ],
    [
      "a plain error",
      {
        given: new Error("socket hang up"),
        want: {
          message: "GET /api/1/users/{user_id}/auth_factor: no response received — socket hang up",
          code: undefined,
        },
      },
    ],
    [
      "a non-error",
      {
        given: "boom",
        want: { message: "GET /api/1/users/{user_id}/auth_factor: no response received", code: undefined },
      },
    ],
  ])("from %s", (_name, { given, want }) => {
    const error = new ConnectionError(request, given);
    expect(error.message).toBe(want.message);
    expect(error.code).toBe(want.code);
    expect(error.cause).toBe(given);
    if (want.code !== undefined) expect(error.toJSON()).toMatchObject({ code: want.code });
  });
});
