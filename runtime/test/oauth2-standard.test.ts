import { describe, expect, it } from "vitest";
import { standardClientCredentials } from "../src/oauth2-standard.js";

const CLIENT = { clientId: "app id", clientSecret: "s3cret:with+symbols&more" };
const TOKEN_URL = "https://auth.example.com/oauth/token?audience=api";
const context = () => ({ signal: new AbortController().signal });

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A token endpoint double that records each request and answers `answers` in turn. */
function endpoint(...answers: [number, unknown][]) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: String(init?.body),
    });
    const [status, body] = answers[Math.min(seen.length, answers.length) - 1] ?? [500, {}];
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { seen, fetch };
}

describe("standardClientCredentials (RFC 6749 §4.4)", () => {
  it("sends a form-encoded grant with HTTP Basic whose id and secret are form-encoded first (§2.3.1)", async () => {
    const { seen, fetch } = endpoint([200, { access_token: "tok", token_type: "Bearer", expires_in: 3600 }]);
    const token = await standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch })(context());
    expect(token).toBe("tok");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(TOKEN_URL);
    expect(seen[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(seen[0]!.body).toBe("grant_type=client_credentials");
    const basic = Buffer.from(seen[0]!.headers.authorization!.replace(/^Basic /, ""), "base64").toString("utf8");
    expect(basic).toBe("app+id:s3cret%3Awith%2Bsymbols%26more");
  });

  it("client_secret_post sends the credentials in the form and no Authorization header", async () => {
    const { seen, fetch } = endpoint([200, { access_token: "tok", token_type: "bearer" }]);
    await standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch, authMethod: "client_secret_post" })(
      context(),
    );
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
  });

  it.each([
    ["a list", ["read:pets", "write:pets"]],
    ["a space-separated string", "read:pets  write:pets"],
  ])("asks for the scopes given as %s, joined by one space", async (_label, scope) => {
    const { seen, fetch } = endpoint([200, { access_token: "tok" }]);
    await standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch, scope })(context());
    expect(new URLSearchParams(seen[0]!.body).get("scope")).toBe("read:pets write:pets");
  });

  it("keeps a token without expires_in until invalidate(), then exchanges again", async () => {
    const { seen, fetch } = endpoint([200, { access_token: "first" }], [200, { access_token: "second" }]);
    let clock = 0;
    const provider = standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch, now: () => clock });
    expect(await provider(context())).toBe("first");
    clock += 365 * 24 * 3600 * 1000;
    expect(await provider(context())).toBe("first");
    expect(seen).toHaveLength(1);
    provider.invalidate();
    expect(await provider(context())).toBe("second");
    expect(seen).toHaveLength(2);
  });

  it("refreshes a token with expires_in before it expires", async () => {
    const { seen, fetch } = endpoint(
      [200, { access_token: "first", expires_in: 600 }],
      [200, { access_token: "second", expires_in: 600 }],
    );
    let clock = 0;
    const provider = standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch, now: () => clock });
    expect(await provider(context())).toBe("first");
    clock = 539_000;
    expect(await provider(context())).toBe("first");
    clock = 540_000;
    expect(await provider(context())).toBe("second");
    expect(seen).toHaveLength(2);
  });

  it("an RFC 6749 §5.2 error answer names the code and never the secret, even URL-encoded", async () => {
    const encoded = encodeURIComponent(CLIENT.clientSecret);
    const { fetch } = endpoint([
      401,
      { error: "invalid_client", error_description: `unknown secret ${CLIENT.clientSecret} (${encoded})` },
    ]);
    const failure: unknown = await standardClientCredentials({ tokenUrl: TOKEN_URL, ...CLIENT, fetch })(context()).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(failure instanceof Error)) throw new Error("the exchange did not fail");
    expect(failure).toMatchObject({ name: "OAuth2TokenError", status: 401, code: "invalid_client" });
    expect(failure.message).toContain("token endpoint answered 401 invalid_client");
    expect(failure.message).not.toContain(CLIENT.clientSecret);
    expect(failure.message).not.toContain(encoded);
  });

  it.each([
    ["a relative tokenUrl", { tokenUrl: "/token" }, /tokenUrl must be an absolute http\(s\) URL/],
    ["no tokenUrl", { tokenUrl: undefined as unknown as string }, /tokenUrl must be an absolute http\(s\) URL/],
    ["credentials in tokenUrl", { tokenUrl: "https://u:p@a.example/t" }, /must not contain credentials/],
    ["a scope with a quote", { tokenUrl: TOKEN_URL, scope: ['say"hi'] }, /scope "say\\"hi" is not a scope token/],
    ["a scope with a space in a list", { tokenUrl: TOKEN_URL, scope: ["a b"] }, /is not a scope token/],
    [
      "an unknown authMethod",
      { tokenUrl: TOKEN_URL, authMethod: "private_key_jwt" as "client_secret_post" },
      /authMethod must be "client_secret_basic" or "client_secret_post"/,
    ],
    ["an empty client id", { tokenUrl: TOKEN_URL, clientId: "" }, /clientId must be a non-empty string/],
  ])("refuses %s at once", (_label, options, message) => {
    expect(() => standardClientCredentials({ ...CLIENT, ...options })).toThrow(message);
  });
});
