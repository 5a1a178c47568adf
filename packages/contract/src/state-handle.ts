import { base32Encode } from "./base32.js";
import type { HandlerResult } from "./handlers/types.js";
import type { RecordedExchange, SpecViolation } from "./server/exchange-log.js";
import type { ResponseTamperer } from "./server/request-pipeline.js";
import type { FactorKind } from "./state/factor-catalog.js";
import type { DeviceRecord, OutboundMessage, UserRecord } from "./state/records.js";
import type { MfaStore, MfaTokenUse, NewDevice, NewUser } from "./state/store.js";

/** A device as tests see it (a copy; changing it changes nothing on the server). */
export interface DeviceSnapshot {
  /** The id as used in the `device_id` path parameter. */
  id: string;
  factor: FactorKind;
  factorId: number;
  active: boolean;
  isDefault: boolean;
  displayName: string;
  phoneNumber: string | undefined;
}

/** A temporary MFA token as tests see it. */
export interface MfaTokenSnapshot {
  token: string;
  userId: number;
  reusable: boolean;
  /** Epoch milliseconds. */
  expiresAt: number;
  uses: number;
}

/** Seed input for a user, optionally with devices already enrolled. */
export interface SeedUser extends NewUser {
  devices?: NewDevice[];
}

/**
 * The test's window into a running fake: seed data, read what clients cannot see
 * (sent codes, TOTP secrets, token use), and collect spec violations.
 */
export interface FakeServerState {
  /** Creates a user (and its seeded devices); returns the created devices. */
  addUser(input: SeedUser): DeviceSnapshot[];
  /** Adds a device to an existing user; any string works as id, e.g. `a/b?c#d%e f é`. */
  addDevice(userId: number, device: NewDevice): DeviceSnapshot;
  /** A user's devices in enrollment order (throws for an unknown user). */
  devices(userId: number): DeviceSnapshot[];
  /** One device, or `undefined`. */
  device(userId: number, deviceId: string): DeviceSnapshot | undefined;
  /** The code in the last SMS or email sent to a device. */
  lastOtp(userId: number, deviceId: string): string | undefined;
  /** The last SMS or email sent to a device, with its full text. */
  lastMessage(userId: number, deviceId: string): OutboundMessage | undefined;
  /** Base32 TOTP secret of an authenticator or Protect device (what a QR code would carry). */
  totpSecret(userId: number, deviceId: string): string | undefined;
  /** Simulates the user tapping "approve" on a OneLogin Protect push. */
  approvePush(userId: number, deviceId: string): void;
  /** Temporary MFA tokens, optionally of one user, oldest first. */
  mfaTokens(userId?: number): MfaTokenSnapshot[];
  /** Presents an MFA token as an app would: `ok`, then `used` for single-use ones; `expired` after expiry. */
  useMfaToken(token: string): MfaTokenUse;
  /** Every request answered since the last reset, in completion order. */
  readonly requests: readonly RecordedExchange[];
  /** Spec violations seen since the last `takeViolations()`/`reset()`. */
  readonly violations: readonly SpecViolation[];
  /** Returns the violations recorded so far and clears the list. */
  takeViolations(): SpecViolation[];
  /** Forgets users, devices, MFA and OAuth tokens, messages, pending faults, the request log and violations. */
  reset(): void;
  /**
   * Test-only hook: the next response of any operation is passed through `tamper` before
   * validation. Exists so the fake's own tests can prove a broken response is caught.
   */
  tamperWithNextResponse(tamper: (result: HandlerResult, operationId: string) => HandlerResult): void;
}

/** Internals the handle wraps; created by the server. */
export interface StateHandleDeps {
  store: MfaStore;
  exchanges: RecordedExchange[];
  violations: SpecViolation[];
  setTamperer(tamperer: ResponseTamperer): void;
  /** Clears what lives outside the store (pending faults, issued OAuth tokens). */
  onReset?(): void;
}

/** Builds the test-facing handle over a store and the server's logs. */
export function createStateHandle(deps: StateHandleDeps): FakeServerState {
  const { store } = deps;
  const user = (userId: number): UserRecord => {
    const found = store.users.get(userId);
    if (found === undefined) throw new Error(`fake server has no user ${userId}`);
    return found;
  };
  const device = (userId: number, deviceId: string): DeviceRecord => {
    const found = user(userId).devices.get(deviceId);
    if (found === undefined) throw new Error(`user ${userId} has no device ${JSON.stringify(deviceId)}`);
    return found;
  };
  return {
    addUser(input) {
      const created = store.addUser(input);
      return (input.devices ?? []).map((d) => snapshotDevice(store.addDevice(created, d)));
    },
    addDevice: (userId, input) => snapshotDevice(store.addDevice(user(userId), input)),
    devices: (userId) => [...user(userId).devices.values()].map(snapshotDevice),
    device(userId, deviceId) {
      const found = store.users.get(userId)?.devices.get(deviceId);
      return found === undefined ? undefined : snapshotDevice(found);
    },
    lastOtp: (userId, deviceId) => store.lastMessage(userId, deviceId)?.code,
    lastMessage: (userId, deviceId) => {
      const message = store.lastMessage(userId, deviceId);
      return message === undefined ? undefined : { ...message };
    },
    totpSecret(userId, deviceId) {
      const secret = device(userId, deviceId).totpSecret;
      return secret === undefined ? undefined : base32Encode(secret);
    },
    approvePush(userId, deviceId) {
      device(userId, deviceId).pushApproved = true;
    },
    mfaTokens: (userId) =>
      [...store.mfaTokens.values()]
        .filter((t) => userId === undefined || t.userId === userId)
        .map((t) => ({ token: t.token, userId: t.userId, reusable: t.reusable, expiresAt: t.expiresAt, uses: t.uses })),
    useMfaToken: (token) => store.useMfaToken(token),
    get requests() {
      return deps.exchanges;
    },
    get violations() {
      return deps.violations;
    },
    takeViolations: () => deps.violations.splice(0),
    reset() {
      store.reset();
      deps.onReset?.();
      deps.exchanges.length = 0;
      deps.violations.length = 0;
    },
    tamperWithNextResponse: (tamper) => deps.setTamperer(tamper),
  };
}

function snapshotDevice(device: DeviceRecord): DeviceSnapshot {
  return {
    id: device.id,
    factor: device.factor.kind,
    factorId: device.factor.factorId,
    active: device.active,
    isDefault: device.isDefault,
    displayName: device.displayName,
    phoneNumber: device.phoneNumber,
  };
}
