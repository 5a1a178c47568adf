import * as client from "@onelogin-mfa/fetch";
import * as oauth2 from "@onelogin-mfa/fetch/oauth2";
import { adapterFromModule, functionsAdapterFromModule } from "./client-adapter.js";

/** `@onelogin-mfa/fetch`'s API class with the platform fetch (Node's undici). */
export const fetchAdapter = adapterFromModule("fetch", client, oauth2);

/** `@onelogin-mfa/fetch`'s standalone operation functions. */
export const fetchFunctionsAdapter = functionsAdapterFromModule("fetch functions", client, oauth2);
