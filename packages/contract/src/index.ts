/**
 * Stateful fake of the OneLogin MFA v1 API, validated against spec/openapi.yaml,
 * plus the spec tooling the contract suite shares with it.
 */

export { base32Decode, base32Encode } from "./base32.js";
export type { FakeClock } from "./clock.js";
export { createManualClock, createOffsetClock } from "./clock.js";
export { TOKEN_ENDPOINT_PATH, TOKEN_OPERATION_ID } from "./oauth/token-endpoint.js";
export type { IssuedToken, OAuthClient } from "./oauth/token-store.js";
export { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from "./server/control-surface.js";
export type { RecordedExchange, SpecViolation } from "./server/exchange-log.js";
export type { FaultMatch, FaultSpec } from "./server/faults.js";
export type { FakeServerOptions, FaultsHandle, OAuthHandle, RunningFakeServer } from "./server/start-fake-server.js";
export { startFakeServer } from "./server/start-fake-server.js";
export { createAjv } from "./spec/ajv.js";
export { documentedStatuses, loadSpec, responseFor } from "./spec/load-spec.js";
export type { LoadedSpec, SpecOperation } from "./spec/openapi-types.js";
export { buildOperationSchemas, type OperationSchemaEntry, type OperationSchemas } from "./spec/operation-schemas.js";
export { expectationFor } from "./spec/response-policy.js";
export { ALL_FACTOR_KINDS, FACTOR_CATALOG, type FactorDefinition, type FactorKind } from "./state/factor-catalog.js";
export type { OutboundMessage } from "./state/records.js";
export type { MfaTokenUse, NewDevice, NewUser } from "./state/store.js";
export type { DeviceSnapshot, FakeServerState, MfaTokenSnapshot, SeedUser } from "./state-handle.js";
export { hotp, type TotpOptions, totp, verifyTotp } from "./totp.js";
