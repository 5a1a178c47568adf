import type { DeviceRecord, UserRecord } from "../state/records.js";
import { errorReply } from "./replies.js";
import type { HandlerContext, HandlerResult } from "./types.js";

/**
 * A field of the JSON body. The body was validated against the spec already, but the
 * spec is replaced from time to time, so handlers still check the type they rely on.
 */
export function bodyField(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** An optional integer field; returns an error reply if present with another type. */
export function optionalInteger(body: unknown, name: string): number | undefined | HandlerResult {
  const value = bodyField(body, name);
  if (value === undefined) return undefined;
  return Number.isInteger(value) ? (value as number) : errorReply(400, `${name} must be an integer`);
}

/** An optional boolean field, `fallback` when absent or of another type. */
export function optionalBoolean(body: unknown, name: string, fallback: boolean): boolean {
  const value = bodyField(body, name);
  return typeof value === "boolean" ? value : fallback;
}

/** An optional string field, `undefined` when absent or of another type. */
export function optionalString(body: unknown, name: string): string | undefined {
  const value = bodyField(body, name);
  return typeof value === "string" ? value : undefined;
}

/** Tells a handler's early-exit reply apart from a looked-up value. */
export function isReply(value: unknown): value is HandlerResult {
  return typeof value === "object" && value !== null && "status" in value && typeof value.status === "number";
}

/**
 * The user named by `user_id`, or the reply for an unknown user. The status is the
 * caller's: the spec documents 404 only for get_mfa_factors, so the others answer 400.
 */
export function findUser(context: HandlerContext, unknownUserStatus: 400 | 404): UserRecord | HandlerResult {
  const userId = context.params.user_id;
  const user = typeof userId === "number" ? context.store.users.get(userId) : undefined;
  return user ?? errorReply(unknownUserStatus, `User ${String(userId)} not found`);
}

/** The user's device named by `device_id`, or a 400 reply (every device operation documents 400, none 404). */
export function findDevice(context: HandlerContext, user: UserRecord): DeviceRecord | HandlerResult {
  const deviceId = context.params.device_id;
  // The spec types device_id as a string; a number is tolerated in case a later spec changes that.
  const key = typeof deviceId === "number" ? String(deviceId) : deviceId;
  const device = typeof key === "string" ? user.devices.get(key) : undefined;
  return device ?? errorReply(400, `Device ${JSON.stringify(deviceId)} not found for user ${user.id}`);
}
