import type { ClientConfig as AxiosClientOptions } from "../../src/axios-flavor.js";
import { createAxiosTransport } from "../../src/axios-transport.js";
import type { ApiResponse, ClientOptions, RequestOptions } from "../../src/client-core.js";
import { ClientCore } from "../../src/client-core.js";
import type { ClientConfig as FetchClientOptions } from "../../src/fetch-flavor.js";
import { createFetchTransport } from "../../src/fetch-transport.js";
import type { Transport } from "../../src/transport.js";

// Hand-written stand-ins for what the Mustache templates generate, proving the runtime API
// supports that shape. Kept deliberately close to the generated form.

/** Body of activate_mfa_factors. */
export interface ActivateMfaFactorsRequest {
  state_token_expires_in?: number;
  numeric_sms_otp?: boolean;
  sms_message?: string;
}

/** The OneLogin v1 status envelope member. */
export interface ModelError {
  code: number;
  message: string;
  error?: boolean;
  type?: string;
}

/** 200 response of activate_mfa_factors. */
export interface ActivateMfaFactors200Response {
  status?: ModelError;
  data?: { otp_devices?: unknown[] };
}

/** Body of verify_mfa_factor. */
export interface VerifyMfaFactorRequest {
  state_token?: string;
  otp_token?: string;
}

const SERVER_URL = "https://your-api-subdomain.onelogin.com";

/** MultiFactorAuthenticationV1 operations over any transport; the flavours below pick one. */
class SampleApi {
  readonly #core: ClientCore;

  constructor(options: ClientOptions, transport: Transport) {
    this.#core = new ClientCore(options, transport, { baseUrl: SERVER_URL });
  }

  /** Activate a Factor */
  async activateMfaFactorsRaw(
    params: { userId: number; deviceId: string; body?: ActivateMfaFactorsRequest },
    options?: RequestOptions,
  ): Promise<ApiResponse<ActivateMfaFactors200Response>> {
    return this.#core.request<ActivateMfaFactors200Response>(
      {
        operationId: "activate_mfa_factors",
        method: "POST",
        path: "/api/1/users/{user_id}/otp_devices/{device_id}/trigger",
        pathParams: { user_id: params.userId, device_id: params.deviceId },
        query: {},
        headers: {},
        cookies: {},
        body: params.body,
        mediaType: "application/json",
        bodyRequired: false,
        security: [["OAuth2"]],
        responses: { "200": "application/json", "400": "application/json", "401": "application/json" },
      },
      options,
    );
  }

  /** Activate a Factor */
  async activateMfaFactors(
    params: { userId: number; deviceId: string; body?: ActivateMfaFactorsRequest },
    options?: RequestOptions,
  ): Promise<ActivateMfaFactors200Response> {
    return (await this.activateMfaFactorsRaw(params, options)).data;
  }

  /** Remove an Enrolled Factor */
  async removeMfaFactorsRaw(
    params: { userId: number; deviceId: string },
    options?: RequestOptions,
  ): Promise<ApiResponse<void>> {
    return this.#core.request<void>(
      {
        operationId: "remove_mfa_factors",
        method: "DELETE",
        path: "/api/1/users/{user_id}/otp_devices/{device_id}",
        pathParams: { user_id: params.userId, device_id: params.deviceId },
        query: {},
        headers: {},
        cookies: {},
        bodyRequired: false,
        security: [["OAuth2"]],
        responses: { "200": null, "400": "application/json", "401": "application/json" },
      },
      options,
    );
  }

  /** Remove an Enrolled Factor */
  async removeMfaFactors(params: { userId: number; deviceId: string }, options?: RequestOptions): Promise<void> {
    await this.removeMfaFactorsRaw(params, options);
  }

  /** Verify a Factor */
  async verifyMfaFactorRaw(
    params: { userId: number; deviceId: string; body?: VerifyMfaFactorRequest },
    options?: RequestOptions,
  ): Promise<ApiResponse<ModelError>> {
    return this.#core.request<ModelError>(
      {
        operationId: "verify_mfa_factor",
        method: "POST",
        path: "/api/1/users/{user_id}/otp_devices/{device_id}/verify",
        pathParams: { user_id: params.userId, device_id: params.deviceId },
        query: {},
        headers: {},
        cookies: {},
        body: params.body,
        mediaType: "application/json",
        bodyRequired: false,
        security: [["OAuth2"]],
        responses: { "200": "application/json", "400": "application/json", "401": "application/json" },
      },
      options,
    );
  }

  /** Verify a Factor */
  async verifyMfaFactor(
    params: { userId: number; deviceId: string; body?: VerifyMfaFactorRequest },
    options?: RequestOptions,
  ): Promise<ModelError> {
    return (await this.verifyMfaFactorRaw(params, options)).data;
  }
}

/** MultiFactorAuthenticationV1 operations, fetch flavour. */
export class MultiFactorAuthenticationV1Api extends SampleApi {
  constructor(options: FetchClientOptions = {}) {
    super(options, createFetchTransport(options.fetch));
  }
}

/** MultiFactorAuthenticationV1 operations, axios flavour. */
export class MultiFactorAuthenticationV1AxiosApi extends SampleApi {
  constructor(options: AxiosClientOptions = {}) {
    super(options, createAxiosTransport(options.axios));
  }
}
