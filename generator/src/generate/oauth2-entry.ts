import type { JsonObject } from "./spec-walk.js";

/** The runtime file each kind of package's `/oauth2` entry is made from. */
export const OAUTH2_RUNTIME_FILES = {
  /** OneLogin's token exchange (a JSON grant at the account's host): our own packages. */
  own: "oauth2-client-credentials.ts",
  /** RFC 6749 §4.4 as written (a form-encoded grant): every other API's packages. */
  standard: "oauth2-standard.ts",
} as const;

/** A package's `/oauth2` entry: its source, and the runtime file it needs (the other is left out). */
export interface OAuth2Entry {
  source: string;
  runtimeFile: string;
  /** The spec's one token endpoint, which `clientCredentials` defaults to; `undefined` when there is none. */
  defaultTokenUrl: string | undefined;
}

/**
 * The `/oauth2` subpath of a client package. Ours re-exports OneLogin's helper as written.
 * Another API's re-exports the RFC 6749 helper; when the spec's `clientCredentials` flows name
 * one token endpoint, `tokenUrl` defaults to it, so that a user passes only the credentials.
 */
export function oauth2Entry(document: JsonObject, own: boolean): OAuth2Entry {
  if (own)
    return {
      source: 'export * from "./runtime/oauth2-client-credentials.gen.js";\n',
      runtimeFile: OAUTH2_RUNTIME_FILES.own,
      defaultTokenUrl: undefined,
    };
  const urls = clientCredentialsTokenUrls(document);
  const defaultTokenUrl = urls.length === 1 ? urls[0] : undefined;
  const lines = [
    "export {",
    "  type ClientCredentialsProvider,",
    "  OAuth2TokenError,",
    "  type TokenProviderOptions,",
    '} from "./runtime/oauth2-token-provider.gen.js";',
  ];
  if (defaultTokenUrl === undefined) {
    lines.push(
      "export {",
      "  type StandardClientCredentialsOptions as ClientCredentialsOptions,",
      "  standardClientCredentials as clientCredentials,",
      '} from "./runtime/oauth2-standard.gen.js";',
    );
  } else {
    const shown = defaultTokenUrl.replaceAll("*/", "*\\/");
    lines.unshift(
      'import type { ClientCredentialsProvider } from "./runtime/oauth2-token-provider.gen.js";',
      'import { type StandardClientCredentialsOptions, standardClientCredentials } from "./runtime/oauth2-standard.gen.js";',
    );
    lines.push('export type { StandardClientCredentialsOptions } from "./runtime/oauth2-standard.gen.js";');
    lines.push(
      "",
      `/** Options of {@link clientCredentials}; \`tokenUrl\` defaults to the spec's token endpoint, ${shown}. */`,
      'export type ClientCredentialsOptions = Omit<StandardClientCredentialsOptions, "tokenUrl"> & { tokenUrl?: string };',
      "",
      "/**",
      " * A token provider for the client's `accessToken` option: the OAuth 2.0 client-credentials",
      ` * grant (RFC 6749 §4.4) at ${shown} unless \`tokenUrl\` says otherwise.`,
      " */",
      "export function clientCredentials(options: ClientCredentialsOptions): ClientCredentialsProvider {",
      `  return standardClientCredentials({ ...options, tokenUrl: options.tokenUrl ?? ${JSON.stringify(defaultTokenUrl)} });`,
      "}",
    );
  }
  return { source: `${lines.join("\n")}\n`, runtimeFile: OAUTH2_RUNTIME_FILES.standard, defaultTokenUrl };
}

/**
 * The distinct token endpoints of the spec's OAuth 2 `clientCredentials` flows, as absolute
 * URLs, sorted. A relative `tokenUrl` is resolved against the first server's URL (OpenAPI's
 * rule for relative references); one that still has a `{variable}` in it, or is not an http(s)
 * URL a request could be sent to, names no endpoint a default could rely on and is left out.
 */
export function clientCredentialsTokenUrls(document: JsonObject): string[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const firstServer = isObject(servers[0]) && typeof servers[0].url === "string" ? servers[0].url : undefined;
  const urls = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (!isObject(scheme) || scheme.type !== "oauth2" || !isObject(scheme.flows)) continue;
    const flow = scheme.flows.clientCredentials;
    if (!isObject(flow) || typeof flow.tokenUrl !== "string") continue;
    const url = absoluteTokenUrl(flow.tokenUrl, firstServer);
    if (url !== undefined) urls.add(url);
  }
  return [...urls].sort();
}

function absoluteTokenUrl(tokenUrl: string, server: string | undefined): string | undefined {
  if (/[{}]/.test(tokenUrl)) return undefined;
  const url =
    parsedUrl(tokenUrl) ?? (server !== undefined && !/[{}]/.test(server) ? relativeTo(tokenUrl, server) : undefined);
  if (url === undefined) return undefined;
  const usable =
    /^https?:$/.test(url.protocol) &&
    url.username === "" &&
    url.password === "" &&
    url.hash === "" &&
    !tokenUrl.includes("#");
  return usable ? url.href : undefined;
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function relativeTo(reference: string, base: string): URL | undefined {
  const baseUrl = parsedUrl(base);
  if (baseUrl === undefined) return undefined;
  try {
    return new URL(reference, baseUrl);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
