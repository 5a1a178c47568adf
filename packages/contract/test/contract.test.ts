import { describe, expect, it } from "vitest";
import { CLIENT_ADAPTERS } from "./adapters/index.js";
import { defineContractSuite } from "./suite/define-contract-suite.js";
import { loadSchemaPackage } from "./suite/schema-package.js";
import { ShapeLedger } from "./suite/shape-ledger.js";

// The contract: the same scenarios, by the same names, for every generated client.
const ledger = new ShapeLedger();

describe.each(CLIENT_ADAPTERS.map((adapter) => [adapter.name, adapter] as const))("%s client", (_, adapter) => {
  defineContractSuite(adapter, {
    schemas: { name: "@onelogin-mfa/schema", load: loadSchemaPackage },
    ledger,
  });
});

describe("all clients", () => {
  it("returned and threw the same shapes in every scenario", () => {
    const [first, ...others] = CLIENT_ADAPTERS.map((adapter) => adapter.name);
    expect(ledger.clients().sort()).toEqual(CLIENT_ADAPTERS.map((adapter) => adapter.name).sort());
    for (const other of others) {
      expect({ client: other, outcomes: ledger.outcomes(other) }).toEqual({
        client: other,
        outcomes: ledger.outcomes(first as string),
      });
    }
  });
});
