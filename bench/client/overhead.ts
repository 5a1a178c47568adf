import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as ours from "@onelogin-mfa/axios";
import * as oursFetch from "@onelogin-mfa/fetch";
import axios from "axios";
import { api as openapiFetch, getEnrolledFactors as openapiFetchGet } from "./peers/openapi-fetch-calls.js";

/** A way of making the same GET call; resolves to the parsed body. */
type Contender = () => Promise<unknown>;

/** The median of `values` (which it sorts). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function startServer(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "loopback-server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`loopback server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

/** Mean milliseconds per call of `contender` over `calls` sequential calls. */
async function timeCalls(contender: Contender, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await contender();
  return (performance.now() - start) / calls;
}

/** Per-call times of each contender: interleaved rounds after a warm-up, median over rounds. */
async function interleaved(
  contenders: Record<string, Contender>,
  rounds: number,
  calls: number,
): Promise<Record<string, number>> {
  for (const contender of Object.values(contenders)) await timeCalls(contender, calls);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no contender always runs first or last.
    const names = Object.keys(contenders);
    const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of order) samples[name]?.push(await timeCalls(contenders[name] as Contender, calls));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** Overhead figures: per-run medians and the median ratio over `runs` runs. */
export interface OverheadResult {
  perCallMs: Record<string, number>;
  ratios: { fetch: number[]; axios: number[]; openapiFetch: number[] };
}

/**
 * Per-call time on a loopback server: ours (fetch, axios) against raw fetch and raw axios doing
 * the same GET with the same headers, and openapi-fetch, in `runs` runs of interleaved rounds.
 */
export async function measureOverhead(runs = 3, rounds = 7, calls = 300): Promise<OverheadResult> {
  const { origin, child } = await startServer();
  try {
    const token = "bench-token";
    const headers = { accept: "application/json", authorization: `Bearer ${token}` };
    const url = `${origin}/api/1/users/7/otp_devices`;
    const fetchClient = oursFetch.createClient({ baseUrl: origin, accessToken: token });
    const axiosClient = ours.createClient({ baseUrl: origin, accessToken: token });
    const peer = openapiFetch(origin, token);
    const contenders: Record<string, Contender> = {
      "raw fetch": async () => (await fetch(url, { headers })).json(),
      "ours, fetch": () => oursFetch.getEnrolledFactors(fetchClient, { userId: 7 }),
      "openapi-fetch": async () => (await openapiFetchGet(peer, 7)).data,
      "raw axios": async () => (await axios.get(url, { headers })).data,
      "ours, axios": () => ours.getEnrolledFactors(axiosClient, { userId: 7 }),
    };
    const ratios: OverheadResult["ratios"] = { fetch: [], axios: [], openapiFetch: [] };
    const perRun: Record<string, number>[] = [];
    for (let run = 0; run < runs; run++) {
      const times = await interleaved(contenders, rounds, calls);
      perRun.push(times);
      ratios.fetch.push((times["ours, fetch"] as number) / (times["raw fetch"] as number));
      ratios.axios.push((times["ours, axios"] as number) / (times["raw axios"] as number));
      ratios.openapiFetch.push((times["openapi-fetch"] as number) / (times["raw fetch"] as number));
    }
    const perCallMs = Object.fromEntries(
      Object.keys(contenders).map((name) => [name, median(perRun.map((t) => t[name] as number))]),
    );
    return { perCallMs, ratios };
  } finally {
    child.kill("SIGTERM");
  }
}
