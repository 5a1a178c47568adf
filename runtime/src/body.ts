import { RequestValidationError } from "./errors.js";
import { isJsonMediaType, mediaTypeEssence } from "./media-type.js";
import type { OperationDescriptor } from "./operation.js";
import { formExplodedEntries, isPlainObject } from "./parameter-style.js";

/** Media type used when an operation does not declare one. */
export const DEFAULT_REQUEST_MEDIA_TYPE = "application/json";

/** A serialized request body and the `content-type` to send with it. */
export interface SerializedBody {
  /** The body text. */
  body: string;
  /** Value for the `content-type` header. */
  contentType: string;
}

/**
 * Serializes `operation.body` according to `operation.mediaType`:
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
  const mediaType = operation.mediaType ?? DEFAULT_REQUEST_MEDIA_TYPE;
  if (body === undefined || body === null) {
    if (operation.bodyRequired)
      throw new RequestValidationError(operationId, "request body is required", { parameter: "body" });
    return undefined;
  }
  if (isBinary(body)) {
    // Transports carry text only; no operation of this API takes binary uploads.
    throw new RequestValidationError(operationId, "binary request bodies are not supported", { parameter: "body" });
  }

  const essence = mediaTypeEssence(mediaType);
  if (isJsonMediaType(essence)) return { body: toJson(body, operationId), contentType: mediaType };
  if (essence === "application/x-www-form-urlencoded")
    return { body: toFormUrlEncoded(body, operationId), contentType: mediaType };
  if (essence === "text/plain") return { body: String(body), contentType: mediaType };
  return { body: typeof body === "string" ? body : toJson(body, operationId), contentType: mediaType };
}

function toJson(body: unknown, operationId: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(body);
  } catch (error) {
    // JSON.stringify throws TypeError for bigint values and for cycles.
    const reason = error instanceof Error ? `: ${error.message}` : "";
    throw new RequestValidationError(operationId, `request body cannot be serialized as JSON${reason}`, {
      parameter: "body",
      cause: error,
    });
  }
  if (json === undefined) {
    throw new RequestValidationError(operationId, `request body of type ${typeof body} cannot be serialized as JSON`, {
      parameter: "body",
    });
  }
  return json;
}

function toFormUrlEncoded(body: unknown, operationId: string): string {
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (!isPlainObject(body)) {
    throw new RequestValidationError(
      operationId,
      "form request body must be a plain object, a string or URLSearchParams",
      {
        parameter: "body",
      },
    );
  }
  const entries = Object.entries(body).flatMap(([name, value]) =>
    formExplodedEntries(name, value, { operationId, in: "body", name }),
  );
  // URLSearchParams implements the WHATWG application/x-www-form-urlencoded serializer (spaces as "+").
  return new URLSearchParams(entries).toString();
}

function isBinary(body: unknown): boolean {
  return (
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== "undefined" && body instanceof Blob) ||
    (typeof FormData !== "undefined" && body instanceof FormData) ||
    (typeof ReadableStream !== "undefined" && body instanceof ReadableStream)
  );
}
