import { deviceToWire } from "../state/wire-shapes.js";
import { envelope } from "./replies.js";
import { findUser, isReply } from "./request-reading.js";
import type { OperationHandler } from "./types.js";

/**
 * get_enrolled_factors — GET /api/1/users/{user_id}/otp_devices.
 * Lists the user's devices, verified or not, in enrollment order. Unknown user → 400.
 */
export const getEnrolledFactors: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  return envelope({ otp_devices: [...user.devices.values()].map((device) => deviceToWire(device)) });
};
