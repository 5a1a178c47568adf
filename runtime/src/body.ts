import { RequestValidationError } from "./errors.js";
import { isJsonMediaType, mediaTypeEssence } from "./media-type.js";
import type { SerializedBody } from "./operation.js";
import { formExplodedEntries, isPlainObject } from "./parameter-style.js";

/**
 * Request body serializers. Generated code calls the one its operation's media type needs, so an
 * operation without a body carries none of this, and only form operations carry the form one.
 */

type Fail = (problem: string, cause?: unknown) => never;

/**
 * Whether `value` is a body to send: `false` for `undefined` and `null`.
 *
 * @throws RequestValidationError when a required body is missing, or the body is binary.
 */
function isPresent(value: unknown, required: boolean | undefined, fail: Fail): boolean {
  if (value == null) return required ? fail("request body is required") : false;
  // Transports carry text only; no operation of this API takes binary uploads.
  if (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    ["Blob", "FormData", "ReadableStream"].some((name) => {
      const type = (globalThis as Record<string, unknown>)[name];
      return typeof type === "function" && value instanceof type;
    })
  )
    fail("binary request bodies are not supported");
  return true;
}

/** A `fail` for `operationId` that names the body as the offending parameter. */
const failFor =
  (operationId: string): Fail =>
  (problem, cause) => {
    throw new RequestValidationError(
      operationId,
      problem,
      cause ? { parameter: "body", cause } : { parameter: "body" },
    );
  };

/**
 * Serializes a request body as `mediaType` (default `application/json`):
 *
 * - `application/json` and every `+json` media type: `JSON.stringify`;
 * - `text/plain`: `String(value)`;
 * - anything else: strings as-is, other values as JSON.
 *
 * Returns `undefined` when there is no body (`undefined` or `null`).
 *
 * @throws RequestValidationError when a required body is missing or the body cannot be serialized
 *   (a bigint or cycle in JSON, binary data).
 */
export function serializeBody(
  operationId: string,
  value: unknown,
  required?: boolean,
  mediaType = "application/json",
): SerializedBody | undefined {
  const fail = failFor(operationId);
  if (!isPresent(value, required, fail)) return undefined;
  const essence = mediaTypeEssence(mediaType);
  let text: string | undefined;
  if (essence === "text/plain" || (typeof value === "string" && !isJsonMediaType(essence))) text = String(value);
  else {
    try {
      text = JSON.stringify(value);
    } catch (error) {
      // JSON.stringify throws TypeError for bigint values and for cycles.
      fail(`request body cannot be serialized as JSON: ${(error as Error).message}`, error);
    }
    text ?? fail(`request body of type ${typeof value} cannot be serialized as JSON`);
  }
  return { body: text as string, contentType: mediaType };
}

/**
 * Serializes an `application/x-www-form-urlencoded` body: a string is sent as-is (taken to be
 * encoded already), `URLSearchParams` as its string form, a plain object through
 * `URLSearchParams` after flattening like query parameters (arrays repeat the key, nested
 * objects use `a[b]`). Returns `undefined` when there is no body.
 *
 * @throws RequestValidationError when a required body is missing, or the body is neither a
 *   plain object, a string nor `URLSearchParams`.
 */
export function serializeFormBody(
  operationId: string,
  value: unknown,
  required?: boolean,
  mediaType = "application/x-www-form-urlencoded",
): SerializedBody | undefined {
  const fail = failFor(operationId);
  if (!isPresent(value, required, fail)) return undefined;
  let text: string | undefined;
  if (typeof value === "string" || value instanceof URLSearchParams) text = String(value);
  else if (!isPlainObject(value)) fail("form request body must be a plain object, a string or URLSearchParams");
  else {
    // URLSearchParams implements the WHATWG application/x-www-form-urlencoded serializer (spaces as "+").
    const form = new URLSearchParams();
    for (const name in value)
      for (const pair of formExplodedEntries(name, value[name], { operationId, in: "body", name }))
        form.append(...pair);
    text = String(form);
  }
  return { body: text as string, contentType: mediaType };
}
