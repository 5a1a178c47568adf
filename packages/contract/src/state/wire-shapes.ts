import type { FactorDefinition } from "./factor-catalog.js";
import type { DeviceRecord } from "./records.js";

/**
 * Wire form of a device, as OneLogin returns it in `otp_devices` and enroll responses.
 * The spec types these items as "anything", so the shape follows the real API.
 */
export interface WireDevice {
  /** Numeric for generated ids (as the API does); the raw string for seeded odd ids. */
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

/** Wire form of an available factor under `auth_factors`. */
export interface WireFactor {
  factor_id: number;
  name: string;
  auth_factor_name: string;
}

/** Renders a device; `stateToken` is included only when a verification was just started. */
export function deviceToWire(device: DeviceRecord, stateToken?: string): WireDevice {
  const wire: WireDevice = {
    id: /^[1-9]\d{0,14}$/.test(device.id) ? Number(device.id) : device.id,
    active: device.active,
    default: device.isDefault,
    auth_factor_name: device.factor.authFactorName,
    type_display_name: device.factor.typeDisplayName,
    user_display_name: device.displayName,
    needs_trigger: device.factor.needsTrigger,
  };
  if (device.phoneNumber !== undefined) wire.phone_number = device.phoneNumber;
  if (stateToken !== undefined) wire.state_token = stateToken;
  return wire;
}

/** Renders an available factor. */
export function factorToWire(factor: FactorDefinition): WireFactor {
  return { factor_id: factor.factorId, name: factor.name, auth_factor_name: factor.authFactorName };
}
