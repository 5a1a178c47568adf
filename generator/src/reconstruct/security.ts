import type { SecuritySchemeObject } from "./openapi-types.js";
import type { AuthKind } from "./page-model.js";

/**
 * Path of OneLogin's OAuth 2 token endpoint on the API host. The docs only say a scheme is
 * OAuth 2; OpenAPI needs a flow. OneLogin API credentials are client id/secret pairs
 * exchanged for a token at `https://<subdomain>.onelogin.com/auth/oauth2/v2/token`, i.e.
 * the client-credentials flow against the documented server, so that is what is emitted.
 */
export const OAUTH2_TOKEN_PATH = "/auth/oauth2/v2/token";

/** The token URL for a server: the server URL (no trailing slash) plus {@link OAUTH2_TOKEN_PATH}. */
export function tokenUrlFor(server: string): string {
  return `${server.replace(/\/+$/, "")}${OAUTH2_TOKEN_PATH}`;
}

/** A scheme that could not be rebuilt exactly, with why. */
export interface SecuritySchemeBuild {
  scheme: SecuritySchemeObject;
  /** Set when the docs lacked a detail and a default was used. */
  assumption?: string;
}

/** Builds the Security Scheme Object for a scheme the docs name, given its kind. */
export function toSecurityScheme(name: string, auth: AuthKind, server: string): SecuritySchemeBuild {
  switch (auth.kind) {
    case "oauth2":
      return {
        scheme: { type: "oauth2", flows: { clientCredentials: { tokenUrl: tokenUrlFor(server), scopes: {} } } },
      };
    case "basic":
      return { scheme: { type: "http", scheme: "basic" } };
    case "bearer":
      return {
        scheme: { type: "http", scheme: "bearer", ...(auth.bearerFormat ? { bearerFormat: auth.bearerFormat } : {}) },
      };
    case "apiKey":
      return {
        scheme: { type: "apiKey", in: "header", name },
        assumption: `the docs do not say where API key "${name}" goes; a header named "${name}" is assumed`,
      };
  }
}
