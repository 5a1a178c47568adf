import type { OpenApiDocument } from "./load-spec.js";
import { holdsData, type JsonObject } from "./spec-walk.js";

/**
 * Media types whose bodies are text or structured data the clients read and write themselves:
 * JSON, XML, any `text/*`, forms, and the wildcard, which says nothing about the bytes.
 */
const STRUCTURED_MEDIA = /json|xml|^text\/|^application\/x-www-form-urlencoded|^multipart\/|^\*\/\*/i;

/**
 * Whether a body of `mediaType` with no schema (or the empty schema, "any content") is bytes:
 * `image/png`, `application/pdf`, `application/octet-stream`. Such a body is typed and carried as
 * a `Blob`; before, an upload was typed `unknown` and a download resolved to nothing.
 */
export function isOpaqueMediaType(mediaType: string): boolean {
  return !STRUCTURED_MEDIA.test(mediaType.trim());
}

/** Whether a media type object says nothing about its content: no schema, or `{}`. */
export function hasNoSchema(media: JsonObject): boolean {
  const schema = media.schema;
  return schema === undefined || (typeof schema === "object" && schema !== null && Object.keys(schema).length === 0);
}

/** The schema OpenAPI Generator types as `Blob`. */
export const BINARY_SCHEMA = { type: "string", format: "binary" } as const;

/**
 * OpenAPI 3.1 says bytes with JSON Schema's `contentMediaType` (a multipart part `type: string,
 * contentMediaType: image/png`) where 3.0 said `format: binary`; such a string that is not text
 * and has no `contentEncoding` (base64 text is a string) gets `format: binary`, so that it is
 * typed `Blob` and sent as its bytes. Walks the whole document, skipping data keywords' values.
 */
export function markContentMediaBinary(spec: OpenApiDocument): void {
  const stack: { node: unknown; key: string | undefined }[] = [{ node: spec, key: undefined }];
  while (stack.length > 0) {
    const { node, key: parentKey } = stack.pop()!;
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push({ node: item, key: parentKey });
      continue;
    }
    const object = node as JsonObject;
    if (
      object.type === "string" &&
      typeof object.contentMediaType === "string" &&
      isOpaqueMediaType(object.contentMediaType) &&
      object.contentEncoding === undefined &&
      object.format === undefined &&
      parentKey !== "properties"
    )
      object.format = "binary";
    for (const [key, value] of Object.entries(object)) if (!holdsData(key, parentKey)) stack.push({ node: value, key });
  }
}
