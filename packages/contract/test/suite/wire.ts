/** Wire shapes the scenarios read from client results (the spec types items as "any"). */

/** A device in `otp_devices` or an enroll result. */
export interface WireDevice {
  id: number | string;
  active: boolean;
  default: boolean;
  auth_factor_name: string;
  type_display_name: string;
  user_display_name: string;
  needs_trigger: boolean;
  phone_number?: string;
  state_token?: string;
}

/** The `status` object of a v1 success envelope. */
export const SUCCESS_STATUS = { code: 200, error: false, type: "success", message: "Success" } as const;

/** Devices of a `{status, data: {otp_devices}}` result. */
export function otpDevicesOf(result: unknown): WireDevice[] {
  return (result as { data: { otp_devices: WireDevice[] } }).data.otp_devices;
}

/** The device of an enroll result `{status, data: [device]}`. */
export function enrolledDeviceOf(result: unknown): WireDevice {
  const device = (result as { data: WireDevice[] }).data[0];
  if (device === undefined) throw new Error("enroll result has no device");
  return device;
}

/** The state token a trigger or enroll result carries. */
export function stateTokenOf(device: WireDevice | undefined): string {
  const token = device?.state_token;
  if (typeof token !== "string") throw new Error("no state_token on the device");
  return token;
}

/** A generate_mf_atoken result. */
export interface MfaTokenResult {
  mfa_token: string;
  /** Spelled this way by the API. */
  resuable: boolean;
  expires_at: string;
}
