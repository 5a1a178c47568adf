import type { TestProject } from "vitest/node";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import "./fake-server-info.js";

let server: RunningFakeServer | undefined;

/**
 * Starts the fake in Node for the browser run; the page reaches it over HTTP (CORS) and
 * drives its state, clock and faults through the control surface.
 */
export async function setup(project: TestProject): Promise<void> {
  server = await startFakeServer();
  project.provide("fakeServer", { url: server.url, token: server.token, controlToken: server.controlToken });
}

/** Stops the fake. */
export async function teardown(): Promise<void> {
  await server?.close();
}
