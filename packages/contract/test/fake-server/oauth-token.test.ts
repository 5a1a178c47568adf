import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { rawCall } from "./raw-http.js";

const CLIENT = { clientId: "client-id-1", clientSecret: "client-secret-1" };
let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ startTime: Date.UTC(2024, 0, 1), oauthClients: [CLIENT], tokenTtlSeconds: 600 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.state.reset();
  server.state.addUser({ id: 1 });
});
afterEach(() => expect(server.state.takeViolations()).toEqual([]));

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function requestToken(headers: Record<string, string>, body: string) {
  const response = await fetch(`${server.url}/auth/oauth2/v2/token`, { method: "POST", headers, body });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

const json = { "content-type": "application/json" };
const grant = JSON.stringify({ grant_type: "client_credentials" });

describe("OAuth2 token endpoint", () => {
  it.each([
    ["HTTP Basic and a JSON body", { ...json, authorization: basic(CLIENT.clientId, CLIENT.clientSecret) }, grant],
    [
      "OneLogin's client_id/client_secret header",
      { ...json, authorization: `client_id:${CLIENT.clientId}, client_secret:${CLIENT.clientSecret}` },
      grant,
    ],
    [
      "a form body with the credentials",
      { "content-type": "application/x-www-form-urlencoded" },
      new URLSearchParams({
        grant_type: "client_credentials",
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }).toString(),
    ],
  ])("issues a bearer token for %s", async (_, headers, body) => {
    const response = await requestToken(headers, body);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{48}$/),
      created_at: "2024-01-01T00:00:00.000Z",
      expires_in: 600,
      token_type: "bearer",
      account_id: expect.any(Number),
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("a wrong secret is a 401 invalid_client with a Basic challenge, and issues nothing", async () => {
    const response = await requestToken({ ...json, authorization: basic(CLIENT.clientId, "wrong") }, grant);
    expect(response).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(server.oauth.issued()).toEqual([]);
  });

  it.each([
    ["another grant type", JSON.stringify({ grant_type: "password" }), "unsupported_grant_type"],
    ["a body that is not JSON", "{", "invalid_request"],
  ])("answers 400 for %s", async (_, body, error) => {
    const response = await requestToken({ ...json, authorization: basic(CLIENT.clientId, CLIENT.clientSecret) }, body);
    expect(response).toMatchObject({ status: 400, body: { error } });
  });

  it("returns the same token until it expires on the fake clock, which the API then refuses", async () => {
    const auth = { ...json, authorization: basic(CLIENT.clientId, CLIENT.clientSecret) };
    const first = (await requestToken(auth, grant)).body;
    const call = (token: unknown) => rawCall(server, "GET", "/api/1/users/1/otp_devices", { token: String(token) });
    expect((await call(first.access_token)).status).toBe(200);

    server.clock.advance(599_000);
    const again = (await requestToken(auth, grant)).body;
    expect(again).toMatchObject({ access_token: first.access_token, expires_in: 1 });
    expect((await call(first.access_token)).status).toBe(200);

    server.clock.advance(1_000);
    expect((await call(first.access_token)).status).toBe(401);
    const renewed = (await requestToken(auth, grant)).body;
    expect(renewed.access_token).not.toBe(first.access_token);
    expect((await call(renewed.access_token)).status).toBe(200);
    expect(server.oauth.issued().map((t) => t.accessToken)).toEqual([first.access_token, renewed.access_token]);
  });
});
