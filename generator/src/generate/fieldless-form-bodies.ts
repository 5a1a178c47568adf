import type { OpenApiDocument } from "./load-spec.js";
import { type JsonObject, resolveLocalRef as resolve } from "./spec-walk.js";

const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\b/i;
const MULTIPART_FORM_MEDIA_TYPE = /^multipart\/form-data\b/i;

/** The body type the templates write instead of OpenAPI Generator's (on the request body: the body parameter's extension). */
export const BODY_TYPE_EXTENSION = "x-sdk-body-type";

/**
 * A form or multipart body that OpenAPI Generator would drop without a word: it makes one field
 * per property of the body's schema, so a schema with none (a string, a free-form or empty
 * object, an array, no schema) left the operation with no body at all, and its `params` unused.
 * Returns the request body OpenAPI Generator's copy should hold for this operation instead, or
 * `undefined` when there is nothing to change: the same body, its first media type named JSON,
 * which only decides that OpenAPI Generator types it as one body parameter. The descriptor still
 * sends it by the media type recorded before this (serializeFormBody takes a string,
 * `URLSearchParams` or a plain object; serializeMultipartBody a `FormData` or a plain object).
 * A shared body (`$ref`) is not changed in place: each operation gets a copy of its own.
 */
export function bodyForFieldlessForm(document: OpenApiDocument, body: JsonObject): JsonObject | undefined {
  const content = body.content as Record<string, JsonObject> | undefined;
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  if (mediaType === undefined) return undefined;
  const multipart = MULTIPART_FORM_MEDIA_TYPE.test(mediaType);
  if (!multipart && !FORM_MEDIA_TYPE.test(mediaType)) return undefined;
  const schema = resolve(document, media?.schema) as JsonObject | undefined;
  if (hasFields(schema)) return undefined;
  const { [mediaType]: _form, ...others } = content ?? {};
  const objectLike =
    schema?.type === "object" || (schema?.type === undefined && schema?.additionalProperties !== undefined);
  const bodyType = multipart
    ? objectLike
      ? undefined
      : "FormData"
    : objectLike
      ? undefined
      : "string | URLSearchParams";
  return {
    ...body,
    content: { "application/json": media ?? {}, ...others },
    ...(bodyType !== undefined && { [BODY_TYPE_EXTENSION]: bodyType }),
  };
}

/** Whether OpenAPI Generator finds fields in a form schema: named properties, or a composition it merges. */
function hasFields(schema: JsonObject | undefined): boolean {
  if (!schema || typeof schema !== "object") return false;
  const properties = schema.properties;
  if (properties && typeof properties === "object" && Object.keys(properties).length > 0) return true;
  return ["allOf", "oneOf", "anyOf"].some((key) => Array.isArray(schema[key]));
}
