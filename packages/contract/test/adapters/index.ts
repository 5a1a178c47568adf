import { axiosAdapter } from "./axios.js";
import type { ClientAdapter } from "./client-adapter.js";
import { fetchAdapter } from "./fetch.js";

/** Every client the contract suite runs against; add a client by adding its adapter here. */
export const CLIENT_ADAPTERS: readonly ClientAdapter[] = [fetchAdapter, axiosAdapter];
