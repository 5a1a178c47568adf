import { RequestValidationError } from "./errors.js";
import { isJsonMediaType, mediaTypeEssence } from "./media-type.js";
import type { SerializedBody } from "./operation.js";
import { formExplodedEntries, isPlainObject } from "./parameter-style.js";

/**
 * Request body serializers. Generated code calls the one its operation's media type needs, so an
 * operation without a body carries none of this, and only form operations carry the form one.
 */

type Fail = (problem: string, cause?: unknown) => never;

/** Whether `value` is bytes (a `Blob`, `ArrayBuffer` or typed array), which the transports send as they are. */
function isBytes(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return (
    value instanceof ArrayBuffer || ArrayBuffer.isView(value) || (typeof Blob === "function" && value instanceof Blob)
  );
}

/**
 * A `Blob` of the bytes (no copy: a part is held by reference), labelled `type`. axios sends a
 * `Blob` under its own type (or `application/octet-stream` when it has none) whatever the
 * `content-type` header says, so the label must be the media type the operation sends.
 */
const blobOf = (value: Blob | ArrayBuffer | ArrayBufferView, type?: string): Blob =>
  // An undefined `type` is a missing member (WebIDL): the Blob has no type.
  new Blob([value as BlobPart], { type } as BlobPropertyBag);

/** Whether `value` is a `FormData`, where the platform has one. */
const isFormData = (value: unknown): value is FormData => typeof FormData === "function" && value instanceof FormData;

/**
 * Whether `value` is a body to send: `false` for `undefined` and `null`.
 *
 * @throws RequestValidationError when a required body is missing, or the body is a stream.
 */
function isPresent(value: unknown, required: boolean | undefined, fail: Fail): boolean {
  if (value == null) return required ? fail("request body is required") : false;
  // A stream would need `duplex: "half"` in fetch and cannot be retried; a Blob can be both sent and resent.
  if (typeof ReadableStream === "function" && value instanceof ReadableStream)
    fail("stream request bodies are not supported; pass a Blob");
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
 * - a `Blob`, `ArrayBuffer` or typed array, for any media type but JSON: the bytes as they are;
 * - anything else: strings as-is, other values as JSON.
 *
 * Returns `undefined` when there is no body (`undefined` or `null`).
 *
 * @throws RequestValidationError when a required body is missing or the body cannot be serialized
 *   (a bigint or cycle in JSON, binary data or a FormData as JSON).
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
  // Bytes go as they are (an `application/octet-stream` or `image/png` upload); JSON is text. A
  // wildcard (`image/*`) is no content type: the Blob's own type is sent instead, or none
  // (which RFC 9110 §8.3 lets a recipient take as application/octet-stream).
  if (isBytes(value) && !isJsonMediaType(essence)) {
    const type = essence.includes("*") ? (value as Blob).type || undefined : mediaType;
    return { body: blobOf(value, type), contentType: type };
  }
  if (isBytes(value) || isFormData(value))
    fail(`a ${isFormData(value) ? "FormData" : "binary"} request body cannot be sent as ${essence}`);
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
 * objects use `a[b]`), except properties that `styled` serializes as their `encoding` says.
 * Returns `undefined` when there is no body.
 *
 * @throws RequestValidationError when a required body is missing, or the body is neither a
 *   plain object, a string nor `URLSearchParams`.
 */
export function serializeFormBody(
  operationId: string,
  value: unknown,
  required?: boolean,
  mediaType = "application/x-www-form-urlencoded",
  styled?: Readonly<Record<string, (value: unknown) => string[]>>,
): SerializedBody | undefined {
  const fail = failFor(operationId);
  if (!isPresent(value, required, fail)) return undefined;
  let text: string | undefined;
  if (typeof value === "string" || value instanceof URLSearchParams) text = String(value);
  else if (!isPlainObject(value)) fail("form request body must be a plain object, a string or URLSearchParams");
  else {
    const parts: string[] = [];
    for (const name in value) {
      // A property with an `encoding` of its own: its pairs come encoded (`tags=a,b`).
      // Own members only: `styled.__proto__` would be Object.prototype.
      const own = styled && Object.hasOwn(styled, name) ? styled[name] : undefined;
      if (own) {
        parts.push(...own(value[name]));
        continue;
      }
      // URLSearchParams implements the WHATWG application/x-www-form-urlencoded serializer (spaces as "+").
      const form = new URLSearchParams();
      for (const pair of formExplodedEntries(name, value[name], { operationId, in: "body", name }))
        form.append(...pair);
      const pairs = String(form);
      if (pairs) parts.push(pairs);
    }
    text = parts.join("&");
  }
  return { body: text as string, contentType: mediaType };
}

/**
 * Serializes a `multipart/form-data` body (RFC 7578) as a `FormData`, whose `content-type` and
 * boundary the HTTP library writes. A `FormData` is sent as it is. A plain object gives one part
 * per property, and one per item of an array property; `undefined` and `null` give none. Each
 * part is written as OpenAPI's default encoding says: a `Blob`, `ArrayBuffer` or typed array as
 * its bytes, an object as `application/json`, anything else as its text.
 *
 * @throws RequestValidationError when a required body is missing, the body is neither a plain
 *   object nor a `FormData`, or a part cannot be serialized as JSON.
 */
export function serializeMultipartBody(
  operationId: string,
  value: unknown,
  required?: boolean,
): SerializedBody | undefined {
  const fail = failFor(operationId);
  if (!isPresent(value, required, fail)) return undefined;
  if (isFormData(value)) return { body: value };
  if (!isPlainObject(value)) return fail("multipart request body must be a plain object or FormData");
  const form = new FormData();
  for (const name in value)
    for (const item of ([] as unknown[]).concat(value[name])) {
      if (item == null) continue;
      let part: string | Blob = String(item);
      if (item instanceof Blob) part = item;
      else if (isBytes(item)) part = blobOf(item);
      else if (typeof item === "object")
        try {
          part = new Blob([JSON.stringify(item)], { type: "application/json" });
        } catch (error) {
          fail(`multipart part "${name}" cannot be serialized as JSON: ${(error as Error).message}`, error);
        }
      form.append(name, part);
    }
  return { body: form };
}
