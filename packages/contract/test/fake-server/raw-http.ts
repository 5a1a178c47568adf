import { expect } from "vitest";
import type { RunningFakeServer } from "../../src/index.js";

/** A response read by {@link rawCall}: status, headers, and the body parsed if it is JSON. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Options of {@link rawCall}. */
export interface RawCallOptions {
  /** JSON-serialized unless a string (sent verbatim). */
  body?: unknown;
  /** Bearer token; the server's own by default, `null` for no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

/**
 * Calls the fake with plain fetch, no SDK in between, so the fake's own tests check
 * the server alone. `path` is used verbatim (encode path parameters yourself).
 */
export async function rawCall(
  server: RunningFakeServer,
  method: string,
  path: string,
  options: RawCallOptions = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? server.token : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Matcher for an error body as the fake sends it, per the spec's error model. */
export function anErrorBody(code: number): unknown {
  return { code, message: expect.any(String), error: true, type: expect.any(String) };
}
