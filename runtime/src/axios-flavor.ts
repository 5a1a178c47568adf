import type { AxiosInstance } from "axios";
import { createAxiosTransport } from "./axios-transport.js";
import type { ClientOptions } from "./client-core.js";
import type { Transport } from "./transport.js";

/**
 * Options of every API class in the axios client. `axios` is an instance of your own, with
 * its interceptors, agents and proxy settings; without it the default axios export is used.
 */
export interface ClientConfig extends ClientOptions {
  axios?: AxiosInstance;
}

/** The axios client's transport for a given configuration. */
export function createTransport(config: ClientConfig): Transport {
  return createAxiosTransport(config.axios);
}

export { createAxiosTransport } from "./axios-transport.js";
