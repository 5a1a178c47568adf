/**
 * Redocly's document walker (used by our lint and inside openapi-typescript) looks keys up in
 * plain objects, so a property named `hasOwnProperty` or `valueOf` reaches Object.prototype's
 * function and throws. Such names are valid in OpenAPI; the tools get a copy in which they are
 * spelled with a marker, and the marker is taken out of what the tools return.
 */

/**
 * Object.prototype's members. Some throw when the walker calls them (`hasOwnProperty`), the
 * others (`constructor`) make it check the value against the wrong type.
 */
const HAZARDOUS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Sits in front of a hazardous key; no identifier, wire name or path contains it. */
export const SHIELD_MARKER = "__sdkShielded__";

/** True when some object key in the document would trip the walker. */
export function hasHazardousKeys(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasHazardousKeys);
  if (!node || typeof node !== "object") return false;
  return Object.keys(node).some(
    (key) => HAZARDOUS.has(key) || hasHazardousKeys((node as Record<string, unknown>)[key]),
  );
}

/** A copy with every hazardous key (and every `$ref` token naming one) behind the marker. */
export function shieldKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shieldKeys);
  if (!node || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const shielded = HAZARDOUS.has(key) ? `${SHIELD_MARKER}${key}` : key;
    copy[shielded] =
      key === "$ref" && typeof value === "string"
        ? value
            .split("/")
            .map((token) => (HAZARDOUS.has(token) ? `${SHIELD_MARKER}${token}` : token))
            .join("/")
        : shieldKeys(value);
  }
  return copy;
}

/** Takes the marker out of text a tool produced from a shielded copy. */
export function unshieldText(text: string): string {
  return text.replaceAll(SHIELD_MARKER, "");
}
