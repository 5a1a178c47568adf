import * as oursFetch from "@onelogin-mfa/fetch";
import { median } from "./overhead.js";
import { api as openapiFetch, getEnrolledFactors as openapiFetchGet } from "./peers/openapi-fetch-calls.js";

const BODY = JSON.stringify({ status: { error: false, code: 200, type: "success", message: "Success" }, data: [] });

/** An in-memory fetch: no network, a fresh Response per call, so only client-side work is measured. */
const memoryFetch = (async () =>
  new Response(BODY, { status: 200, headers: { "content-type": "application/json" } })) as unknown as typeof fetch;

/** Microseconds of CPU (user + system) per call over `calls` calls. */
async function cpuPerCall(call: () => Promise<unknown>, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

/**
 * CPU time per call against an in-memory fetch: ours, a hand-written call doing the same work
 * (URL with an encoded path parameter, accept and bearer headers, status check, JSON parse),
 * and openapi-fetch. Medians of `runs` interleaved runs after a warm-up.
 */
export async function measureCpu(runs = 5, calls = 20_000): Promise<Record<string, number>> {
  const client = oursFetch.createClient({ baseUrl: "http://127.0.0.1:1", accessToken: "t", fetch: memoryFetch });
  const peer = openapiFetch("http://127.0.0.1:1", "t", memoryFetch);
  const contenders: Record<string, () => Promise<unknown>> = {
    "hand-written": async () => {
      const response = await memoryFetch(`http://127.0.0.1:1/api/1/users/${encodeURIComponent(7)}/otp_devices`, {
        method: "GET",
        headers: { accept: "application/json", authorization: "Bearer t" },
      });
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    },
    "ours, fetch": () => oursFetch.getEnrolledFactors(client, { userId: 7 }),
    "openapi-fetch": async () => (await openapiFetchGet(peer, 7)).data,
  };
  for (const call of Object.values(contenders)) await cpuPerCall(call, calls / 4);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let run = 0; run < runs; run++)
    for (const [name, call] of Object.entries(contenders)) samples[name]?.push(await cpuPerCall(call, calls));
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}
