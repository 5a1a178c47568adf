import { errorBody } from "../handlers/replies.js";

/** Which requests a fault applies to; every given field must match. Omitted: any request. */
export interface FaultMatch {
  /** Spec operationId, or `"oauth2_token"` for the token endpoint. */
  operationId?: string;
  /** HTTP method, any case. */
  method?: string;
}

/**
 * One injected misbehaviour. It pre-empts the operation: a faulted request changes no state,
 * as when a gateway or rate limiter in front of the API answers. A fault with only `delayMs`
 * is the exception: the request is then handled normally, just late.
 */
export interface FaultSpec {
  match?: FaultMatch;
  /** How many matching requests it applies to; default 1. */
  times?: number;
  /** Real milliseconds to wait before answering (or before resetting). Client timeouts run on real time. */
  delayMs?: number;
  /** Answer this status with the spec's `Error` body `{code, message, error, type}`. */
  status?: number;
  /** Message of that body; a default names the fault. */
  message?: string;
  /**
   * `Retry-After` header (RFC 9110 §10.2.3): `{ seconds }` is sent as delay-seconds,
   * `{ at }` (epoch ms) as an HTTP date (IMF-fixdate).
   */
  retryAfter?: { seconds: number } | { at: number };
  /** Destroy the connection without any answer (the client sees a reset). */
  reset?: boolean;
}

/** A fault as stored: validated, with its remaining uses. */
interface PendingFault {
  spec: FaultSpec;
  remaining: number;
}

/** What the pipeline should do with one request. */
export type FaultDecision =
  | { kind: "none" }
  | { kind: "delay-then-handle"; delayMs: number }
  | { kind: "reset"; delayMs: number }
  | { kind: "reply"; delayMs: number; status: number; body: unknown; headers: Record<string, string> };

/**
 * The queue of injected faults. The first pending fault that matches a request is used
 * (and its count spent), so tests can line up "503, then 429, then normal".
 */
export class FaultQueue {
  private pending: PendingFault[] = [];

  /** Queues a fault after checking it; throws a `RangeError` naming the bad field. */
  inject(spec: FaultSpec): void {
    this.pending.push({ spec: checkFault(spec), remaining: spec.times ?? 1 });
  }

  /** Drops every pending fault. */
  clear(): void {
    this.pending = [];
  }

  /** Number of faults still waiting to fire (each counted once, whatever its `times`). */
  get size(): number {
    return this.pending.length;
  }

  /** Spends the first fault matching this request and says what to do. */
  take(operationId: string | undefined, method: string): FaultDecision {
    const index = this.pending.findIndex((fault) => matches(fault.spec.match, operationId, method));
    const fault = this.pending[index];
    if (fault === undefined) return { kind: "none" };
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return decide(fault.spec);
  }
}

function matches(match: FaultMatch | undefined, operationId: string | undefined, method: string): boolean {
  if (match === undefined) return true;
  if (match.operationId !== undefined && match.operationId !== operationId) return false;
  return match.method === undefined || match.method.toUpperCase() === method.toUpperCase();
}

function decide(spec: FaultSpec): FaultDecision {
  const delayMs = spec.delayMs ?? 0;
  if (spec.reset) return { kind: "reset", delayMs };
  if (spec.status === undefined) return { kind: "delay-then-handle", delayMs };
  const headers: Record<string, string> = {};
  if (spec.retryAfter !== undefined) {
    headers["retry-after"] =
      "seconds" in spec.retryAfter ? String(spec.retryAfter.seconds) : new Date(spec.retryAfter.at).toUTCString();
  }
  const body = errorBody(spec.status, spec.message ?? `injected fault: status ${spec.status}`);
  return { kind: "reply", delayMs, status: spec.status, body, headers };
}

/** Rejects faults that could only be typos, so a test never waits on a fault that cannot fire. */
function checkFault(spec: FaultSpec): FaultSpec {
  const problems: string[] = [];
  if (typeof spec !== "object" || spec === null) throw new RangeError("fault must be an object");
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1))
    problems.push(`times must be a positive integer, got ${String(spec.times)}`);
  if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0))
    problems.push(`delayMs must be a non-negative number, got ${String(spec.delayMs)}`);
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599))
    problems.push(`status must be an integer from 400 to 599, got ${String(spec.status)}`);
  if (spec.reset && spec.status !== undefined) problems.push("reset and status exclude each other");
  if (spec.retryAfter !== undefined) {
    const value = spec.retryAfter as { seconds?: unknown; at?: unknown };
    const ok =
      (Number.isInteger(value.seconds) && (value.seconds as number) >= 0) ||
      (typeof value.at === "number" && Number.isFinite(value.at));
    if (!ok) problems.push("retryAfter must be { seconds: non-negative integer } or { at: epoch ms }");
    if (spec.status === undefined) problems.push("retryAfter needs a status to be sent with");
  }
  if (problems.length > 0) throw new RangeError(`invalid fault: ${problems.join("; ")}`);
  return structuredClone(spec);
}
