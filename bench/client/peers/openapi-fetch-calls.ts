// openapi-fetch calling the seven MFA operations, typed by @onelogin-mfa/schema (openapi-typescript
// output of our spec). The peer in the size and overhead benchmarks.
import type { paths } from "@onelogin-mfa/schema";
import createClient from "openapi-fetch";

/** A client for the bench; the base URL is set by the caller. */
export const api = (baseUrl: string, token: string, fetchImpl?: typeof fetch) =>
  createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${token}` },
    ...(fetchImpl && { fetch: fetchImpl }),
  });

type Api = ReturnType<typeof api>;

/** GET /api/1/users/{user_id}/otp_devices */
export const getEnrolledFactors = (c: Api, userId: number) =>
  c.GET("/api/1/users/{user_id}/otp_devices", { params: { path: { user_id: userId } } });

/** All seven operations. */
export const all = {
  getEnrolledFactors,
  getMfaFactors: (c: Api, userId: number) =>
    c.GET("/api/1/users/{user_id}/auth_factor", { params: { path: { user_id: userId } } }),
  enrollMfaFactor: (c: Api, userId: number) =>
    c.POST("/api/1/users/{user_id}/otp_devices", {
      params: { path: { user_id: userId } },
      body: { factor_id: 1, display_name: "Phone", number: "+15550100" },
    }),
  activateMfaFactors: (c: Api, userId: number, deviceId: string) =>
    c.POST("/api/1/users/{user_id}/otp_devices/{device_id}/trigger", {
      params: { path: { user_id: userId, device_id: deviceId } },
      body: {},
    }),
  verifyMfaFactor: (c: Api, userId: number, deviceId: string) =>
    c.POST("/api/1/users/{user_id}/otp_devices/{device_id}/verify", {
      params: { path: { user_id: userId, device_id: deviceId } },
      body: { otp_token: "123456" },
    }),
  removeMfaFactors: (c: Api, userId: number, deviceId: string) =>
    c.DELETE("/api/1/users/{user_id}/otp_devices/{device_id}", {
      params: { path: { user_id: userId, device_id: deviceId } },
    }),
  generateMfAtoken: (c: Api, userId: number) =>
    c.POST("/api/1/users/{user_id}/mfa_token", { params: { path: { user_id: userId } }, body: { expires_in: 60 } }),
};
