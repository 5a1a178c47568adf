import { type RunningFakeServer, startFakeServer } from "@onelogin-mfa/contract";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredentials, OAuth2TokenError } from "../src/oauth2-client-credentials.js";

const CLIENT = { clientId: "runtime-test-client", clientSecret: "s3cret-value-that-must-not-leak" };
const TTL_SECONDS = 600;
let server: RunningFakeServer;

beforeAll(async () => {
  server = await startFakeServer({
    startTime: Date.UTC(2024, 0, 1),
    oauthClients: [CLIENT],
    tokenTtlSeconds: TTL_SECONDS,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  // Clears the request log, pending faults and issued tokens between tests.
  server.state.reset();
  server.state.addUser({ id: 1 });
});

const tokenRequests = () => server.state.requests.filter((e) => e.operationId === "oauth2_token");
const fresh = (extra: Partial<Parameters<typeof clientCredentials>[0]> = {}) =>
  clientCredentials({ baseUrl: server.url, ...CLIENT, now: () => server.clock.now(), ...extra });
const context = () => ({ signal: new AbortController().signal });

/** Everything an error exposes: message, stack, cause chain and JSON. */
function everythingIn(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, current.stack ?? "", JSON.stringify(current));
    current = current.cause;
  }
  return parts.join("\n");
}

