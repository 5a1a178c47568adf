import { findDevice, findUser, isReply } from "./request-reading.js";
import type { OperationHandler } from "./types.js";

/**
 * remove_mfa_factors — DELETE /api/1/users/{user_id}/otp_devices/{device_id}.
 * Deletes the device (and any verification in progress for it). 200 with no body, as
 * documented. Unknown user or device → 400.
 */
export const removeMfaFactors: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  const device = findDevice(context, user);
  if (isReply(device)) return device;
  context.store.removeDevice(user, device.id);
  return { status: 200 };
};
