import * as client from "@onelogin-mfa/fetch";
import { adapterFromModule } from "./client-adapter.js";

/** `@onelogin-mfa/fetch` with the platform fetch (Node's undici). */
export const fetchAdapter = adapterFromModule("fetch", client);
