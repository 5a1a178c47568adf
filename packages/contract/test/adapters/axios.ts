import * as client from "@onelogin-mfa/axios";
import * as oauth2 from "@onelogin-mfa/axios/oauth2";
import { adapterFromModule, functionsAdapterFromModule } from "./client-adapter.js";

/** `@onelogin-mfa/axios`'s API class with its default axios instance (Node's http adapter). */
export const axiosAdapter = adapterFromModule("axios", client, oauth2);

/** `@onelogin-mfa/axios`'s standalone operation functions. */
export const axiosFunctionsAdapter = functionsAdapterFromModule("axios functions", client, oauth2);
