import type { MfaStore } from "../state/store.js";

/** What a handler gets: the store and the request, already validated against the spec. */
export interface HandlerContext {
  store: MfaStore;
  /** Path parameters by spec name, typed per their schema (e.g. `user_id` is a number). */
  params: Readonly<Record<string, unknown>>;
  /** Parsed JSON body, or `undefined` when none was sent. */
  body: unknown;
}

/** What a handler answers; the server validates it against the spec before sending. */
export interface HandlerResult {
  status: number;
  /** JSON body; `undefined` sends no body at all. */
  body?: unknown;
}

/** Implements one operation of the spec. */
export type OperationHandler = (context: HandlerContext) => HandlerResult;
