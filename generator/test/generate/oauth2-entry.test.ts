import { describe, expect, it } from "vitest";
import { clientCredentialsTokenUrls, oauth2Entry } from "../../src/generate/oauth2-entry.js";

const flow = (tokenUrl: unknown) => ({ type: "oauth2", flows: { clientCredentials: { tokenUrl, scopes: {} } } });
const spec = (schemes: Record<string, unknown>, servers: unknown[] = []) => ({
  openapi: "3.0.3",
  servers,
  components: { securitySchemes: schemes },
});

describe("clientCredentialsTokenUrls", () => {
  it.each([
    [
      "an absolute tokenUrl as given",
      spec({ a: flow("https://auth.example.com/token") }),
      ["https://auth.example.com/token"],
    ],
    [
      "a relative tokenUrl against the first server",
      spec({ a: flow("/oauth/token") }, [{ url: "https://api.example.com/v1" }, { url: "https://other.example" }]),
      ["https://api.example.com/oauth/token"],
    ],
    ["a relative tokenUrl without an absolute server: none", spec({ a: flow("/oauth/token") }, [{ url: "/v1" }]), []],
    [
      "a relative tokenUrl against a server with variables: none",
      spec({ a: flow("/token") }, [{ url: "https://{tenant}.example.com" }]),
      [],
    ],
    ["a tokenUrl with a variable: none", spec({ a: flow("https://{subdomain}.onelogin.com/token") }), []],
    ["a non-http tokenUrl: none", spec({ a: flow("ftp://auth.example.com/token") }), []],
    ["credentials in the tokenUrl: none", spec({ a: flow("https://u:p@auth.example.com/token") }), []],
    ["a tokenUrl that is not a string: none", spec({ a: flow(42) }), []],
    [
      "the same endpoint of two schemes, once",
      spec({ a: flow("https://auth.example.com/token"), b: flow("https://auth.example.com/token") }),
      ["https://auth.example.com/token"],
    ],
    [
      "two endpoints, sorted",
      spec({ b: flow("https://b.example/token"), a: flow("https://a.example/token") }),
      ["https://a.example/token", "https://b.example/token"],
    ],
    [
      "other flows and schemes: none",
      spec({
        implicit: { type: "oauth2", flows: { implicit: { authorizationUrl: "https://a.example/auth", scopes: {} } } },
        key: { type: "apiKey", in: "header", name: "k" },
      }),
      [],
    ],
  ])("%s", (_label, document, want) => {
    expect(clientCredentialsTokenUrls(document)).toEqual(want);
  });
});

describe("oauth2Entry", () => {
  it("our own packages re-export OneLogin's helper", () => {
    const entry = oauth2Entry(spec({ a: flow("https://auth.example.com/token") }), true);
    expect(entry.runtimeFile).toBe("oauth2-client-credentials.ts");
    expect(entry.source).toBe('export * from "./runtime/oauth2-client-credentials.gen.js";\n');
  });

  it("another API's with one token endpoint defaults tokenUrl to it", () => {
    const entry = oauth2Entry(spec({ a: flow("https://auth.example.com/token") }), false);
    expect(entry.runtimeFile).toBe("oauth2-standard.ts");
    expect(entry.defaultTokenUrl).toBe("https://auth.example.com/token");
    expect(entry.source).toContain('tokenUrl: options.tokenUrl ?? "https://auth.example.com/token"');
  });

  it("another API's with two token endpoints requires tokenUrl", () => {
    const entry = oauth2Entry(spec({ a: flow("https://a.example/t"), b: flow("https://b.example/t") }), false);
    expect(entry.defaultTokenUrl).toBeUndefined();
    expect(entry.source).toContain("standardClientCredentials as clientCredentials");
  });

  it("a comment terminator in the endpoint cannot end the doc comment", () => {
    const entry = oauth2Entry(spec({ a: flow("https://auth.example.com/a*/b") }), false);
    expect(entry.source).not.toMatch(/a\*\/b(?!")/);
  });
});
