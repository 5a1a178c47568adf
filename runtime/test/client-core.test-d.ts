import type { AxiosInstance } from "axios";
import { describe, expectTypeOf, it } from "vitest";
import type { TokenProvider } from "../src/auth.js";
import type { ClientConfig as AxiosClientOptions } from "../src/axios-flavor.js";
import type { ApiResponse, ClientOptions, RequestOptions } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import type {
  ApiError,
  ApiErrorInit,
  BadRequestError,
  InternalServerError,
  OneLoginMfaError,
  RateLimitError,
} from "../src/errors.js";
import { createApiError } from "../src/errors.js";
import type { ClientConfig as FetchClientOptions } from "../src/fetch-flavor.js";
import type { OperationDescriptor } from "../src/operation.js";
import type { ServerTemplate } from "../src/server.js";
import type { Transport, TransportRequest, TransportResponse } from "../src/transport.js";
import type { ActivateMfaFactors200Response } from "./support/sample-api.js";
import { MultiFactorAuthenticationV1Api } from "./support/sample-api.js";

declare const transport: Transport;
declare const operation: OperationDescriptor;

describe("request", () => {
  it("request<T> resolves to ApiResponse<T>", () => {
    const client = makeClient({}, transport, { url: "https://x.test" });
    expectTypeOf(request<{ id: number }>(client, operation)).toEqualTypeOf<Promise<ApiResponse<{ id: number }>>>();
    expectTypeOf<ApiResponse<string>>().toEqualTypeOf<{
      data: string;
      status: number;
      headers: Record<string, string>;
    }>();
  });

  it("makeClient takes options, a transport and the spec's server", () => {
    expectTypeOf(makeClient).parameters.toEqualTypeOf<[ClientOptions, Transport, ServerTemplate]>();
    expectTypeOf(request).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
  });

  it("the descriptor needs only operationId, method, path and security", () => {
    expectTypeOf({
      operationId: "x",
      method: "GET",
      path: "/x",
      security: [],
    } as const).toMatchTypeOf<OperationDescriptor>();
    expectTypeOf<{ operationId: string; method: "GET"; path: string }>().not.toMatchTypeOf<OperationDescriptor>();
  });

  it("accepts the descriptor literal generated code writes", () => {
    expectTypeOf({
      operationId: "activate_mfa_factors",
      method: "POST",
      path: "/api/1/users/{user_id}/otp_devices/{device_id}/trigger",
      pathParams: { user_id: 1, device_id: "d" },
      query: ["limit=10"],
      headers: { "x-a": "1", cookie: undefined },
      body: { body: "{}", contentType: "application/json" },
      security: [["OAuth2"]],
      responses: { "200": "application/json", "204": null },
    } as const).toMatchTypeOf<OperationDescriptor>();
  });

  it("rejects unknown HTTP methods", () => {
    expectTypeOf<{ method: "FETCH" }>().not.toMatchTypeOf<Pick<OperationDescriptor, "method">>();
  });
});

describe("options", () => {
  it("accessToken is a string or a sync/async provider", () => {
    expectTypeOf<"tok">().toMatchTypeOf<ClientOptions["accessToken"]>();
    expectTypeOf<() => string>().toMatchTypeOf<TokenProvider>();
    expectTypeOf<() => Promise<string>>().toMatchTypeOf<TokenProvider>();
    expectTypeOf<() => number>().not.toMatchTypeOf<TokenProvider>();
    expectTypeOf<(context: { signal: AbortSignal }) => Promise<string>>().toMatchTypeOf<TokenProvider>();
    expectTypeOf<TokenProvider["invalidate"]>().toEqualTypeOf<(() => void) | undefined>();
  });

  it("flavour options extend the shared options", () => {
    expectTypeOf<FetchClientOptions>().toMatchTypeOf<ClientOptions>();
    expectTypeOf<FetchClientOptions["fetch"]>().toEqualTypeOf<typeof fetch | undefined>();
    expectTypeOf<AxiosClientOptions>().toMatchTypeOf<ClientOptions>();
    expectTypeOf<AxiosClientOptions["axios"]>().toEqualTypeOf<AxiosInstance | undefined>();
  });

  it("RequestOptions has signal, headers, timeoutMs and the retry settings only", () => {
    expectTypeOf<RequestOptions>().toEqualTypeOf<{
      signal?: AbortSignal;
      headers?: Record<string, string>;
      timeoutMs?: number;
      maxRetries?: number;
      retryNonIdempotent?: boolean;
    }>();
  });
});

describe("Transport", () => {
  it("maps a TransportRequest to a TransportResponse promise", () => {
    expectTypeOf<Transport>().toEqualTypeOf<(request: TransportRequest) => Promise<TransportResponse>>();
  });
});

describe("errors", () => {
  it("status classes narrow status and keep the body type", () => {
    expectTypeOf<BadRequestError<{ message: string }>["status"]>().toEqualTypeOf<400>();
    expectTypeOf<BadRequestError<{ message: string }>["body"]>().toEqualTypeOf<{ message: string }>();
    expectTypeOf<RateLimitError>().toMatchTypeOf<ApiError<429>>();
    expectTypeOf<InternalServerError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiError>().toMatchTypeOf<OneLoginMfaError>();
    expectTypeOf<BadRequestError["name"]>().toEqualTypeOf<"BadRequestError">();
  });

  it("createApiError returns ApiError with the given body type", () => {
    expectTypeOf(createApiError<{ code: number }>)
      .parameter(0)
      .toEqualTypeOf<ApiErrorInit<number, { code: number }>>();
    expectTypeOf(createApiError<{ code: number }>).returns.toEqualTypeOf<ApiError<number, { code: number }>>();
  });

  it("ApiError request fields are always present", () => {
    expectTypeOf<ApiError["operationId"]>().toEqualTypeOf<string>();
    expectTypeOf<OneLoginMfaError["operationId"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("generated class shape", () => {
  it("raw and plain methods return the declared types", () => {
    const api = new MultiFactorAuthenticationV1Api({ accessToken: async () => "t" });
    expectTypeOf(api.activateMfaFactors).returns.toEqualTypeOf<Promise<ActivateMfaFactors200Response>>();
    expectTypeOf(api.activateMfaFactorsRaw).returns.toEqualTypeOf<
      Promise<ApiResponse<ActivateMfaFactors200Response>>
    >();
    expectTypeOf(api.removeMfaFactors).returns.toEqualTypeOf<Promise<void>>();
  });
});
