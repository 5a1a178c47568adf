import type { SchemeApplier } from "./auth.js";

/**
 * Appliers for the security schemes other than bearer. Each is imported by a generated
 * `createClient` only when its spec declares such a scheme.
 */

/** HTTP basic (RFC 7617), from `basicAuth`: `authorization: Basic` base64 of the UTF-8 bytes of `user:password`. */
export const basicScheme: SchemeApplier = {
  held: (credentials) => !!credentials.basicAuth,
  apply(target, credentials) {
    const { username, password } = credentials.basicAuth as { username: string; password: string };
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    target.headers.authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  },
};

/**
 * An API key from `apiKeys[schemeName]`, sent as the spec says: header `name`, query parameter
 * `name` (percent-encoded), or cookie `name` (value percent-encoded, as cookie parameters are).
 */
export function apiKeyScheme(where: "header" | "query" | "cookie", name: string): SchemeApplier {
  return {
    held: (credentials, scheme) => !!credentials.apiKeys?.[scheme],
    apply(target, credentials, scheme) {
      const value = credentials.apiKeys?.[scheme] as string;
      if (where === "header") target.headers[name.toLowerCase()] = value;
      else if (where === "query")
        target.url += `${target.url.includes("?") ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      else
        target.headers.cookie = `${target.headers.cookie ? `${target.headers.cookie}; ` : ""}${name}=${encodeURIComponent(value)}`;
    },
  };
}
