import type { AxiosInstance } from "axios";
import axios from "axios";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";
import { isHopByHopHeader } from "./transport.js";

/**
 * Creates a {@link Transport} backed by axios.
 *
 * Axios is used purely as a byte mover: the per-request config switches off every
 * transformation it would otherwise apply, so the core sees exactly what the server sent.
 *
 * @param instance axios instance to use; defaults to the default `axios` export.
 */
export function createAxiosTransport(instance?: AxiosInstance): Transport {
  return async (request: TransportRequest): Promise<TransportResponse> => {
    const client = instance ?? axios;
    try {
      const response = await client.request<unknown>({
        // The URL is final. No `params` are passed, so axios never runs its own query encoder
        // (which writes spaces as "+"), and the path is handed to the platform URL parser verbatim,
        // which leaves existing percent-escapes such as %2F alone.
        url: request.url,
        // Our URLs are absolute; an instance configured with `allowAbsoluteUrls: false` would
        // otherwise glue its own baseURL in front of them.
        allowAbsoluteUrls: true,
        method: request.method,
        headers: { ...request.headers },
        // Left out when absent: axios's config types reject an explicit `undefined` under
        // exactOptionalPropertyTypes.
        ...(request.body !== undefined && { data: request.body }),
        ...(request.signal !== undefined && { signal: request.signal }),
        // Text in, text out: the core owns serialization and JSON parsing. A binary response is
        // read as bytes, since text decoding would corrupt it.
        responseType: request.binary ? "arraybuffer" : "text",
        transformRequest: [(data: unknown) => data],
        transformResponse: [(data: unknown) => data],
        // HTTP error statuses are answers, not transport failures.
        validateStatus: () => true,
      });
      const headers = normalizeHeaders(response.headers);
      const { data, status } = response;
      // Bytes (a Uint8Array subclass in Node.js, an ArrayBuffer in browsers) stay bytes for a
      // success, and are decoded as UTF-8 for an error body, which the core reads as text like any other.
      const bytes = request.binary && data != null && typeof data !== "string";
      const read = { status, statusText: response.statusText ?? "", headers, bodyText: bodyToText(data) };
      if (!bytes) return read;
      if (status < 200 || status > 299) return { ...read, bodyText: new TextDecoder().decode(data as ArrayBuffer) };
      return { ...read, bodyText: "", blob: new Blob([data as ArrayBuffer], { type: headers["content-type"] ?? "" }) };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw withoutRequestConfig(error);
    }
  };
}

function normalizeHeaders(headers: unknown): Record<string, string> {
  const source = hasToJSON(headers) ? headers.toJSON() : headers;
  const normalized: Record<string, string> = {};
  if (typeof source !== "object" || source === null) return normalized;
  for (const [name, value] of Object.entries(source)) {
    const key = name.toLowerCase();
    if (value === undefined || value === null || value === false || isHopByHopHeader(key)) continue;
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    const existing = normalized[key];
    normalized[key] = existing === undefined ? text : `${existing}, ${text}`;
  }
  return normalized;
}

function hasToJSON(value: unknown): value is { toJSON(): unknown } {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function bodyToText(data: unknown): string {
  // HEAD responses and some adapters give undefined/null instead of "".
  if (data === undefined || data === null) return "";
  return typeof data === "string" ? data : String(data);
}

/**
 * AxiosError carries the full request config, including the Authorization header, and is
 * commonly logged wholesale. Re-throw only its description and code so that whatever wraps this
 * error (the core's ConnectionError keeps it as `cause`) cannot leak credentials.
 */
function withoutRequestConfig(error: unknown): unknown {
  if (!axios.isAxiosError(error)) return error;
  const cause = axios.isAxiosError(error.cause) ? undefined : error.cause;
  const sanitized = new Error(error.message, { cause }) as Error & { code?: string };
  // Fixed rather than copied: AxiosError.from() leaves the wrapped error's name ("Error") in place.
  sanitized.name = "AxiosError";
  if (error.code !== undefined) sanitized.code = error.code;
  return sanitized;
}
