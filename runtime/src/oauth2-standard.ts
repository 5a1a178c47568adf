// OAuth 2.0 client credentials as RFC 6749 §4.4 describes them, for an API whose spec declares
// a `clientCredentials` flow: a form-encoded grant, the client authenticated by HTTP Basic or in
// the body (§2.3.1). Our own packages get oauth2-client-credentials.ts, OneLogin's variant.

import {
  base64Utf8,
  type ClientCredentialsProvider,
  checkCredentials,
  checkedUrl,
  type TokenProviderOptions,
  tokenProvider,
} from "./oauth2-token-provider.js";

/** Options of {@link standardClientCredentials}. */
export interface StandardClientCredentialsOptions extends TokenProviderOptions {
  /** The token endpoint, e.g. the `tokenUrl` of the spec's `clientCredentials` flow: absolute http(s), no credentials or fragment. */
  tokenUrl: string;
  /** Scopes to ask for (RFC 6749 §3.3): a list, or one space-separated string. Left out, the server grants its default. */
  scope?: string | readonly string[];
  /**
   * How the client authenticates (RFC 6749 §2.3.1): `client_secret_basic`, the default, sends
   * HTTP Basic; `client_secret_post` sends `client_id` and `client_secret` in the form instead,
   * for servers that want them there.
   */
  authMethod?: "client_secret_basic" | "client_secret_post";
}

/** A scope token (RFC 6749 §3.3): printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Creates a token provider that exchanges the credentials at `tokenUrl` with
 * `grant_type=client_credentials` (and `scope`, when given), form-encoded. It caches the token,
 * refreshes it `refreshMarginMs` before `expires_in` (or keeps it until `invalidate()` when the
 * server sends none), and shares one exchange between concurrent calls. A caller's `signal`
 * stops that caller's wait; the exchange itself is aborted once every waiting caller has aborted.
 *
 * @throws TypeError at once for missing credentials, a bad `tokenUrl`, `scope` or `authMethod`.
 */
export function standardClientCredentials(options: StandardClientCredentialsOptions): ClientCredentialsProvider {
  const url = checkedUrl(String(options.tokenUrl), "tokenUrl", true).href;
  checkCredentials(options);
  const method = options.authMethod ?? "client_secret_basic";
  if (method !== "client_secret_basic" && method !== "client_secret_post")
    throw new TypeError(
      `clientCredentials: authMethod must be "client_secret_basic" or "client_secret_post", got ${JSON.stringify(method)}`,
    );
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  const scope = scopeParameter(options.scope);
  if (scope !== undefined) form.set("scope", scope);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (method === "client_secret_post") {
    form.set("client_id", options.clientId);
    form.set("client_secret", options.clientSecret);
  } else {
    // §2.3.1: the id and the secret are each form-encoded before they are joined and base64-encoded.
    const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
    headers.authorization = `Basic ${base64Utf8(`${encode(options.clientId)}:${encode(options.clientSecret)}`)}`;
  }
  return tokenProvider({ url, headers, body: form.toString() }, options);
}

/** The `scope` parameter: the tokens joined by one space, each checked; `undefined` for none. */
function scopeParameter(scope: string | readonly string[] | undefined): string | undefined {
  if (scope === undefined) return undefined;
  const tokens = typeof scope === "string" ? scope.split(" ").filter((token) => token !== "") : [...scope];
  for (const token of tokens) {
    if (typeof token !== "string" || !SCOPE_TOKEN.test(token))
      throw new TypeError(
        `clientCredentials: scope ${JSON.stringify(token)} is not a scope token (RFC 6749 §3.3: printable ASCII without spaces, quotes or backslashes)`,
      );
  }
  return tokens.length > 0 ? tokens.join(" ") : undefined;
}
