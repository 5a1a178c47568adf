import { describe, expect, it } from "vitest";
import type { AuthKind } from "../../src/reconstruct/page-model.js";
import { type SecuritySchemeBuild, tokenUrlFor, toSecurityScheme } from "../../src/reconstruct/security.js";

describe("toSecurityScheme", () => {
  it.each<[string, { given: { name: string; auth: AuthKind; server: string }; want: SecuritySchemeBuild }]>([
    [
      "OAuth → client-credentials flow against the server's token endpoint",
      {
        given: { name: "OAuth2", auth: { kind: "oauth2" }, server: "https://your-api-subdomain.onelogin.com" },
        want: {
          scheme: {
            type: "oauth2",
            flows: {
              clientCredentials: {
                tokenUrl: "https://your-api-subdomain.onelogin.com/auth/oauth2/v2/token",
                scopes: {},
              },
            },
          },
        },
      },
    ],
    [
      "basic",
      {
        given: { name: "b", auth: { kind: "basic" }, server: "https://x.test" },
        want: { scheme: { type: "http", scheme: "basic" } },
      },
    ],
    [
      "bearer with format",
      {
        given: { name: "t", auth: { kind: "bearer", bearerFormat: "JWT" }, server: "https://x.test" },
        want: { scheme: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      },
    ],
    [
      "API key: location assumed and said so",
      {
        given: { name: "api_key", auth: { kind: "apiKey" }, server: "https://x.test" },
        want: {
          scheme: { type: "apiKey", in: "header", name: "api_key" },
          assumption: 'the docs do not say where API key "api_key" goes; a header named "api_key" is assumed',
        },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(toSecurityScheme(given.name, given.auth, given.server)).toEqual(want);
  });

  it("joins server and token path without doubling slashes", () => {
    expect(tokenUrlFor("https://x.test/v2/")).toBe("https://x.test/v2/auth/oauth2/v2/token");
  });
});
