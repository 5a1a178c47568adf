import { RequestValidationError } from "./errors.js";
import { isJsonMediaType, mediaTypeEssence } from "./media-type.js";
import type { OperationDescriptor } from "./operation.js";
import { formExplodedEntries, isPlainObject } from "./parameter-style.js";

/** A serialized request body and the `content-type` to send with it. */
export interface SerializedBody {
  /** The body text. */
  body: string;
  /** Value for the `content-type` header. */
  contentType: string;
}

/**
 * Serializes `operation.body` according to `operation.mediaType` (default `application/json`):
 *
 * - `application/json` and every `+json` media type: `JSON.stringify`;
 * - `application/x-www-form-urlencoded`: a string is sent as-is (taken to be encoded already),
 *   `URLSearchParams` as its string form, a plain object through `URLSearchParams` after
 *   flattening like query parameters (arrays repeat the key, nested objects use `a[b]`);
 * - `text/plain`: `String(body)`;
 * - anything else: strings as-is, other values as JSON.
 *
 * Returns `undefined` when there is no body (`undefined` or `null`).
 *
 * @throws RequestValidationError when a required body is missing or the body cannot be serialized
 *   (a bigint or cycle in JSON, a non-object form body, binary data).
 */
export function serializeBody(operation: OperationDescriptor): SerializedBody | undefined {
  const { body, operationId } = operation;
  const contentType = operation.mediaType ?? "application/json";
  const fail = (problem: string, cause?: unknown): never => {
    throw new RequestValidationError(
      operationId,
      problem,
      cause ? { parameter: "body", cause } : { parameter: "body" },
    );
  };
  if (body == null) return operation.bodyRequired ? fail("request body is required") : undefined;
  // Transports carry text only; no operation of this API takes binary uploads.
  if (
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    ["Blob", "FormData", "ReadableStream"].some((name) => {
      const type = (globalThis as Record<string, unknown>)[name];
      return typeof type === "function" && body instanceof type;
    })
  )
    fail("binary request bodies are not supported");
  const essence = mediaTypeEssence(contentType);
  let text: string | undefined;
  if (essence === "application/x-www-form-urlencoded") {
    if (typeof body === "string" || body instanceof URLSearchParams) text = String(body);
    else if (!isPlainObject(body)) fail("form request body must be a plain object, a string or URLSearchParams");
    else {
      // URLSearchParams implements the WHATWG application/x-www-form-urlencoded serializer (spaces as "+").
      const form = new URLSearchParams();
      for (const name in body)
        for (const pair of formExplodedEntries(name, body[name], { operationId, in: "body", name }))
          form.append(...pair);
      text = String(form);
    }
  } else if (essence === "text/plain" || (typeof body === "string" && !isJsonMediaType(essence))) text = String(body);
  else {
    try {
      text = JSON.stringify(body);
    } catch (error) {
      // JSON.stringify throws TypeError for bigint values and for cycles.
      fail(`request body cannot be serialized as JSON: ${(error as Error).message}`, error);
    }
    text ?? fail(`request body of type ${typeof body} cannot be serialized as JSON`);
  }
  return { body: text as string, contentType };
}
