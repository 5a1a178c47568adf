import { holdsData, type JsonObject } from "./spec-walk.js";

/**
 * Takes `additionalProperties` off schemas whose `type` says they are not objects, in the copy
 * OpenAPI Generator reads. JSON Schema applies the keyword to objects only, so on a string or an
 * array it says nothing, but OpenAPI Generator reads it as a map: a string became
 * `{ [key: string]: unknown }`, and an array with it (VTEX's Message Center spec) became
 * `any<unknown>`, which does not parse. A schema without `type`, or whose 3.1 list of types
 * includes `object`, keeps it.
 */
export function dropObjectKeywordsFromNonObjects(document: JsonObject): void {
  const stack: { value: unknown; key: string | undefined }[] = [{ value: document, key: undefined }];
  while (stack.length > 0) {
    const { value, key } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, key });
      continue;
    }
    const object = value as JsonObject;
    if (key !== "properties" && "additionalProperties" in object && !mayBeObject(object.type))
      delete object.additionalProperties;
    for (const [child, inner] of Object.entries(object))
      if (!holdsData(child, key)) stack.push({ value: inner, key: child });
  }
}

/** Whether a schema's `type` allows an object: absent, `object`, or a list that has it. */
function mayBeObject(type: unknown): boolean {
  if (type === undefined) return true;
  if (typeof type === "string") return type === "object";
  return !Array.isArray(type) || type.includes("object");
}
