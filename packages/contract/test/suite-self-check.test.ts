import { describe } from "vitest";
import { buildOperationSchemas, loadSpec } from "../src/index.js";
import { referenceAdapter } from "./reference-client/reference-adapter.js";
import { defineContractSuite } from "./suite/define-contract-suite.js";

// The contract suite run against a small hand-written client that lives in this package,
// with schemas built from the spec standing in for @onelogin-mfa/schema. This proves the
// scenarios and the fake agree with each other independently of the generated clients:
// when contract.test.ts fails for a client but this passes, look at the client.
describe.each([[referenceAdapter.name, referenceAdapter] as const])("%s client (suite self-check)", (_, adapter) => {
  defineContractSuite(adapter, {
    schemas: { name: "schemas built from spec/openapi.yaml", load: async () => buildOperationSchemas(loadSpec()) },
  });
});
