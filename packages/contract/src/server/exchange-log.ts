import type { IncomingHttpHeaders } from "node:http";

/** One request the fake answered, as the handle exposes it to tests. */
export interface RecordedExchange {
  /** Operation the request matched, or `undefined` when it matched none. */
  operationId: string | undefined;
  method: string;
  /** Request target exactly as received (still percent-encoded). */
  rawUrl: string;
  /** Path parameters after decoding one segment each and typing per the spec. */
  pathParams: Readonly<Record<string, unknown>>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` when none was sent or it was not JSON. */
  requestBody: unknown;
  /** Status actually sent (500 when the intended response broke the spec). */
  status: number;
  /** Body actually sent; `undefined` for none. */
  responseBody: unknown;
  /** Fake-clock time the request was handled at. */
  at: number;
  /** The injected fault that shaped this answer (`"status 503"`, `"reset"`, `"delay 50ms"`), if any. */
  fault?: string;
}

/**
 * Default bound of the exchange log: the last 500 exchanges. Each holds at most one body
 * under the body limit (1 MiB by default), so the log cannot grow without end.
 */
export const DEFAULT_MAX_EXCHANGES = 500;

/** Appends an exchange, dropping the oldest ones beyond `max`. */
export function recordExchange(log: RecordedExchange[], exchange: RecordedExchange, max: number): void {
  log.push(exchange);
  if (log.length > max) log.splice(0, log.length - max);
}

/** Something the fake did or saw that no spec-conforming exchange would produce. */
export interface SpecViolation {
  kind: "response" | "route";
  operationId: string | undefined;
  method: string;
  rawUrl: string;
  /** Status the handler wanted to send (for `response`) or the one sent (for `route`). */
  status: number;
  problems: string[];
}
