import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  MultiFactorAuthenticationV1Api,
  NotFoundError,
  OneLoginMfaError,
  RequestValidationError,
} from "@onelogin-mfa/axios";
import type { ClientAdapter } from "./client-adapter.js";

/** `@onelogin-mfa/axios` with its default axios instance (Node's http adapter). */
export const axiosAdapter: ClientAdapter<"axios"> = {
  name: "axios",
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
