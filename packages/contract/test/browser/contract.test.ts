import { describe, inject } from "vitest";
import { fetchAdapter } from "../adapters/fetch.js";
import { defineContractSuite } from "../suite/define-contract-suite.js";
import { loadSchemaPackage } from "../suite/schema-package.js";
import { connectRemoteFakeServer } from "./remote-fake-server.js";
import "./fake-server-info.js";

// The shared contract suite, run by the fetch client inside headless Chromium (the page's own
// fetch, CORS and all) against the fake started in Node by global-setup.ts.
// Same scenario names as in Node: the first describe title is stripped from them.
describe("fetch client in Chromium", () => {
  defineContractSuite(fetchAdapter, {
    schemas: { name: "@onelogin-mfa/schema", load: loadSchemaPackage },
    server: async () => connectRemoteFakeServer(inject("fakeServer")),
  });
});
