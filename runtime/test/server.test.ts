import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../src/server.js";

const onelogin = { url: "https://{subdomain}.onelogin.com", variables: ["subdomain"] };
const fixed = { url: "https://api.example.test/v1" };

describe("resolveBaseUrl", () => {
  it.each<[string, { given: { options: Record<string, unknown>; server: typeof fixed }; want: string }]>([
    [
      "a server variable",
      { given: { options: { subdomain: "acme" }, server: onelogin }, want: "https://acme.onelogin.com" },
    ],
    [
      "an explicit baseUrl over the variables",
      {
        given: { options: { baseUrl: "http://127.0.0.1:8080/x", subdomain: "acme" }, server: onelogin },
        want: "http://127.0.0.1:8080/x",
      },
    ],
    [
      "the spec's server when it has no variables",
      { given: { options: {}, server: fixed }, want: "https://api.example.test/v1" },
    ],
    [
      "a dotted variable value",
      { given: { options: { subdomain: "eu.acme" }, server: onelogin }, want: "https://eu.acme.onelogin.com" },
    ],
  ])("uses %s", (_name, { given, want }) => {
    expect(resolveBaseUrl(given.options, given.server)).toBe(want);
  });

  it.each<[string, { given: { options: Record<string, unknown>; server: typeof fixed }; want: RegExp }]>([
    [
      "neither baseUrl nor the variable",
      { given: { options: {}, server: onelogin }, want: /pass `baseUrl` or `subdomain`; `subdomain` is missing/ },
    ],
    [
      "a variable that would end the host",
      {
        given: { options: { subdomain: "evil.test/x" }, server: onelogin },
        want: /`subdomain` is not a valid URL part/,
      },
    ],
    [
      "a variable with credentials",
      { given: { options: { subdomain: "a@b" }, server: onelogin }, want: /not a valid URL part/ },
    ],
    ["an empty variable", { given: { options: { subdomain: "" }, server: onelogin }, want: /not a valid URL part/ }],
    [
      "a relative baseUrl",
      { given: { options: { baseUrl: "/api" }, server: fixed }, want: /baseUrl must be an absolute http or https URL/ },
    ],
    [
      "another scheme",
      { given: { options: { baseUrl: "ftp://x.test" }, server: fixed }, want: /must be an absolute http or https URL/ },
    ],
    [
      "a query",
      {
        given: { options: { baseUrl: "https://acme.onelogin.com/x?y=1" }, server: fixed },
        want: /must not have a query or fragment/,
      },
    ],
    [
      "an empty query",
      {
        given: { options: { baseUrl: "https://acme.onelogin.com/?" }, server: fixed },
        want: /must not have a query or fragment/,
      },
    ],
    [
      "a fragment",
      {
        given: { options: { baseUrl: "https://acme.onelogin.com#x" }, server: fixed },
        want: /must not have a query or fragment/,
      },
    ],
    [
      "a relative spec server",
      { given: { options: {}, server: { url: "/" } }, want: /the spec's server URL must be an absolute/ },
    ],
  ])("rejects %s", (_name, { given, want }) => {
    expect(() => resolveBaseUrl(given.options, given.server)).toThrow(TypeError);
    expect(() => resolveBaseUrl(given.options, given.server)).toThrow(want);
  });

  it("rejects credentials in baseUrl without quoting them", () => {
    let message = "";
    try {
      resolveBaseUrl({ baseUrl: "http://user:s3cret@acme.onelogin.com" }, fixed);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/baseUrl must not contain credentials/);
    expect(message).not.toContain("s3cret");
  });
});
