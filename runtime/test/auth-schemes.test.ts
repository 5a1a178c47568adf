import { describe, expect, it } from "vitest";
import type { SchemeKind } from "../src/auth.js";
import { chooseSchemes } from "../src/auth.js";
import { apiKeyScheme, basicScheme } from "../src/auth-schemes.js";
import type { ClientOptions } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import type { SecurityRequirements } from "../src/operation.js";
import type { TransportRequest } from "../src/transport.js";

// Every auth scheme the spec can declare, applied as each operation's requirements say.

const SCHEMES: Record<string, SchemeKind> = {
  oauth: "bearer",
  basic: basicScheme,
  headerKey: apiKeyScheme("header", "X-API-Key"),
  queryKey: apiKeyScheme("query", "api_key"),
  cookieKey: apiKeyScheme("cookie", "session"),
};

async function sent(options: ClientOptions, security: SecurityRequirements, callHeaders?: Record<string, string>) {
  const seen: TransportRequest[] = [];
  const client = makeClient(
    { maxRetries: 0, ...options },
    async (req) => {
      seen.push(req);
      return { status: 200, statusText: "", headers: {}, bodyText: "" };
    },
    { url: "https://api.example.test", schemes: SCHEMES },
  );
  await request(
    client,
    { operationId: "op", method: "GET", path: "/things", query: ["page=2"], security },
    callHeaders === undefined ? {} : { headers: callHeaders },
  );
  return seen[0] as TransportRequest;
}

describe("auth schemes", () => {
  it.each<
    [
      string,
      {
        options: ClientOptions;
        security: SecurityRequirements;
        want: { url: string; headers: Record<string, string> };
      },
    ]
  >([
    [
      "bearer",
      {
        options: { accessToken: "tok" },
        security: [["oauth"]],
        want: { url: "https://api.example.test/things?page=2", headers: { authorization: "Bearer tok" } },
      },
    ],
    [
      "HTTP basic, UTF-8 encoded",
      {
        options: { basicAuth: { username: "Aladdin", password: "open sesame" } },
        security: [["basic"]],
        want: {
          url: "https://api.example.test/things?page=2",
          headers: { authorization: "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" },
        },
      },
    ],
    [
      "an API key in a header",
      {
        options: { apiKeys: { headerKey: "k1" } },
        security: [["headerKey"]],
        want: { url: "https://api.example.test/things?page=2", headers: { "x-api-key": "k1" } },
      },
    ],
    [
      "an API key in the query, encoded",
      {
        options: { apiKeys: { queryKey: "a b&c" } },
        security: [["queryKey"]],
        want: { url: "https://api.example.test/things?page=2&api_key=a%20b%26c", headers: {} },
      },
    ],
    [
      "an API key in a cookie",
      {
        options: { apiKeys: { cookieKey: "s;1" } },
        security: [["cookieKey"]],
        want: { url: "https://api.example.test/things?page=2", headers: { cookie: "session=s%3B1" } },
      },
    ],
    [
      "a combination: every scheme of the alternative together",
      {
        options: { accessToken: "tok", apiKeys: { headerKey: "k1" } },
        security: [["oauth", "headerKey"]],
        want: {
          url: "https://api.example.test/things?page=2",
          headers: { authorization: "Bearer tok", "x-api-key": "k1" },
        },
      },
    ],
    [
      "alternatives: the first one the credentials satisfy",
      {
        options: { apiKeys: { headerKey: "k1" } },
        security: [["oauth"], ["headerKey"]],
        want: { url: "https://api.example.test/things?page=2", headers: { "x-api-key": "k1" } },
      },
    ],
    [
      "a combination half satisfied is skipped",
      {
        options: { apiKeys: { headerKey: "k1" }, basicAuth: { username: "u", password: "p" } },
        security: [["oauth", "headerKey"], ["basic"]],
        want: { url: "https://api.example.test/things?page=2", headers: { authorization: "Basic dTpw" } },
      },
    ],
    [
      "no satisfiable alternative sends no credentials",
      {
        options: { apiKeys: { other: "x" } },
        security: [["headerKey"]],
        want: { url: "https://api.example.test/things?page=2", headers: {} },
      },
    ],
  ])("%s", async (_name, { options, security, want }) => {
    const request = await sent(options, security);
    expect(request.url).toBe(want.url);
    const credentialHeaders = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => ["authorization", "x-api-key", "cookie"].includes(name)),
    );
    expect(credentialHeaders).toStrictEqual(want.headers);
  });

  it("security: [] sends none of the client's credentials but keeps the call's own authorization", async () => {
    const options: ClientOptions = {
      accessToken: "tok",
      basicAuth: { username: "u", password: "p" },
      apiKeys: { headerKey: "k1", queryKey: "q1" },
      headers: { authorization: "Basic client-default" },
    };
    const bare = await sent(options, []);
    expect(bare.headers).not.toHaveProperty("authorization");
    expect(bare.headers).not.toHaveProperty("x-api-key");
    expect(bare.url).toBe("https://api.example.test/things?page=2");
    const own = await sent(options, [], { authorization: "Bearer per-call" });
    expect(own.headers.authorization).toBe("Bearer per-call");
  });

  it("chooseSchemes treats schemes missing from the table as bearer", () => {
    expect(chooseSchemes([["OAuth2"]], undefined, { accessToken: "t" })).toStrictEqual([["OAuth2", "bearer"]]);
    expect(chooseSchemes([["OAuth2"]], undefined, {})).toStrictEqual([]);
  });
});
