import type { Transport, TransportResponse } from "./transport.js";
import { isHopByHopHeader } from "./transport.js";

/**
 * Creates a {@link Transport} backed by the Fetch API.
 *
 * @param fetchImpl fetch to call; defaults to `globalThis.fetch`, resolved at call time.
 */
export function createFetchTransport(fetchImpl?: typeof fetch): Transport {
  return async ({ url, method, headers: sent, body, signal, binary }): Promise<TransportResponse> => {
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) init.body = body;
    if (signal) init.signal = signal;
    try {
      // Called as a method of globalThis: some browsers throw "Illegal invocation" for a detached fetch.
      const response = await (fetchImpl ? fetchImpl(url, init) : globalFetch(url, init));
      // Reading the body stays inside the try: an abort while streaming must surface as the abort reason.
      // A binary success body is kept as bytes; anything else (an error body too) is text.
      const blob = binary && response.status > 199 && response.status < 300 ? await response.blob() : undefined;
      const bodyText = blob ? "" : await response.text();
      const headers: Record<string, string> = {};
      // Headers yields lower-case names; `set-cookie` may be yielded once per field line, so join repeats.
      response.headers.forEach((value, name) => {
        if (!isHopByHopHeader(name)) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
      });
      const read = { status: response.status, statusText: response.statusText, headers, bodyText };
      return blob ? { ...read, blob } : read;
    } catch (error) {
      // Implementations differ in what they reject with on abort; the contract says the reason.
      throw signal?.aborted ? signal.reason : error;
    }
  };
}

function globalFetch(url: string, init: RequestInit): Promise<Response> {
  if (typeof globalThis.fetch !== "function")
    throw new TypeError("No fetch implementation is available: pass `fetch` in the client options.");
  return globalThis.fetch(url, init);
}
