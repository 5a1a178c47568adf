import { describe, expect, it } from "vitest";
import * as here from "../src/errors.js";

// Two copies of the SDK in one program (its ESM and CJS builds, or two bundled versions) make two
// sets of classes. `instanceof` must still recognise the other copy's errors: the brand and the
// fixed names are shared through Symbol.for, not through identity.

describe("instanceof across copies of the error classes", () => {
  it("recognises another copy's errors by brand and name, with the subclass relation kept", async () => {
    // A query string makes the module loader evaluate the file again: a second copy.
    // (Held in a variable so that tsc, which knows no query strings, does not resolve it.)
    const secondCopy = "../src/errors.js?second-copy";
    const there = (await import(secondCopy)) as typeof here;
    expect(there.ApiError).not.toBe(here.ApiError);
    const request = { operationId: "op", method: "GET", path: "/x" } as const;
    const foreign = there.createApiError({ status: 404, statusText: "", body: undefined, headers: {}, request });
    expect(foreign).toBeInstanceOf(here.NotFoundError);
    expect(foreign).toBeInstanceOf(here.ApiError);
    expect(foreign).toBeInstanceOf(here.OneLoginMfaError);
    expect(foreign).not.toBeInstanceOf(here.BadRequestError);
    expect(foreign).not.toBeInstanceOf(here.ConnectionError);
    expect(new there.ConnectionError(request, new Error("x"))).toBeInstanceOf(here.ConnectionError);
  });

  it("does not take unbranded look-alikes or a user's unnamed subclass for SDK errors", () => {
    class ApiError extends Error {}
    Object.defineProperty(ApiError.prototype, "name", { value: "ApiError" });
    expect(new ApiError("x")).not.toBeInstanceOf(here.ApiError);
    class MyError extends here.ApiError {}
    const request = { operationId: "op", method: "GET", path: "/x" } as const;
    const plain = here.createApiError({ status: 418, statusText: "", body: undefined, headers: {}, request });
    expect(plain).not.toBeInstanceOf(MyError);
    expect(new MyError({ status: 418, statusText: "", body: undefined, headers: {}, request })).toBeInstanceOf(MyError);
    expect(null).not.toBeInstanceOf(here.OneLoginMfaError);
  });
});
