import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  MultiFactorAuthenticationV1Api,
  NotFoundError,
  OneLoginMfaError,
  RequestValidationError,
} from "@onelogin-mfa/fetch";
import type { ClientAdapter } from "./client-adapter.js";

/** `@onelogin-mfa/fetch` with the platform fetch (Node's undici). */
export const fetchAdapter: ClientAdapter<"fetch"> = {
  name: "fetch",
  create: ({ baseUrl, accessToken }) => new MultiFactorAuthenticationV1Api({ baseUrl, accessToken }),
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
