import type { ClientConfig as AxiosClientOptions } from "../../src/axios-flavor.js";
import { createTransport as createAxiosTransport } from "../../src/axios-flavor.js";
import { serializeBody } from "../../src/body.js";
import type { ApiResponse, Client, RequestOptions } from "../../src/client-core.js";
import { dataOf, makeClient, request } from "../../src/client-core.js";
import type { ClientConfig as FetchClientOptions } from "../../src/fetch-flavor.js";
import { createTransport as createFetchTransport } from "../../src/fetch-flavor.js";

// Hand-written stand-ins for what the Mustache templates generate (one function per operation,
// a createClient per flavour, and the class facade), proving the runtime API supports that
// shape. Kept deliberately close to the generated form: an operation with a body is `async`, so
// that what its serializer throws is a rejection, as from the core.

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

const SERVER = { url: "https://your-api-subdomain.onelogin.com" };

/** The fetch flavour's createClient. */
export function createClient(options: FetchClientOptions = {}): Client {
  return makeClient(options, createFetchTransport(options), SERVER);
}

/** The axios flavour's createClient. */
export function createAxiosClient(options: AxiosClientOptions = {}): Client {
  return makeClient(options, createAxiosTransport(options), SERVER);
}

type ActivateParams = { userId: number; deviceId: string; body?: ActivateMfaFactorsRequest };
type DeviceParams = { userId: number; deviceId: string };
type VerifyParams = DeviceParams & { body?: VerifyMfaFactorRequest };

/** Activate a Factor */
export async function activateMfaFactorsRaw(
  client: Client,
  params: ActivateParams,
  options?: RequestOptions,
): Promise<ApiResponse<ActivateMfaFactors200Response>> {
  return request(
    client,
    {
      operationId: "activate_mfa_factors",
      method: "POST",
      path: "/api/1/users/{user_id}/otp_devices/{device_id}/trigger",
      pathParams: { user_id: params.userId, device_id: params.deviceId },
      body: serializeBody("activate_mfa_factors", params.body),
      security: [["OAuth2"]],
    },
    options,
  );
}

/** Activate a Factor */
export function activateMfaFactors(
  client: Client,
  params: ActivateParams,
  options?: RequestOptions,
): Promise<ActivateMfaFactors200Response> {
  return dataOf(activateMfaFactorsRaw(client, params, options));
}

/** Remove an Enrolled Factor */
export function removeMfaFactorsRaw(
  client: Client,
  params: DeviceParams,
  options?: RequestOptions,
): Promise<ApiResponse<void>> {
  return request(
    client,
    {
      operationId: "remove_mfa_factors",
      method: "DELETE",
      path: "/api/1/users/{user_id}/otp_devices/{device_id}",
      pathParams: { user_id: params.userId, device_id: params.deviceId },
      security: [["OAuth2"]],
      responses: { "200": null, "400": "application/json", "401": "application/json" },
    },
    options,
  );
}

/** Verify a Factor */
export async function verifyMfaFactorRaw(
  client: Client,
  params: VerifyParams,
  options?: RequestOptions,
): Promise<ApiResponse<ModelError>> {
  return request(
    client,
    {
      operationId: "verify_mfa_factor",
      method: "POST",
      path: "/api/1/users/{user_id}/otp_devices/{device_id}/verify",
      pathParams: { user_id: params.userId, device_id: params.deviceId },
      body: serializeBody("verify_mfa_factor", params.body),
      security: [["OAuth2"]],
    },
    options,
  );
}

/** MultiFactorAuthenticationV1 operations as methods over one client; the flavours below pick a transport. */
class SampleApi {
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  /** Activate a Factor */
  activateMfaFactors(params: ActivateParams, options?: RequestOptions): Promise<ActivateMfaFactors200Response> {
    return activateMfaFactors(this.#client, params, options);
  }

  /** Activate a Factor */
  activateMfaFactorsRaw(
    params: ActivateParams,
    options?: RequestOptions,
  ): Promise<ApiResponse<ActivateMfaFactors200Response>> {
    return activateMfaFactorsRaw(this.#client, params, options);
  }

  /** Remove an Enrolled Factor */
  removeMfaFactors(params: DeviceParams, options?: RequestOptions): Promise<void> {
    return dataOf(removeMfaFactorsRaw(this.#client, params, options));
  }

  /** Remove an Enrolled Factor */
  removeMfaFactorsRaw(params: DeviceParams, options?: RequestOptions): Promise<ApiResponse<void>> {
    return removeMfaFactorsRaw(this.#client, params, options);
  }

  /** Verify a Factor */
  verifyMfaFactor(params: VerifyParams, options?: RequestOptions): Promise<ModelError> {
    return dataOf(verifyMfaFactorRaw(this.#client, params, options));
  }
}

/** The fetch flavour's class. */
export class MultiFactorAuthenticationV1Api extends SampleApi {
  constructor(config: FetchClientOptions = {}) {
    super(createClient(config));
  }
}

/** The axios flavour's class. */
export class MultiFactorAuthenticationV1AxiosApi extends SampleApi {
  constructor(config: AxiosClientOptions = {}) {
    super(createAxiosClient(config));
  }
}
