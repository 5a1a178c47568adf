import type { RunningFakeServer } from "../../src/portable.js";

/**
 * The fake server as the contract suite uses it: the in-process handle in Node, or a proxy
 * over the HTTP control surface when the suite runs in a browser page.
 */
export interface ContractServer
  extends Pick<RunningFakeServer, "url" | "token" | "state" | "clock" | "spec" | "faults" | "oauth"> {
  /** A 127.0.0.1 port with nothing listening on it, for connection-refused scenarios. */
  unusedPort(): Promise<number>;
  /** Stops the server (or lets go of a remote one). */
  close(): Promise<void>;
}

/** Starts (or connects to) the fake server for one client's run of the suite. */
export type ContractServerSource = () => Promise<ContractServer>;
