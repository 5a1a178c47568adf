import type { ClientAdapter } from "../adapters/client-adapter.js";
import { ContractContext } from "./contract-context.js";
import type { ContractServerSource } from "./contract-server.js";
import { clientPlumbingScenarios } from "./scenarios/client-plumbing.js";
import { closingChecks, type SchemaSource } from "./scenarios/closing-checks.js";
import { concurrencyScenarios } from "./scenarios/concurrency.js";
import { errorStatusScenarios } from "./scenarios/error-statuses.js";
import { expiryScenarios } from "./scenarios/expiry.js";
import { flowScenarios } from "./scenarios/flows.js";
import { injectedFaultScenarios } from "./scenarios/injected-faults.js";
import { oauth2Scenarios } from "./scenarios/oauth2-client-credentials.js";
import { pathParameterScenarios } from "./scenarios/path-parameters.js";
import { successPathScenarios } from "./scenarios/success-paths.js";
import type { ShapeLedger } from "./shape-ledger.js";

/** Options of one client's run of the suite. */
export interface ContractSuiteOptions {
  /** Per-operation schemas to check received bodies against. */
  schemas: SchemaSource;
  /** Collects result shapes for the cross-client comparison, when several clients run. */
  ledger?: ShapeLedger;
  /** Where the fake server comes from; by default one is started in this process. */
  server?: ContractServerSource;
}

/**
 * Registers the whole contract suite for one client. Call inside a `describe` named after
 * the client; scenario names never mention the client, so they read the same for all.
 */
export function defineContractSuite(adapter: ClientAdapter<string>, options: ContractSuiteOptions): void {
  const context = new ContractContext(adapter, options.ledger, options.server);
  successPathScenarios(context);
  errorStatusScenarios(context);
  flowScenarios(context);
  expiryScenarios(context);
  pathParameterScenarios(context);
  concurrencyScenarios(context);
  clientPlumbingScenarios(context);
  injectedFaultScenarios(context);
  oauth2Scenarios(context);
  closingChecks(context, options.schemas);
}
