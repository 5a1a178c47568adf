/**
 * The seam between the client core and an HTTP library.
 *
 * A transport moves one already-built request over the wire and hands back the
 * raw response text. Everything above it (URL building, auth, parsing, error
 * mapping) lives in the core, so the fetch and axios flavours of the SDK behave
 * identically as long as their transports honour this contract.
 */

/** HTTP methods an OpenAPI 3 operation can use (RFC 9110 §9 plus PATCH from RFC 5789). */
export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** A fully prepared request: the URL is final (already percent-encoded) and header names are lower-case. */
export interface TransportRequest {
  /** Request method, upper-case. */
  method: HttpMethod;
  /** Absolute (or, in browsers, base-relative) URL, already percent-encoded; transports must not re-encode it. */
  url: string;
  /** Header name (lower-case) to value. The core always sets `content-type` when it sends a body. */
  headers: Record<string, string>;
  /** Serialized request body, or `undefined` to send none. */
  body?: RequestBody | undefined;
  /** Aborts the request (caller cancellation and timeouts both arrive through this one signal). */
  signal?: AbortSignal | undefined;
  /** Read a 2xx body as bytes ({@link TransportResponse.blob}) rather than as text. */
  binary?: boolean | undefined;
}

/** What a request may carry: text, bytes, or a multipart form (whose `content-type`, with its boundary, the HTTP library writes). */
export type RequestBody = string | Blob | ArrayBuffer | FormData;

/** A response as received, with no interpretation of the status or body. */
export interface TransportResponse {
  /** HTTP status code. */
  status: number;
  /** Reason phrase; empty when the server sent none (always the case over HTTP/2). */
  statusText: string;
  /**
   * Response headers keyed by lower-case name. Repeated fields are joined with ", "
   * (RFC 9110 §5.3); that includes `set-cookie`, which this SDK never interprets. Hop-by-hop
   * fields such as `connection` and `keep-alive` are left out (see {@link isHopByHopHeader}).
   */
  headers: Record<string, string>;
  /** The response body decoded as UTF-8 text; `""` when there is none, or when it was read as {@link blob}. */
  bodyText: string;
  /** The body as bytes, for a 2xx response to a request marked `binary`. */
  blob?: Blob | undefined;
}

/**
 * Sends one request. Resolves for every HTTP status, including 4xx and 5xx; rejects only when
 * no response could be obtained (network failure) or when `request.signal` aborted, in which
 * case it rejects with `request.signal.reason`.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * Hop-by-hop fields (RFC 9110 §7.6.1) describe one connection, not the message, and HTTP stacks
 * manage them differently (undici closes the connection after HEAD, Node's http agent keeps it
 * alive). Transports drop them so that a {@link TransportResponse} does not depend on the transport.
 */
const HOP_BY_HOP_HEADER = /^(connection|keep-alive|proxy-connection|te|trailer|transfer-encoding|upgrade)$/;

/** Whether a (lower-case) response header name is hop-by-hop and therefore left out of {@link TransportResponse.headers}. */
export function isHopByHopHeader(name: string): boolean {
  return HOP_BY_HOP_HEADER.test(name);
}
