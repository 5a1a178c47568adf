/**
 * Media types the generator commonly emits. The docs only show a media type as part of a
 * schema class name (`SchemaForRequestBodyApplicationXWwwFormUrlencoded`), with the
 * punctuation squeezed out, so it is matched back against these and the page's own
 * `content_type` / `accept_content_types` rows.
 */
const COMMON_MEDIA_TYPES: readonly string[] = [
  "application/json",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "application/octet-stream",
  "text/plain",
  "text/html",
  "text/csv",
  "text/xml",
  "application/pdf",
  "application/problem+json",
  "application/merge-patch+json",
  "application/json-patch+json",
];

/** A media type recovered from a schema class name. */
export interface RecoveredMediaType {
  mediaType: string;
  /** True when no known media type matched and the name was split at capitals instead. */
  guessed: boolean;
}

/** Letters and digits only, lower-cased: how the class-name suffix and a media type compare. */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Recovers the media type from the part of a schema class name after `RequestBody` or
 * `ResponseBody` (e.g. `ApplicationJson`). `pageMediaTypes` are the exact media types the
 * page spells out elsewhere; they win over the built-in list.
 */
export function mediaTypeFromSuffix(suffix: string, pageMediaTypes: readonly string[]): RecoveredMediaType {
  const wanted = squeeze(suffix);
  for (const candidate of [...pageMediaTypes, ...COMMON_MEDIA_TYPES]) {
    if (squeeze(candidate) === wanted) return { mediaType: candidate, guessed: false };
  }
  const words = suffix.match(/[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [suffix];
  const [type = "application", ...rest] = words.map((word) => word.toLowerCase());
  return { mediaType: `${type}/${rest.join("-") || "octet-stream"}`, guessed: true };
}

/** The part of a schema class name after `marker` (`RequestBody`/`ResponseBody`), or undefined. */
export function suffixAfter(schemaName: string, marker: string): string | undefined {
  const at = schemaName.indexOf(marker);
  if (at < 0) return undefined;
  const suffix = schemaName.slice(at + marker.length);
  return suffix === "" ? undefined : suffix;
}

/** Media types quoted in a cell such as `default is ('application/json', 'application/xml', )`. */
export function quotedMediaTypes(cell: string): string[] {
  return [...cell.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
}
