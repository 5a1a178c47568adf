/**
 * Media type helpers (RFC 9110 §8.3.1: `type/subtype` followed by optional `;` parameters,
 * compared case-insensitively).
 */

/** The media type without parameters, lower-cased: `"Application/JSON; charset=utf-8"` → `"application/json"`. */
export function mediaTypeEssence(mediaType: string): string {
  return (mediaType.split(";", 1)[0] ?? "").trim().toLowerCase();
}

/** Whether a media type denotes JSON: `application/json` or any `+json` structured syntax suffix (RFC 6839 §3.1). */
export function isJsonMediaType(mediaType: string | null | undefined): boolean {
  return (
    mediaType != null &&
    /^(application\/json|[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json)$/.test(mediaTypeEssence(mediaType))
  );
}