describe("clientCredentials", () => {
  it("exchanges the credentials with HTTP Basic and a JSON grant, and the token opens the API", async () => {
    const token = await fresh()(context());
    const [exchange] = tokenRequests();
    expect(exchange?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
    );
    expect(exchange?.headers["content-type"]).toBe("application/json");
    expect(exchange?.requestBody).toEqual({ grant_type: "client_credentials" });
    expect(exchange?.status).toBe(200);
    const api = await fetch(`${server.url}/api/1/users/1/otp_devices`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
  });

  it("20 concurrent calls share one exchange", async () => {
    const provider = fresh();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => provider(context())));
    expect(new Set(tokens).size).toBe(1);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("serves the cached token, then refreshes refreshMarginMs before expires_in (on the injected clock)", async () => {
    const provider = fresh({ refreshMarginMs: 30_000 });
    const first = await provider(context());
    server.clock.advance((TTL_SECONDS - 31) * 1000);
    expect(await provider(context())).toBe(first);
    expect(tokenRequests()).toHaveLength(1);
    server.clock.advance(2_000); // now inside the margin
    await provider(context());
    expect(tokenRequests()).toHaveLength(2);
  });

  it("after expiry the fake refuses the old token and the provider has a new one", async () => {
    const provider = fresh();
    const first = await provider(context());
    server.clock.advance(TTL_SECONDS * 1000);
    const second = await provider(context());
    expect(second).not.toBe(first);
    const call = (token: string) =>
      fetch(`${server.url}/api/1/users/1/otp_devices`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call(first)).status).toBe(401);
    expect((await call(second)).status).toBe(200);
  });

  it("invalidate() makes the next call exchange again", async () => {
    const provider = fresh();
    await provider(context());
    provider.invalidate();
    await provider(context());
    expect(tokenRequests()).toHaveLength(2);
  });

  it("a wrong secret rejects with OAuth2TokenError 401 invalid_client that never contains the secret", async () => {
    const wrongSecret = "wrong-secret-also-private";
    const error = await fresh({ clientSecret: wrongSecret })(context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2TokenError);
    expect(error).toMatchObject({ name: "OAuth2TokenError", status: 401, code: "invalid_client" });
    expect(everythingIn(error)).not.toContain(wrongSecret);
    expect(everythingIn(error)).not.toContain(Buffer.from(`${CLIENT.clientId}:${wrongSecret}`).toString("base64"));
  });

  it("a failed exchange is not cached: the next call tries again", async () => {
    server.faults.inject({ status: 503, match: { operationId: "oauth2_token" } });
    const provider = fresh();
    await expect(provider(context())).rejects.toMatchObject({ status: 503 });
    await expect(provider(context())).resolves.toMatch(/^[0-9a-f]+$/);
  });

  it("a connection failure names its cause and not the secret", async () => {
    server.faults.inject({ reset: true, match: { operationId: "oauth2_token" } });
    const error = await fresh()(context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2TokenError);
    expect((error as Error).message).toMatch(
      /token request to http:\/\/127\.0\.0\.1:\d+\/auth\/oauth2\/v2\/token failed: .*ECONNRESET/,
    );
    expect(everythingIn(error)).not.toContain(CLIENT.clientSecret);
  });

  it("the signal cancels a pending exchange, without waiting for the server", async () => {
    server.faults.inject({ delayMs: 60_000, match: { operationId: "oauth2_token" } });
    const provider = fresh();
    const controller = new AbortController();
    const call = provider({ signal: controller.signal });
    const reason = new Error("caller gave up");
    await expect.poll(() => server.faults.pending).toBe(0); // the request reached the fake
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await expect.poll(() => tokenRequests().at(-1)?.fault).toBe("delay 60000ms, client disconnected");
  });

  it("one caller's abort does not cancel the exchange another caller waits for", async () => {
    server.faults.inject({ delayMs: 100, match: { operationId: "oauth2_token" } });
    const provider = fresh();
    const quitter = new AbortController();
    const abandoned = provider({ signal: quitter.signal });
    const kept = provider(context());
    quitter.abort(new Error("quit"));
    await expect(abandoned).rejects.toThrow("quit");
    await expect(kept).resolves.toMatch(/^[0-9a-f]+$/);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("an already aborted signal rejects without any request", async () => {
    const controller = new AbortController();
    controller.abort(new Error("before"));
    await expect(fresh()({ signal: controller.signal })).rejects.toThrow("before");
    expect(tokenRequests()).toHaveLength(0);
  });

  it.each([
    ["an empty access_token", { access_token: "", expires_in: 10 }, /answered 200 without an access_token/],
    ["no access_token", { expires_in: 10 }, /answered 200 without an access_token/],
    ["a negative expires_in", { access_token: "t", expires_in: -5 }, /expires_in that is not a positive number/],
    ["a string expires_in", { access_token: "t", expires_in: "3600" }, /expires_in that is not a positive number/],
    ["a MAC token", { access_token: "t", token_type: "mac", expires_in: 10 }, /token_type the clients cannot send/],
  ])("a 2xx with %s is an error", async (_label, answer, message) => {
    const provider = fresh({ fetch: async () => new Response(JSON.stringify(answer), { status: 200 }) });
    await expect(provider(context())).rejects.toThrow(message);
  });

  it.each([
    ["builds the URL from a subdomain", { subdomain: "acme" }, "https://acme.onelogin.com/auth/oauth2/v2/token"],
    [
      "exchanges at a tokenUrl as given, query and all (another API's clientCredentials flow)",
      { tokenUrl: "https://auth.example.com/oauth/token?audience=api" },
      "https://auth.example.com/oauth/token?audience=api",
    ],
  ])("%s", async (_label, where, want) => {
    const seen: string[] = [];
    const provider = clientCredentials({
      ...where,
      ...CLIENT,
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ access_token: "t", expires_in: 36_000 }), { status: 200 });
      },
    });
    await provider(context());
    expect(seen).toEqual([want]);
  });

  it.each([
    ["neither tokenUrl, baseUrl nor subdomain", {}, /exactly one of tokenUrl, baseUrl and subdomain/],
    ["both", { baseUrl: "https://a.onelogin.com", subdomain: "a" }, /exactly one/],
    [
      "a tokenUrl beside a baseUrl",
      { tokenUrl: "https://a.example/t", baseUrl: "https://a.onelogin.com" },
      /exactly one/,
    ],
    ["a relative tokenUrl", { tokenUrl: "/token" }, /tokenUrl must be an absolute http\(s\) URL/],
    ["credentials in tokenUrl", { tokenUrl: "https://u:p@a.example/t" }, /tokenUrl must not contain credentials/],
    ["a fragment in tokenUrl", { tokenUrl: "https://a.example/t#x" }, /tokenUrl must not have a fragment/],
    ["a subdomain with a dot", { subdomain: "evil.example" }, /not a DNS label/],
    ["a relative baseUrl", { baseUrl: "/x" }, /absolute http\(s\) URL/],
    ["credentials in baseUrl", { baseUrl: "https://user:pw@acme.onelogin.com" }, /must not contain credentials/],
    ["a query in baseUrl", { baseUrl: "https://acme.onelogin.com/?x=1" }, /query or fragment/],
    ["a non-http baseUrl", { baseUrl: "ftp://acme.onelogin.com" }, /must be http\(s\)/],
    ["an empty secret", { baseUrl: "https://acme.onelogin.com", clientSecret: "" }, /clientSecret must be/],
    ["a negative margin", { baseUrl: "https://acme.onelogin.com", refreshMarginMs: -1 }, /refreshMarginMs/],
  ])("refuses %s at once", (_, options, message) => {
    expect(() => clientCredentials({ ...CLIENT, ...options })).toThrow(message);
  });
});
