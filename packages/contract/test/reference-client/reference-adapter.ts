import * as oauth2 from "@onelogin-mfa/fetch/oauth2";
import { adapterFromModule } from "../adapters/client-adapter.js";
import * as errors from "./errors.js";
import { REFERENCE_PRODUCT, ReferenceMfaClient } from "./reference-client.js";

/** The in-repo reference client, used to check the suite itself (not a shipped client). */
export const referenceAdapter = adapterFromModule(
  "reference",
  {
    ...errors,
    MultiFactorAuthenticationV1Api: ReferenceMfaClient,
  },
  // The fetch package's helper: the reference checks the suite, not a token exchange of its own.
  oauth2,
  REFERENCE_PRODUCT,
);
