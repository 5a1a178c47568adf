/**
 * The base URL of a client: an explicit `baseUrl`, or the spec's server URL with its variables
 * filled in from the client options. Resolved once, when the client is created, so that a
 * misconfigured client fails before it can send anything anywhere.
 */

import type { SchemeKind } from "./auth.js";

/** A server of the spec: its URL template, the names of the variables in it, and the spec's security schemes. */
export interface ServerTemplate {
  /** URL from the spec, e.g. `https://{subdomain}.onelogin.com`. */
  readonly url: string;
  /** Names of the `{variables}` in {@link url}. */
  readonly variables?: readonly string[];
  /** How each security scheme of the spec is applied, by scheme name. */
  readonly schemes?: Readonly<Record<string, SchemeKind>>;
  /** The package's product token for the `user-agent` header, e.g. `@onelogin-mfa/fetch/1.2.3`. */
  readonly userAgent?: string;
}

/**
 * The base URL for `options`. Server variables must come from the caller: the spec's defaults
 * are examples (OneLogin's is a placeholder host), and sending a token there would leak it.
 *
 * @throws TypeError when neither `baseUrl` nor every server variable is given, or when the URL
 *   is not an absolute http(s) URL without credentials, query or fragment.
 */
export function resolveBaseUrl(options: { readonly baseUrl?: string | undefined }, server: ServerTemplate): string {
  if (options.baseUrl !== undefined) return checkBaseUrl(options.baseUrl, "baseUrl");
  const variables = server.variables ?? [];
  const url = server.url.replace(/\{([^{}]+)\}/g, (_all, name: string) => {
    const value = (options as Record<string, unknown>)[name];
    // A value is one piece of a URL: anything that could end the host or start a path is refused.
    if (typeof value !== "string" || !/^[^/?#@:\\\s]+$/.test(value)) {
      throw new TypeError(
        `createClient: pass \`baseUrl\` or ${variables.map((v) => `\`${v}\``).join(", ")}; \`${name}\` is ${value === undefined ? "missing" : "not a valid URL part"}`,
      );
    }
    return value;
  });
  return checkBaseUrl(url, server.variables?.length ? "the server URL" : "the spec's server URL");
}

/**
 * The base URL of an operation with its own `servers` entry (`url`, variables already filled in):
 * the client's `serverUrls` replacement for it, or `url` itself.
 *
 * @throws TypeError when the replacement is not an absolute http(s) URL without credentials, query or fragment.
 */
export function operationServerUrl(
  client: { readonly options: { readonly serverUrls?: Readonly<Record<string, string>> | undefined } },
  url: string,
): string {
  const replacement = client.options.serverUrls?.[url];
  return replacement === undefined ? url : checkBaseUrl(replacement, "a serverUrls entry");
}

/** Accepts an absolute http(s) URL without credentials, query or fragment; the message never quotes it. */
function checkBaseUrl(url: string, what: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {}
  const problem =
    !parsed || !/^https?:$/.test(parsed.protocol)
      ? "must be an absolute http or https URL"
      : parsed.username || parsed.password
        ? "must not contain credentials"
        : /[?#]/.test(url) && "must not have a query or fragment";
  if (problem) throw new TypeError(`createClient: ${what} ${problem}`);
  return url;
}
