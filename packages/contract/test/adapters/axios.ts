import * as client from "@onelogin-mfa/axios";
import { adapterFromModule } from "./client-adapter.js";

/** `@onelogin-mfa/axios` with its default axios instance (Node's http adapter). */
export const axiosAdapter = adapterFromModule("axios", client);
