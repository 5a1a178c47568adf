import type { ClientAdapter } from "../adapters/client-adapter.js";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  NotFoundError,
  OneLoginMfaError,
  RequestValidationError,
} from "./errors.js";
import { ReferenceMfaClient } from "./reference-client.js";

/** The in-repo reference client, used to check the suite itself (not a shipped client). */
export const referenceAdapter: ClientAdapter<"reference"> = {
  name: "reference",
  create: (options) => new ReferenceMfaClient(options),
  errorClasses: {
    OneLoginMfaError,
    ApiError,
    BadRequestError,
    AuthenticationError,
    NotFoundError,
    ConnectionError,
    RequestValidationError,
  },
};
