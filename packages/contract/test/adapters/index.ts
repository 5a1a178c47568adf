import { axiosAdapter, axiosFunctionsAdapter } from "./axios.js";
import type { ClientAdapter } from "./client-adapter.js";
import { fetchAdapter, fetchFunctionsAdapter } from "./fetch.js";

/** Every client entry point the contract suite runs against; add one by adding its adapter here. */
export const CLIENT_ADAPTERS: readonly ClientAdapter[] = [
  fetchAdapter,
  axiosAdapter,
  fetchFunctionsAdapter,
  axiosFunctionsAdapter,
];
