// What the generated clients' public types promise: required vs optional parameters, the
// typed success body, the typed error; and that fetch and axios expose the very same API.
import type * as AxiosClient from "@onelogin-mfa/axios";
import * as FetchClient from "@onelogin-mfa/fetch";
import type { components, operations } from "@onelogin-mfa/schema";
import { describe, expectTypeOf, it } from "vitest";

type FetchApi = FetchClient.MultiFactorAuthenticationV1Api;
type AxiosApi = AxiosClient.MultiFactorAuthenticationV1Api;

describe("generated client types", () => {
  const api = new FetchClient.MultiFactorAuthenticationV1Api({ baseUrl: "http://127.0.0.1:1", accessToken: "t" });

  it("path parameters are required and typed as the spec says", () => {
    expectTypeOf<FetchClient.RemoveMfaFactorsParams>().toEqualTypeOf<{ userId: number; deviceId: string }>();
    // @ts-expect-error userId is required
    void api.getEnrolledFactors({});
    // @ts-expect-error user_id is an integer
    void api.getEnrolledFactors({ userId: "1" });
  });

  it("an optional request body stays optional, a model's required fields stay required", () => {
    expectTypeOf<FetchClient.EnrollMfaFactorParams["body"]>().toEqualTypeOf<FetchClient.OtpDevice | undefined>();
    // @ts-expect-error factor_id and display_name are required in OtpDevice
    void api.enrollMfaFactor({ userId: 1, body: { number: "+1" } });
    void api.enrollMfaFactor({ userId: 1, body: { number: "+1", factor_id: 2, display_name: "Phone" } });
    expectTypeOf<FetchClient.OtpDevice["verified"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("methods resolve to the typed success body; Raw twins add status and headers", () => {
    expectTypeOf(api.generateMfAtoken).returns.resolves.toEqualTypeOf<FetchClient.GenerateMfAtoken200Response>();
    expectTypeOf<FetchClient.GenerateMfAtoken200Response["resuable"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(api.removeMfaFactors).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(api.getMfaFactorsRaw).returns.resolves.toEqualTypeOf<
      FetchClient.ApiResponse<FetchClient.GetMfaFactors200Response>
    >();
  });

  it("documented error statuses carry the spec's error body", () => {
    const error = {} as FetchClient.GetMfaFactorsError;
    if (error.status === 404) expectTypeOf(error.body).toEqualTypeOf<FetchClient.ModelError>();
    expectTypeOf<FetchClient.GetMfaFactorsError["status"]>().toEqualTypeOf<400 | 401 | 404>();
    expectTypeOf<FetchClient.GenerateMfAtokenError>().toEqualTypeOf<FetchClient.ApiError<number, unknown>>();
    type NotFound = Extract<FetchClient.GetMfaFactorsError, { status: 404 }>;
    expectTypeOf<NotFound["body"]>().toEqualTypeOf<FetchClient.ModelError>();
    expectTypeOf<FetchClient.NotFoundError>().toMatchTypeOf<FetchClient.ApiError<404>>();
    expectTypeOf<FetchClient.ApiError>().toMatchTypeOf<FetchClient.OneLoginMfaError>();
  });

  it("the client models agree with the schema package's openapi-typescript types", () => {
    expectTypeOf<components["schemas"]["OtpDevice"]>().toExtend<FetchClient.OtpDevice>();
    expectTypeOf<FetchClient.OtpDevice>().toExtend<components["schemas"]["OtpDevice"]>();
    type SchemaParams = operations["remove_mfa_factors"]["parameters"]["path"];
    expectTypeOf<SchemaParams>().toEqualTypeOf<{ user_id: number; device_id: string }>();
  });

  it("fetch and axios expose identical operations, parameters, results and errors", () => {
    type Methods<T> = { [K in keyof T]: T[K] };
    expectTypeOf<Methods<AxiosApi>>().toEqualTypeOf<Methods<FetchApi>>();
    // Each package declares its own error classes, so compare what callers read off them.
    type Visible<E> = E extends { status: infer S; body: infer B } ? { status: S; body: B } : never;
    expectTypeOf<Visible<AxiosClient.VerifyMfaFactorError>>().toEqualTypeOf<
      Visible<FetchClient.VerifyMfaFactorError>
    >();
    // Same exports, apart from the one transport factory each package is built around.
    expectTypeOf<Exclude<keyof typeof AxiosClient, "createAxiosTransport">>().toEqualTypeOf<
      Exclude<keyof typeof FetchClient, "createFetchTransport">
    >();
  });

  it("each client takes its own transport in the constructor", () => {
    expectTypeOf<FetchClient.ClientConfig["fetch"]>().toEqualTypeOf<typeof fetch | undefined>();
    expectTypeOf<AxiosClient.ClientConfig>().toHaveProperty("axios");
  });
});
