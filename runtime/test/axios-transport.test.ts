import axios from "axios";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAxiosTransport } from "../src/axios-transport.js";
import type { EchoBody, TestServer } from "./support/echo-server.js";
import { refusedOrigin, startTestServer } from "./support/echo-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("createAxiosTransport", () => {
  it("uses the default axios export when no instance is given", async () => {
    const spy = vi.spyOn(axios, "request");
    await createAxiosTransport()({ method: "GET", url: `${server.origin}/echo/default`, headers: {} });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("uses the given instance, with its default headers", async () => {
    const instance = axios.create({ headers: { "X-From-Instance": "yes" } });
    const spy = vi.spyOn(instance, "request");
    const response = await createAxiosTransport(instance)({
      method: "GET",
      url: `${server.origin}/echo/instance`,
      headers: { accept: "application/json" },
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect((JSON.parse(response.bodyText) as EchoBody).headers["x-from-instance"]).toBe("yes");
  });

  it("overrides instance settings that would change the bytes or reject statuses", async () => {
    const instance = axios.create({
      baseURL: "http://127.0.0.1:9/elsewhere",
      allowAbsoluteUrls: false,
      responseType: "json",
      transformResponse: [(data: unknown) => ({ transformed: data })],
      transformRequest: [() => "replaced"],
      validateStatus: (status) => status < 400,
    });
    const response = await createAxiosTransport(instance)({
      method: "POST",
      url: `${server.origin}/echo/a%2Fb?x=%20`,
      headers: { accept: "application/json", "content-type": "application/json", "x-respond-status": "404" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(404);
    expect(typeof response.bodyText).toBe("string");
    expect(JSON.parse(response.bodyText)).toMatchObject({ url: "/echo/a%2Fb?x=%20", body: '{"a":1}' });
  });

  it("keeps axios' own query encoder out of the way", async () => {
    const response = await createAxiosTransport()({
      method: "GET",
      url: `${server.origin}/echo/q?a=b%20c&d=%2B&e=%3A%24%2C`,
      headers: {},
    });
    expect((JSON.parse(response.bodyText) as EchoBody).url).toBe("/echo/q?a=b%20c&d=%2B&e=%3A%24%2C");
  });

  it("re-throws network errors without the request config", async () => {
    const origin = await refusedOrigin();
    const error = (await createAxiosTransport()({
      method: "GET",
      url: `${origin}/x`,
      headers: { authorization: "Bearer sk-very-secret" },
    }).catch((caught: unknown) => caught)) as Error & { code?: string };
    expect(error).toBeInstanceOf(Error);
    expect(axios.isAxiosError(error)).toBe(false);
    expect(error).not.toHaveProperty("config");
    expect(error).not.toHaveProperty("request");
    expect(error.name).toBe("AxiosError");
    expect(error.code).toBe("ECONNREFUSED");
  });
});
