import { createServer } from "node:net";
import { startFakeServer } from "../../src/index.js";
import type { ContractServer } from "./contract-server.js";

/** The fake started in this (Node) process: the suite's default server. */
export async function startLocalServer(): Promise<ContractServer> {
  const server = await startFakeServer();
  return Object.assign(server, { unusedPort: closedPort });
}

// A port that was free a moment ago and has nothing listening now: connecting is refused at once.
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
