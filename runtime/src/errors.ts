// The SDK's error classes, split by kind: the base class (error-base.ts), HTTP status errors
// (api-errors.ts) and errors raised before or instead of a response (request-errors.ts).
export * from "./api-errors.js";
export * from "./error-base.js";
export * from "./request-errors.js";
