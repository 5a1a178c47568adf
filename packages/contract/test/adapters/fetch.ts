import * as client from "@onelogin-mfa/fetch";
import * as oauth2 from "@onelogin-mfa/fetch/oauth2";
import manifest from "@onelogin-mfa/fetch/package.json" with { type: "json" };
import { adapterFromModule, functionsAdapterFromModule } from "./client-adapter.js";

/** What the package names itself by in its user-agent. */
const product = `${manifest.name}/${manifest.version}`;

/** `@onelogin-mfa/fetch`'s API class with the platform fetch (Node's undici). */
export const fetchAdapter = adapterFromModule("fetch", client, oauth2, product);

/** `@onelogin-mfa/fetch`'s standalone operation functions. */
export const fetchFunctionsAdapter = functionsAdapterFromModule("fetch functions", client, oauth2, product);
