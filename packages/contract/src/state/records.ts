import type { FactorDefinition } from "./factor-catalog.js";

/** A code the fake "sent" by SMS or email; tests read it instead of a phone. */
export interface OutboundMessage {
  userId: number;
  deviceId: string;
  channel: "sms" | "email";
  /** The one-time code inside the message. */
  code: string;
  /** Full message text, after the `sms_message` template was applied. */
  text: string;
  sentAt: number;
}

/** An enrolled device of a user. */
export interface DeviceRecord {
  /** Path-parameter form of the id (`device_id` is a string in the spec). */
  id: string;
  factor: FactorDefinition;
  active: boolean;
  isDefault: boolean;
  displayName: string;
  phoneNumber: string | undefined;
  /** TOTP secret for authenticator and Protect devices. */
  totpSecret: Buffer | undefined;
  /** Set by the test handle to simulate the user approving a Protect push. */
  pushApproved: boolean;
}

/** A user and what they can and did enroll. */
export interface UserRecord {
  id: number;
  /** Whether an MFA policy applies; without one the account has nothing to offer. */
  mfaEnabled: boolean;
  factors: FactorDefinition[];
  /** Devices in enrollment order. */
  devices: Map<string, DeviceRecord>;
}

/** A pending verification, created by enroll (unverified) or activate. */
export interface StateTokenRecord {
  token: string;
  userId: number;
  deviceId: string;
  expiresAt: number;
  /** The code sent for this verification (SMS/email); TOTP factors have none. */
  expectedCode: string | undefined;
}

/** A temporary MFA token created by generate_mf_atoken. */
export interface MfaTokenRecord {
  token: string;
  userId: number;
  reusable: boolean;
  createdAt: number;
  expiresAt: number;
  uses: number;
}
