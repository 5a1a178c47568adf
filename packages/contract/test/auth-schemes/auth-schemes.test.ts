import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AuthFixtureClient, type GeneratedAuthClients, generateAuthClients } from "./generate-auth-clients.js";
import { type RecordingServer, type SeenRequest, startRecordingServer } from "./recording-server.js";

// Security schemes other than the MFA spec's OAuth 2 bearer, on a spec that declares them all
// (auth-schemes.yaml): both generated clients must put exactly the credentials each operation's
// requirements ask for on the wire, under the same scenario names.

const BASIC = { username: "Aladdin", password: "open sesame ü" };
const API_KEYS = { headerKey: "header-key-1", queryKey: "query key&2", cookieKey: "cookie;key 3" };

let generated: GeneratedAuthClients;
let server: RecordingServer;

beforeAll(async () => {
  [generated, server] = await Promise.all([generateAuthClients(), startRecordingServer()]);
});
afterAll(async () => {
  await Promise.all([generated?.remove(), server?.close()]);
});
beforeEach(() => {
  server.seen.length = 0;
});

const clientNames = ["fetch", "axios"] as const;

describe.each(clientNames)("auth schemes: %s client", (name) => {
  const sdk = (): AuthFixtureClient => {
    const found = generated.clients.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no generated ${name} client`);
    return found.module;
  };
  const client = (credentials: Record<string, unknown>) =>
    sdk().createClient({ baseUrl: server.url, maxRetries: 0, ...credentials });
  const call = async (
    operation: string,
    credentials: Record<string, unknown>,
    params: Record<string, unknown> = {},
    options?: Record<string, unknown>,
  ): Promise<SeenRequest> => {
    const fn = sdk()[operation] as (client: unknown, params: unknown, options?: unknown) => Promise<unknown>;
    await fn(client(credentials), params, options);
    expect(server.seen).toHaveLength(1);
    return server.seen[0] as SeenRequest;
  };
  const allCredentials = { accessToken: "bearer-token", basicAuth: BASIC, apiKeys: API_KEYS };
  const credentialHeaders = (seen: SeenRequest) => ({
    authorization: seen.headers.authorization,
    "x-api-key": seen.headers["x-api-key"],
    cookie: seen.headers.cookie,
  });

  it("HTTP basic sends Authorization: Basic with the UTF-8 bytes of username:password in base64", async () => {
    const seen = await call("getWithBasic", allCredentials);
    expect(seen.headers.authorization).toBe(`Basic ${Buffer.from("Aladdin:open sesame ü", "utf8").toString("base64")}`);
    expect(seen.headers["x-api-key"]).toBeUndefined();
    expect(seen.target).toBe("/basic");
  });

  it("an API key in a header goes in the header the scheme names, and nothing else is sent", async () => {
    const seen = await call("getWithHeaderKey", allCredentials);
    expect(credentialHeaders(seen)).toEqual({
      authorization: undefined,
      "x-api-key": "header-key-1",
      cookie: undefined,
    });
    expect(seen.target).toBe("/header-key");
  });

  it("an API key in the query is percent-encoded after the operation's own query parameters", async () => {
    const seen = await call("getWithQueryKey", allCredentials, { page: 2 });
    expect(seen.target).toBe("/query-key?page=2&api_key=query%20key%262");
    expect(credentialHeaders(seen)).toEqual({ authorization: undefined, "x-api-key": undefined, cookie: undefined });
  });

  it("an API key in a cookie is percent-encoded and joins the operation's own cookie parameters", async () => {
    const seen = await call("getWithCookieKey", allCredentials, { theme: "dark" });
    expect(seen.headers.cookie).toBe("theme=dark; session=cookie%3Bkey%203");
    expect(seen.headers.authorization).toBeUndefined();
  });

  it("alternatives: the first requirement the client holds credentials for is used, and only that one", async () => {
    expect(credentialHeaders(await call("getWithBasicOrHeaderKey", allCredentials))).toEqual({
      authorization: `Basic ${Buffer.from("Aladdin:open sesame ü", "utf8").toString("base64")}`,
      "x-api-key": undefined,
      cookie: undefined,
    });
    server.seen.length = 0;
    expect(credentialHeaders(await call("getWithBasicOrHeaderKey", { apiKeys: { headerKey: "only-key" } }))).toEqual({
      authorization: undefined,
      "x-api-key": "only-key",
      cookie: undefined,
    });
  });

  it("a combined requirement applies every scheme in it together", async () => {
    const seen = await call("getWithHeaderAndQueryKey", allCredentials);
    expect(seen.headers["x-api-key"]).toBe("header-key-1");
    expect(seen.target).toBe("/header-and-query-key?api_key=query%20key%262");
  });

  it("a combined requirement the client holds only part of sends neither part", async () => {
    const error = await call("getWithHeaderAndQueryKey", { apiKeys: { headerKey: "header-key-1" } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(sdk().ApiError);
    expect((error as { status: number }).status).toBe(401);
    const seen = server.seen[0] as SeenRequest;
    expect(seen.headers["x-api-key"]).toBeUndefined();
    expect(seen.target).toBe("/header-and-query-key");
  });

  it("the spec's root security applies to operations that declare none (bearer here)", async () => {
    const seen = await call("getWithDefaultSecurity", allCredentials);
    expect(credentialHeaders(seen)).toEqual({
      authorization: "Bearer bearer-token",
      "x-api-key": undefined,
      cookie: undefined,
    });
  });

  it("security: [] sends none of the client's credentials but keeps the caller's own authorization header", async () => {
    const bare = await call("getPublic", allCredentials);
    expect(credentialHeaders(bare)).toEqual({ authorization: undefined, "x-api-key": undefined, cookie: undefined });
    expect(bare.target).toBe("/public");
    server.seen.length = 0;
    const own = await call("getPublic", allCredentials, {}, { headers: { Authorization: "Custom caller-value" } });
    expect(own.headers.authorization).toBe("Custom caller-value");
  });

  it("a rejected call's error carries no password, API key or token", async () => {
    const wrongBasic = { username: "Aladdin", password: "wrong sesame" };
    const wrongKeys = { headerKey: "wrong-header-key", queryKey: "wrong query&key", cookieKey: "wrong-cookie" };
    const rejections = [
      ["getWithBasic", { basicAuth: wrongBasic }],
      ["getWithHeaderAndQueryKey", { apiKeys: wrongKeys }],
      ["getWithCookieKey", { apiKeys: wrongKeys }],
      ["getWithDefaultSecurity", { accessToken: "wrong-bearer-token" }],
    ] as const;
    for (const [operation, credentials] of rejections) {
      server.seen.length = 0;
      const error = await call(operation, credentials).catch((caught: unknown) => caught);
      expect(error, operation).toBeInstanceOf(sdk().ApiError);
      expect((error as { status: number }).status, operation).toBe(401);
      const e = error as Error & { toJSON(): unknown };
      const text = [e.message, e.stack, JSON.stringify(e.toJSON()), JSON.stringify(e), String(e)].join("\n");
      expect(text, operation).toContain(operation);
      expect(text, operation).not.toMatch(/wrong|QWxhZGRpbj/);
    }
  });
});
