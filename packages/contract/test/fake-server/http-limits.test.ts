import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { anErrorBody, rawCall } from "./raw-http.js";

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ maxExchanges: 5, maxBodyBytes: 1024 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.state.reset();
  server.state.addUser({ id: 1 });
});

describe("CORS", () => {
  const origin = "http://127.0.0.1:5173";

  it("answers a preflight with 204, allowing the origin, the method and the requested headers", async () => {
    const response = await fetch(`${server.url}/api/1/users/1/otp_devices`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-contract-probe",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization,content-type,x-contract-probe");
    expect(server.state.requests).toEqual([]); // preflights are the browser's, not the client's
    expect(server.state.takeViolations()).toEqual([]);
  });

  it("lets a page read the answer and Retry-After", async () => {
    server.faults.inject({ status: 429, retryAfter: { seconds: 3 } });
    const response = await rawCall(server, "GET", "/api/1/users/1/otp_devices", { headers: { origin } });
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-expose-headers")).toContain("retry-after");
  });

  it("adds no CORS headers for a request without Origin", async () => {
    const response = await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a plain OPTIONS (not a preflight) is still a 405 with an Allow header", async () => {
    const response = await rawCall(server, "OPTIONS", "/api/1/users/1/otp_devices");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(response.body).toEqual(anErrorBody(405));
    expect(server.state.takeViolations()).toHaveLength(1);
  });

  it("answers HEAD as the GET of the same resource, without the body (RFC 9110 §9.3.2)", async () => {
    const get = await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    const head = await rawCall(server, "HEAD", "/api/1/users/1/otp_devices");
    expect(get.text).not.toBe("");
    expect(head.status).toBe(get.status);
    expect(head.text).toBe("");
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(get.text)));
    expect(server.state.requests.map((e) => [e.method, e.operationId])).toEqual([
      ["GET", "get_enrolled_factors"],
      ["HEAD", "get_enrolled_factors"],
    ]);
    expect(server.state.takeViolations()).toEqual([]);
  });

  it("a HEAD where the spec has no GET is a 405 whose Allow header names what there is", async () => {
    const response = await rawCall(server, "HEAD", "/api/1/users/1/mfa_token");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(server.state.takeViolations()).toHaveLength(1);
  });
});

describe("limits", () => {
  it("keeps only the last maxExchanges exchanges", async () => {
    for (let index = 0; index < 8; index += 1) {
      await rawCall(server, "GET", `/api/1/users/1/otp_devices?n=${index}`);
    }
    expect(server.state.requests.map((e) => e.rawUrl)).toEqual(
      [3, 4, 5, 6, 7].map((n) => `/api/1/users/1/otp_devices?n=${n}`),
    );
  });

  it.each([
    ["a Content-Length over the limit", "x".repeat(4096), false],
    ["a chunked body over the limit", "x".repeat(4096), true],
  ])("answers %s with 413 and stores none of it", async (_, text, chunked) => {
    const body = chunked
      ? new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        })
      : text;
    const response = await fetch(`${server.url}/api/1/users/1/otp_devices`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body,
      ...(chunked ? { duplex: "half" } : {}),
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(anErrorBody(413));
    expect(server.state.requests.at(-1)).toMatchObject({ status: 413, requestBody: undefined });
    expect(server.state.devices(1)).toEqual([]);
  });

  it("a body at the limit is read", async () => {
    const body = JSON.stringify({ number: "+14155550100", factor_id: 101, display_name: "x" });
    const padded = body.padEnd(1024, " ");
    const response = await rawCall(server, "POST", "/api/1/users/1/otp_devices", { body: padded });
    expect(response.status).toBe(200);
  });

  it.each([
    ["maxExchanges", { maxExchanges: 0 }],
    ["maxBodyBytes", { maxBodyBytes: 1.5 }],
  ])("refuses a bad %s at start", async (name, options) => {
    await expect(startFakeServer(options)).rejects.toThrow(new RegExp(`${name} must be a positive integer`));
  });
});
