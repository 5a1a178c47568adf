/**
 * The part of this package that runs anywhere, Node or a browser page: TOTP, base32, spec
 * indexing and the shared ajv set-up. The contract suite imports only this (and types), so
 * that it can run in headless Chromium against a fake server started in Node.
 */

export { base32Decode, base32Encode } from "./base32.js";
export type { FakeClock } from "./clock.js";
export type { IssuedToken, OAuthClient } from "./oauth/token-store.js";
export { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from "./server/control-protocol.js";
export type { RecordedExchange, SpecViolation } from "./server/exchange-log.js";
export type { FaultMatch, FaultSpec } from "./server/faults.js";
export type { FaultsHandle, OAuthHandle, RunningFakeServer } from "./server/start-fake-server.js";
export { createAjv } from "./spec/ajv.js";
export { documentedStatuses, indexSpec, responseFor } from "./spec/index-spec.js";
export type { LoadedSpec, SpecOperation } from "./spec/openapi-types.js";
export type { OperationSchemaEntry, OperationSchemas } from "./spec/operation-schemas.js";
export type { DeviceSnapshot, FakeServerState, MfaTokenSnapshot, SeedUser } from "./state-handle.js";
export { hotp, type TotpOptions, totp, verifyTotp } from "./totp.js";
