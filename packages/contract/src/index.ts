/**
 * Stateful fake of the OneLogin MFA v1 API, validated against spec/openapi.yaml,
 * plus the spec tooling the contract suite shares with it.
 */
export { startFakeServer } from "./server/start-fake-server.js";
export type { FakeServerOptions, RunningFakeServer } from "./server/start-fake-server.js";
export type { FakeServerState, DeviceSnapshot, MfaTokenSnapshot, SeedUser } from "./state-handle.js";
export type { RecordedExchange, SpecViolation } from "./server/exchange-log.js";
export type { FakeClock } from "./clock.js";
export { createManualClock, createOffsetClock } from "./clock.js";
export { FACTOR_CATALOG, ALL_FACTOR_KINDS, type FactorKind, type FactorDefinition } from "./state/factor-catalog.js";
export type { OutboundMessage } from "./state/records.js";
export type { MfaTokenUse, NewDevice, NewUser } from "./state/store.js";
export { totp, hotp, verifyTotp, type TotpOptions } from "./totp.js";
export { base32Decode, base32Encode } from "./base32.js";
export { loadSpec, documentedStatuses, responseFor } from "./spec/load-spec.js";
export type { LoadedSpec, SpecOperation } from "./spec/openapi-types.js";
export { buildOperationSchemas, type OperationSchemas, type OperationSchemaEntry } from "./spec/operation-schemas.js";
export { expectationFor } from "./spec/response-policy.js";
export { createAjv } from "./spec/ajv.js";
