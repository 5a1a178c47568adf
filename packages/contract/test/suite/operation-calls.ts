import type { MfaClient, OperationId } from "../adapters/client-adapter.js";

/** Ids a call is aimed at. */
export interface CallTarget {
  userId: number;
  deviceId: string;
}

/** A well-formed call of one operation, so only the aspect under test can make it fail. */
export type OperationCall = (client: MfaClient, target: CallTarget) => Promise<unknown>;

/** A phone number in E.164 form (the 555-01xx range is reserved for fiction). */
export const TEST_PHONE = "+14155550100";

/** Factor ids of the fake's catalog, as a real account would publish them. */
export const FACTOR_IDS = { sms: 101, authenticator: 102, protect: 103, email: 104 } as const;

/** One well-formed call per operation; device-scoped ones use `target.deviceId`. */
export const WELL_FORMED_CALLS: Readonly<Record<OperationId, OperationCall>> = {
  activate_mfa_factors: (client, { userId, deviceId }) => client.activateMfaFactors({ userId, deviceId }),
  enroll_mfa_factor: (client, { userId }) =>
    client.enrollMfaFactor({ userId, body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" } }),
  generate_mf_atoken: (client, { userId }) => client.generateMfAtoken({ userId, body: {} }),
  get_enrolled_factors: (client, { userId }) => client.getEnrolledFactors({ userId }),
  get_mfa_factors: (client, { userId }) => client.getMfaFactors({ userId }),
  remove_mfa_factors: (client, { userId, deviceId }) => client.removeMfaFactors({ userId, deviceId }),
  verify_mfa_factor: (client, { userId, deviceId }) =>
    client.verifyMfaFactor({ userId, deviceId, body: { otp_token: "000000" } }),
};

/** The operation ids the clients implement, in a stable order. */
export const OPERATION_IDS = Object.keys(WELL_FORMED_CALLS).sort() as OperationId[];
