import { expect } from "vitest";
import type { ErrorClasses, OperationId } from "../adapters/client-adapter.js";
import type { ContractContext } from "./contract-context.js";

/** The fields every client's ApiError carries. */
export interface ApiErrorFields extends Error {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  operationId: string;
  method: string;
  url: string;
}

/** The error class each client throws for a status. */
export const ERROR_CLASS_BY_STATUS: Readonly<Record<number, keyof ErrorClasses>> = {
  400: "BadRequestError",
  401: "AuthenticationError",
  404: "NotFoundError",
};

/** Awaits a call that must fail and returns what it threw. */
export async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await call;
  } catch (error) {
    return error;
  }
  throw new Error(`expected the call to fail, but it resolved to ${JSON.stringify(value)}`);
}

/**
 * Asserts the client-independent contract of an HTTP error: the class for the status
 * (and `ApiError`, and the SDK root), its `name`, and fields that match exactly what the
 * fake sent for that request: status, parsed body, lower-case headers, operationId,
 * method and URL.
 */
export async function expectApiError(
  context: ContractContext,
  call: Promise<unknown>,
  expected: { status: number; operationId: OperationId },
): Promise<ApiErrorFields> {
  const error = await rejectionOf(call);
  const classes = context.adapter.errorClasses;
  const className = ERROR_CLASS_BY_STATUS[expected.status] ?? "ApiError";
  expect(error).toBeInstanceOf(Error);
  expect(error).toBeInstanceOf(classes.OneLoginMfaError);
  expect(error).toBeInstanceOf(classes.ApiError);
  expect(error).toBeInstanceOf(classes[className]);
  const fields = error as ApiErrorFields;
  expect(fields.name).toBe(className);
  expect(typeof fields.message === "string" && fields.message.length > 0).toBe(true);
  expect(fields.status).toBe(expected.status);
  expect(fields.operationId).toBe(expected.operationId);
  expect(typeof fields.url).toBe("string");

  const url = new URL(fields.url);
  expect(url.origin).toBe(context.server.url);
  const exchange = context.lastExchange(expected.operationId, `${url.pathname}${url.search}`);
  expect(exchange.status).toBe(expected.status);
  expect(fields.method).toBe(exchange.method);
  expect(fields.body).toEqual(exchange.responseBody);
  expect(fields.headers["content-type"]).toMatch(/^application\/json/);
  return fields;
}
