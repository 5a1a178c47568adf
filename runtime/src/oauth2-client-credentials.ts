// OAuth 2.0 client credentials for OneLogin (RFC 6749 §4.4), as a token provider for the
// clients' `accessToken` option. OneLogin's token endpoint takes a JSON grant, not the form
// RFC 6749 describes; other APIs' packages get oauth2-standard.ts instead of this file.

import {
  base64Utf8,
  type ClientCredentialsProvider,
  checkCredentials,
  checkedUrl,
  type TokenProviderOptions,
  tokenProvider,
} from "./oauth2-token-provider.js";

export {
  type ClientCredentialsProvider,
  OAuth2TokenError,
  type TokenProviderOptions,
} from "./oauth2-token-provider.js";

/** Where OneLogin serves its token endpoint (Generate Tokens v2), relative to the account's base URL. */
const TOKEN_PATH = "/auth/oauth2/v2/token";

/** Options of {@link clientCredentials}. Give exactly one of `tokenUrl`, `baseUrl` and `subdomain`. */
export interface ClientCredentialsOptions extends TokenProviderOptions {
  /** The token endpoint itself: absolute http(s), no credentials or fragment. `baseUrl` and `subdomain` name OneLogin's. */
  tokenUrl?: string;
  /** Account base URL, e.g. `https://acme.onelogin.com`: absolute http(s), no credentials, query or fragment. */
  baseUrl?: string;
  /** Account subdomain: `acme` means `https://acme.onelogin.com`. */
  subdomain?: string;
}

/**
 * Creates a token provider that exchanges a OneLogin API credential at
 * `POST /auth/oauth2/v2/token` (HTTP Basic `client_id:client_secret`, JSON body
 * `{"grant_type":"client_credentials"}`, as OneLogin documents it). It caches the token and
 * refreshes it `refreshMarginMs` before `expires_in`. Concurrent calls share one exchange.
 * A caller's `signal` stops that caller's wait; the exchange itself is aborted once every
 * waiting caller has aborted.
 *
 * @throws TypeError at once for missing credentials or a bad `baseUrl` / `subdomain`.
 */
export function clientCredentials(options: ClientCredentialsOptions): ClientCredentialsProvider {
  const url = tokenEndpoint(options);
  checkCredentials(options);
  const authorization = `Basic ${base64Utf8(`${options.clientId}:${options.clientSecret}`)}`;
  return tokenProvider(
    {
      url,
      headers: { authorization, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    },
    options,
  );
}

/** The URL credentials are exchanged at: `tokenUrl` as given, or OneLogin's token path on the account's host. */
function tokenEndpoint(options: ClientCredentialsOptions): string {
  const { tokenUrl, baseUrl, subdomain } = options;
  if ([tokenUrl, baseUrl, subdomain].filter((given) => given !== undefined).length !== 1) {
    throw new TypeError("clientCredentials: give exactly one of tokenUrl, baseUrl and subdomain");
  }
  if (tokenUrl !== undefined) return checkedUrl(tokenUrl, "tokenUrl", true).href;
  if (subdomain !== undefined) {
    // A DNS label (RFC 1123 §2.1), so it cannot smuggle in a path, port or other host.
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)) {
      throw new TypeError(`clientCredentials: subdomain ${JSON.stringify(subdomain)} is not a DNS label`);
    }
    return `https://${subdomain}.onelogin.com${TOKEN_PATH}`;
  }
  return `${checkedUrl(String(baseUrl), "baseUrl", false).href.replace(/\/+$/, "")}${TOKEN_PATH}`;
}
