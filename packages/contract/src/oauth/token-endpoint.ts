import type { IncomingHttpHeaders } from "node:http";
import { isJsonContentType } from "../server/http-io.js";
import type { OAuthTokenStore } from "./token-store.js";

/** Path of OneLogin's OAuth 2.0 token endpoint (Generate Tokens v2), beside the MFA operations. */
export const TOKEN_ENDPOINT_PATH = "/auth/oauth2/v2/token";

/** Name the exchange log and fault matching use for the token endpoint (it is not a spec operation). */
export const TOKEN_OPERATION_ID = "oauth2_token";

/** An answer of the token endpoint. */
export interface TokenReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

// RFC 6749 §5.1: token responses must not be cached.
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/**
 * `POST /auth/oauth2/v2/token` with `grant_type=client_credentials`. Accepts the credential
 * forms OneLogin documents: HTTP Basic `client_id:client_secret` (RFC 6749 §2.3.1), its own
 * `Authorization: client_id:<id>, client_secret:<secret>` header, and `client_id` /
 * `client_secret` fields of a form body; the body is JSON or form-urlencoded. Errors follow
 * RFC 6749 §5.2 (`{ error, error_description }`): 400 for a bad request or grant, 401
 * `invalid_client` for unknown credentials.
 */
export function answerTokenRequest(
  tokens: OAuthTokenStore,
  method: string,
  headers: IncomingHttpHeaders,
  bodyText: string,
): TokenReply {
  if (method !== "POST") {
    return { status: 405, body: oauthError("invalid_request", "use POST"), headers: { allow: "POST" } };
  }
  const fields = parseFields(headers["content-type"], bodyText);
  if (fields === undefined) {
    return reply(400, oauthError("invalid_request", "body must be JSON or application/x-www-form-urlencoded"));
  }
  if (fields.grant_type !== "client_credentials") {
    return reply(400, oauthError("unsupported_grant_type", "grant_type must be client_credentials"));
  }
  const credentials = credentialsOf(headers.authorization, fields);
  if (credentials === undefined || !tokens.authenticates(credentials.clientId, credentials.clientSecret)) {
    // RFC 6749 §5.2: a failed Basic authentication answers with a matching challenge.
    const challenge: Record<string, string> = /^basic /i.test(headers.authorization ?? "")
      ? { "www-authenticate": 'Basic realm="oauth2"' }
      : {};
    return {
      status: 401,
      body: oauthError("invalid_client", "Authentication Failure"),
      headers: { ...NO_STORE, ...challenge },
    };
  }
  const token = tokens.issue(credentials.clientId);
  return reply(200, {
    access_token: token.accessToken,
    created_at: new Date(token.createdAt).toISOString(),
    expires_in: Math.floor((token.expiresAt - tokens.now()) / 1000),
    token_type: "bearer",
    account_id: 555_555,
  });
}

function reply(status: number, body: unknown): TokenReply {
  return { status, body, headers: { ...NO_STORE } };
}

function oauthError(error: string, description: string): { error: string; error_description: string } {
  return { error, error_description: description };
}

function parseFields(contentType: string | undefined, text: string): Record<string, string> | undefined {
  if (isJsonContentType(contentType)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
      const entries = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string");
      return Object.fromEntries(entries);
    } catch {
      return undefined;
    }
  }
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? "")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return undefined;
}

function credentialsOf(
  authorization: string | undefined,
  fields: Record<string, string>,
): { clientId: string; clientSecret: string } | undefined {
  const basic = /^basic +([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? "");
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  const oneLogin = /^client_id:([^,\s]+)\s*,\s*client_secret:(\S+)\s*$/i.exec(authorization ?? "");
  if (oneLogin?.[1] !== undefined && oneLogin[2] !== undefined) {
    return { clientId: oneLogin[1], clientSecret: oneLogin[2] };
  }
  if (fields.client_id !== undefined && fields.client_secret !== undefined) {
    return { clientId: fields.client_id, clientSecret: fields.client_secret };
  }
  return undefined;
}
