import { isJsonMediaType } from "./media-type.js";
import type { ResponseMediaTypes } from "./operation.js";
import type { TransportResponse } from "./transport.js";

/** The declared response an actual status maps to. */
export interface MatchedResponse {
  /** The key in `responses` that matched: the exact status, a range like `"4XX"`, or `"default"`. */
  key: string;
  /** Declared media type, or `null` when the response is declared without a body. */
  mediaType: string | null;
}

/**
 * Finds the declared response for `status` with OpenAPI's precedence: the exact code, then the
 * range (`"4XX"`; matched case-insensitively), then `"default"`. Returns `undefined` if none applies.
 */
export function matchDeclaredResponse(responses: ResponseMediaTypes, status: number): MatchedResponse | undefined {
  const keys = Object.keys(responses);
  const key = [String(status), `${Math.floor(status / 100)}XX`, "default"]
    .map((wanted) => keys.find((candidate) => candidate.toUpperCase() === wanted.toUpperCase()))
    .find((found) => found !== undefined);
  return key === undefined ? undefined : { key, mediaType: responses[key] ?? null };
}

/** Whether a status is a success (2xx, RFC 9110 §15.3). */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** Outcome of reading a response body. */
export type DecodedBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown; readonly text: string };

/**
 * Reads a response body. Bytes read for a binary response are its value, as a `Blob`. An empty (or whitespace-only) body is `undefined`. The body is parsed as
 * JSON when the response's `content-type` is JSON or, failing that, when the declared media type
 * is JSON; otherwise it is returned as text. A parse failure is reported rather than thrown so the
 * caller can decide: a 2xx body must parse, while an error body can still be shown as text.
 */
export function decodeBody(response: TransportResponse, declaredMediaType: string | null | undefined): DecodedBody {
  if (response.blob) return { ok: true, value: response.blob };
  const text = response.bodyText;
  if (text.trim() === "") return { ok: true, value: undefined };
  if (!isJsonMediaType(response.headers["content-type"]) && !isJsonMediaType(declaredMediaType))
    return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error, text };
  }
}
