import { afterEach, describe, expect, it, vi } from "vitest";
import { createFetchTransport } from "../src/fetch-transport.js";
import type { TransportRequest } from "../src/transport.js";

const request: TransportRequest = {
  method: "POST",
  url: "https://x.test/api/1/users/1/otp_devices",
  headers: { accept: "application/json", "content-type": "application/json" },
  body: '{"a":1}',
};

function fakeFetch(response: () => Response = () => new Response("{}", { status: 200, statusText: "OK" })) {
  const calls: { input: unknown; init: RequestInit | undefined; self: unknown }[] = [];
  const impl = function (this: unknown, input: unknown, init?: RequestInit) {
    calls.push({ input, init, self: this });
    return Promise.resolve(response());
  } as typeof fetch;
  return { impl, calls };
}

describe("createFetchTransport", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("calls the injected fetch with method, headers, body and signal", async () => {
    const { impl, calls } = fakeFetch();
    const signal = new AbortController().signal;
    await createFetchTransport(impl)({ ...request, signal });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe(request.url);
    expect(calls[0]?.init).toStrictEqual({ method: "POST", headers: request.headers, body: '{"a":1}', signal });
  });

  it("leaves body and signal out of the init when absent", async () => {
    const { impl, calls } = fakeFetch();
    await createFetchTransport(impl)({ method: "GET", url: "https://x.test/", headers: {} });
    expect(calls[0]?.init).toStrictEqual({ method: "GET", headers: {} });
  });

  it("looks up the global fetch at call time, calling it on globalThis", async () => {
    const transport = createFetchTransport();
    const { impl, calls } = fakeFetch();
    vi.stubGlobal("fetch", impl);
    await transport(request);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.self).toBe(globalThis);
  });

  it("fails clearly when there is no fetch at all", async () => {
    vi.stubGlobal("fetch", undefined);
    await expect(createFetchTransport()(request)).rejects.toThrow(/No fetch implementation is available/);
  });

  it("maps status, reason phrase, lower-case headers and text", async () => {
    const headers = new Headers({ "Content-Type": "application/json", "X-Rate-Limit": "5", Connection: "close" });
    const { impl } = fakeFetch(() => new Response('{"ok":true}', { status: 418, statusText: "I'm a teapot", headers }));
    await expect(createFetchTransport(impl)(request)).resolves.toStrictEqual({
      status: 418,
      statusText: "I'm a teapot",
      headers: { "content-type": "application/json", "x-rate-limit": "5" },
      bodyText: '{"ok":true}',
    });
  });

  it("joins repeated set-cookie fields", async () => {
    const headers = new Headers();
    headers.append("set-cookie", "a=1");
    headers.append("set-cookie", "b=2");
    const { impl } = fakeFetch(() => new Response("", { status: 200, headers }));
    const response = await createFetchTransport(impl)(request);
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
  });

  it("rejects with the signal's reason even when fetch rejects with something else", async () => {
    const controller = new AbortController();
    const reason = new Error("mine");
    const impl = (() => {
      controller.abort(reason);
      return Promise.reject(new DOMException("The operation was aborted.", "AbortError"));
    }) as typeof fetch;
    await expect(createFetchTransport(impl)({ ...request, signal: controller.signal })).rejects.toBe(reason);
  });

  it("passes network errors through unchanged", async () => {
    const failure = new TypeError("fetch failed");
    const impl = (() => Promise.reject(failure)) as typeof fetch;
    await expect(createFetchTransport(impl)(request)).rejects.toBe(failure);
  });
});
