import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { RecordedExchange, SeedUser } from "../../src/portable.js";
import type { ClientAdapter, ClientFactoryOptions, MfaClient, OperationId } from "../adapters/client-adapter.js";
import type { ContractServer, ContractServerSource } from "./contract-server.js";
import { type ReceivedBody, recordingClient } from "./recording-client.js";
import type { ShapeLedger } from "./shape-ledger.js";

/**
 * Per-client state of one run of the suite: the fake server, clients wired to it, and
 * what was observed (statuses produced, bodies received) for the closing checks.
 * Registers its own lifecycle hooks; create it inside the client's `describe`.
 */
export class ContractContext {
  readonly adapter: ClientAdapter<string>;
  /** Every body the client handed back, for the schema-package check. */
  readonly received: ReceivedBody[] = [];
  /** `operationId status` pairs the fake answered during the run (for the coverage check). */
  readonly observed = new Set<string>();
  private readonly ledger: ShapeLedger | undefined;
  private running: ContractServer | undefined;
  private nextUserId = 10_001;

  constructor(adapter: ClientAdapter<string>, ledger?: ShapeLedger, source: ContractServerSource = startLocal) {
    this.adapter = adapter;
    this.ledger = ledger;
    beforeAll(async () => {
      this.running = await source();
    });
    afterAll(async () => {
      await this.running?.close();
    });
    beforeEach(() => this.server.state.reset());
    afterEach(() => {
      for (const exchange of this.server.state.requests) {
        if (exchange.operationId !== undefined) this.observed.add(`${exchange.operationId} ${exchange.status}`);
      }
      // A response or request that broke the spec fails the scenario that caused it.
      expect(this.server.state.takeViolations(), "spec violations seen by the fake server").toEqual([]);
    });
  }

  /** The running fake server. */
  get server(): ContractServer {
    if (this.running === undefined) throw new Error("fake server not started (used outside a test?)");
    return this.running;
  }

  /** A recording client authorised with the server's token. */
  client(): MfaClient {
    return this.clientWith({ baseUrl: this.server.url, accessToken: this.server.token });
  }

  /** A recording client with other options (wrong token, token function, dead URL). */
  clientWith(options: ClientFactoryOptions): MfaClient {
    return recordingClient(this.adapter.create(options), this.adapter, {
      received: this.received,
      ledger: this.ledger,
      clientName: this.adapter.name,
      scenario: () => currentScenario(),
    });
  }

  /** Creates a user with a fresh id (all four factors unless told otherwise). */
  seedUser(seed: Omit<SeedUser, "id"> = {}): number {
    const id = this.nextUserId++;
    this.server.state.addUser({ ...seed, id });
    return id;
  }

  /** An id no seeded user has. */
  unknownUserId(): number {
    return 99_999_999;
  }

  /** The latest exchange of an operation, optionally the one whose URL ended with `rawPath`. */
  lastExchange(operationId: OperationId, rawPath?: string): RecordedExchange {
    const matches = this.server.state.requests.filter(
      (e) => e.operationId === operationId && (rawPath === undefined || e.rawUrl === rawPath),
    );
    const exchange = matches.at(-1);
    if (exchange === undefined)
      throw new Error(`the fake saw no ${operationId} request${rawPath ? ` for ${rawPath}` : ""}`);
    return exchange;
  }
}

/** The running test's name without the client's describe title, so names match across clients. */
export function currentScenario(): string {
  const name = expect.getState().currentTestName ?? "(outside a test)";
  return name.split(" > ").slice(1).join(" > ");
}

// Imported on use, so a browser run (which passes its own source) never loads the Node server.
async function startLocal(): Promise<ContractServer> {
  const { startLocalServer } = await import("./local-server.js");
  return startLocalServer();
}
