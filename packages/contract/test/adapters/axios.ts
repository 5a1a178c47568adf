import * as client from "@onelogin-mfa/axios";
import * as oauth2 from "@onelogin-mfa/axios/oauth2";
import manifest from "@onelogin-mfa/axios/package.json" with { type: "json" };
import { adapterFromModule, functionsAdapterFromModule } from "./client-adapter.js";

/** What the package names itself by in its user-agent. */
const product = `${manifest.name}/${manifest.version}`;

/** `@onelogin-mfa/axios`'s API class with its default axios instance (Node's http adapter). */
export const axiosAdapter = adapterFromModule("axios", client, oauth2, product);

/** `@onelogin-mfa/axios`'s standalone operation functions. */
export const axiosFunctionsAdapter = functionsAdapterFromModule("axios functions", client, oauth2, product);
