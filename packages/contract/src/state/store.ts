import type { FakeClock } from "../clock.js";
import { ALL_FACTOR_KINDS, FACTOR_CATALOG, type FactorKind } from "./factor-catalog.js";
import type { DeviceRecord, MfaTokenRecord, OutboundMessage, StateTokenRecord, UserRecord } from "./records.js";
import { newMfaToken, newStateToken, newTotpSecret } from "./secrets.js";

/** Input for creating a user. */
export interface NewUser {
  id: number;
  /** Factors the account offers; defaults to all four. */
  factors?: readonly FactorKind[];
  /** `false` simulates a user without an MFA policy; defaults to `true`. */
  mfaEnabled?: boolean;
}

/** Input for creating a device directly (seeding) or through enrollment. */
export interface NewDevice {
  factor: FactorKind;
  /** Any string, including `/`, `?`, `#`, `%`, spaces and non-ASCII; generated when omitted. */
  id?: string;
  displayName?: string;
  phoneNumber?: string;
  active?: boolean;
  /** TOTP secret to use instead of a random one (authenticator and Protect only). */
  totpSecret?: Buffer;
}

/** Outcome of presenting a temporary MFA token. */
export type MfaTokenUse = "ok" | "expired" | "used" | "unknown";

/**
 * The fake's whole in-memory world: users, devices, pending verifications,
 * sent codes and temporary MFA tokens. Reads the injected clock for every
 * time-dependent decision. Knows nothing about HTTP.
 */
export class MfaStore {
  readonly users = new Map<number, UserRecord>();
  readonly stateTokens = new Map<string, StateTokenRecord>();
  readonly mfaTokens = new Map<string, MfaTokenRecord>();
  readonly outbox: OutboundMessage[] = [];
  readonly clock: FakeClock;
  private readonly onMessage: ((message: OutboundMessage) => void) | undefined;
  // Generated device ids look like the API's numeric ones.
  private nextDeviceNumber = 7_000_001;

  /**
   * @param clock time source for every expiry decision.
   * @param onMessage told about every code "sent", e.g. to print it.
   */
  constructor(clock: FakeClock, onMessage?: (message: OutboundMessage) => void) {
    this.clock = clock;
    this.onMessage = onMessage;
  }

  /** Forgets everything (users, devices, tokens, messages). */
  reset(): void {
    this.users.clear();
    this.stateTokens.clear();
    this.mfaTokens.clear();
    this.outbox.length = 0;
  }

  /** Creates a user; throws if the id is taken or not a safe integer. */
  addUser(input: NewUser): UserRecord {
    if (!Number.isSafeInteger(input.id)) throw new RangeError(`user id must be an integer, got ${input.id}`);
    if (this.users.has(input.id)) throw new Error(`user ${input.id} already exists`);
    const user: UserRecord = {
      id: input.id,
      mfaEnabled: input.mfaEnabled ?? true,
      factors: (input.factors ?? ALL_FACTOR_KINDS).map((kind) => FACTOR_CATALOG[kind]),
      devices: new Map(),
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Adds a device to a user. Active devices become the default when the user has none. */
  addDevice(user: UserRecord, input: NewDevice): DeviceRecord {
    const factor = FACTOR_CATALOG[input.factor];
    const id = input.id ?? String(this.nextDeviceNumber++);
    if (user.devices.has(id)) throw new Error(`user ${user.id} already has a device ${JSON.stringify(id)}`);
    const device: DeviceRecord = {
      id,
      factor,
      active: false,
      isDefault: false,
      displayName: input.displayName ?? factor.typeDisplayName,
      phoneNumber: input.phoneNumber,
      totpSecret: factor.usesTotp ? (input.totpSecret ?? newTotpSecret()) : undefined,
      pushApproved: false,
    };
    user.devices.set(id, device);
    if (input.active) this.activateDevice(user, device);
    return device;
  }

  /** Marks a device verified; the first active device of a user becomes the default. */
  activateDevice(user: UserRecord, device: DeviceRecord): void {
    device.active = true;
    const hasDefault = [...user.devices.values()].some((d) => d.isDefault);
    if (!hasDefault) device.isDefault = true;
  }

  /** Deletes a device and every pending verification for it. Returns whether it existed. */
  removeDevice(user: UserRecord, deviceId: string): boolean {
    const existed = user.devices.delete(deviceId);
    for (const [token, record] of this.stateTokens) {
      if (record.userId === user.id && record.deviceId === deviceId) this.stateTokens.delete(token);
    }
    return existed;
  }

  /** Starts a verification window of `ttlSeconds` for a device. */
  issueStateToken(
    user: UserRecord,
    device: DeviceRecord,
    ttlSeconds: number,
    expectedCode: string | undefined,
  ): StateTokenRecord {
    const record: StateTokenRecord = {
      token: newStateToken(),
      userId: user.id,
      deviceId: device.id,
      expiresAt: this.clock.now() + ttlSeconds * 1000,
      expectedCode,
    };
    this.stateTokens.set(record.token, record);
    return record;
  }

  /** A state token that exists and has not expired, or `undefined`. */
  liveStateToken(token: string): StateTokenRecord | undefined {
    const record = this.stateTokens.get(token);
    if (record === undefined || this.clock.now() >= record.expiresAt) return undefined;
    return record;
  }

  /** Records a code "sent" by SMS or email. */
  send(message: Omit<OutboundMessage, "sentAt">): OutboundMessage {
    const sent = { ...message, sentAt: this.clock.now() };
    this.outbox.push(sent);
    this.onMessage?.({ ...sent });
    return sent;
  }

  /** The latest message sent to a device, if any. */
  lastMessage(userId: number, deviceId: string): OutboundMessage | undefined {
    for (let i = this.outbox.length - 1; i >= 0; i -= 1) {
      const message = this.outbox[i];
      if (message?.userId === userId && message.deviceId === deviceId) return message;
    }
    return undefined;
  }

  /** Creates a temporary MFA token valid for `ttlSeconds`. */
  createMfaToken(user: UserRecord, ttlSeconds: number, reusable: boolean): MfaTokenRecord {
    const now = this.clock.now();
    const record: MfaTokenRecord = {
      token: newMfaToken(),
      userId: user.id,
      reusable,
      createdAt: now,
      expiresAt: now + ttlSeconds * 1000,
      uses: 0,
    };
    this.mfaTokens.set(record.token, record);
    return record;
  }

  /**
   * Presents an MFA token as an app would. Expiry wins over use count; a single-use
   * token counts as used after its first successful use.
   */
  useMfaToken(token: string): MfaTokenUse {
    const record = this.mfaTokens.get(token);
    if (record === undefined) return "unknown";
    if (this.clock.now() >= record.expiresAt) return "expired";
    if (!record.reusable && record.uses > 0) return "used";
    record.uses += 1;
    return "ok";
  }
}
