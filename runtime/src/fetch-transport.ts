import type { Transport, TransportRequest, TransportResponse } from "./transport.js";
import { isHopByHopHeader } from "./transport.js";

/**
 * Creates a {@link Transport} backed by the Fetch API.
 *
 * @param fetchImpl fetch to call; defaults to `globalThis.fetch`, resolved at call time.
 */
export function createFetchTransport(fetchImpl?: typeof fetch): Transport {
  return async (request: TransportRequest): Promise<TransportResponse> => {
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined) init.body = request.body;
    if (request.signal !== undefined) init.signal = request.signal;

    try {
      const response = await callFetch(fetchImpl, request.url, init);
      // Reading the body stays inside the try: an abort while streaming must surface as the abort reason.
      const bodyText = await response.text();
      return {
        status: response.status,
        statusText: response.statusText,
        headers: collectHeaders(response.headers),
        bodyText,
      };
    } catch (error) {
      // Implementations differ in what they reject with on abort; the contract says the reason.
      if (request.signal?.aborted) throw request.signal.reason;
      throw error;
    }
  };
}

function callFetch(fetchImpl: typeof fetch | undefined, url: string, init: RequestInit): Promise<Response> {
  if (fetchImpl !== undefined) return fetchImpl(url, init);
  if (typeof globalThis.fetch !== "function") {
    throw new TypeError("No fetch implementation is available: pass `fetch` in the client options.");
  }
  // Called as a method of globalThis: some browsers throw "Illegal invocation" for a detached fetch.
  return globalThis.fetch(url, init);
}

function collectHeaders(headers: Headers): Record<string, string> {
  const collected: Record<string, string> = {};
  // Headers yields lower-case names; `set-cookie` may be yielded once per field line, so join repeats.
  headers.forEach((value, name) => {
    if (isHopByHopHeader(name)) return;
    const existing = collected[name];
    collected[name] = existing === undefined ? value : `${existing}, ${value}`;
  });
  return collected;
}
