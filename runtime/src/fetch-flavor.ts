import type { ClientOptions } from "./client-core.js";
import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./transport.js";

/**
 * Options of every API class in the fetch client. `fetch` replaces the global one: a
 * polyfill, an instrumented wrapper, or a test double.
 */
export interface ClientConfig extends ClientOptions {
  fetch?: typeof fetch;
}

/** The fetch client's transport for a given configuration. */
export function createTransport(config: ClientConfig): Transport {
  return createFetchTransport(config.fetch);
}

export { createFetchTransport } from "./fetch-transport.js";
