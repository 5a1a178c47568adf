import { invalid, isPlainObject, type ParameterLocation, scalarToString } from "./parameter-style.js";

/**
 * Parameter styles other than the defaults that formQuery, headerParams and the core serialize
 * (form-exploded scalars and arrays in the query, simple scalars in the path, simple headers,
 * scalar cookies), as the OpenAPI
 * Specification's table of style values describes them (3.0.3 §4.7.12.4, 3.1 §4.8.12.4). Generated
 * operations import these only when their spec declares such a parameter; each function returns
 * text ready for the wire (percent-encoded where the location needs it), which the operation puts
 * in the descriptor's `query` or `encodedPathParams`, or passes to `headerParams`.
 */

/** Query styles; `deepObject` is the core's own bracket form and needs no function. */
export type QueryStyle = "form" | "spaceDelimited" | "pipeDelimited";

/** Path styles. */
export type PathStyle = "simple" | "label" | "matrix";

/** A value taken apart: the text of a scalar, the texts of an array, or an object's key/value texts. */
type Parts =
  | { readonly kind: "scalar"; readonly text: string }
  | { readonly kind: "array"; readonly items: readonly string[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, string])[] };

/**
 * Splits a value into what the styles join; `undefined` for an absent value. Absent array
 * elements and object properties are left out; nested arrays and objects have no serialization.
 */
function partsOf(value: unknown, location: ParameterLocation): Parts | undefined {
  const text = (element: unknown): string | undefined => {
    if (Array.isArray(element) || isPlainObject(element)) {
      throw invalid(location, "contains a nested array or object, which no parameter style can serialize");
    }
    return scalarToString(element, location);
  };
  if (Array.isArray(value)) {
    return { kind: "array", items: value.map(text).filter((item): item is string => item !== undefined) };
  }
  if (isPlainObject(value)) {
    const entries: [string, string][] = [];
    for (const [key, property] of Object.entries(value)) {
      const propertyText = text(property);
      if (propertyText !== undefined) entries.push([key, propertyText]);
    }
    return { kind: "object", entries };
  }
  const scalar = text(value);
  return scalar === undefined ? undefined : { kind: "scalar", text: scalar };
}

/** True when there is nothing to send: no value, or an empty array or object. */
function isEmpty(parts: Parts | undefined): parts is undefined {
  return (
    parts === undefined ||
    (parts.kind === "array" ? parts.items.length === 0 : parts.kind === "object" && parts.entries.length === 0)
  );
}

/** The flat list a non-exploded style joins: array items, or keys and values in turn. */
function flat(parts: Parts, encode: (text: string) => string): string[] {
  if (parts.kind === "scalar") return [encode(parts.text)];
  if (parts.kind === "array") return parts.items.map(encode);
  return parts.entries.flatMap(([key, text]) => [encode(key), encode(text)]);
}

/** `key=value` for each object entry, the items of an array, or the scalar alone. */
function exploded(parts: Parts, encode: (text: string) => string): string[] {
  if (parts.kind === "object") return parts.entries.map(([key, text]) => `${encode(key)}=${encode(text)}`);
  return flat(parts, encode);
}

/**
 * RFC 3986 reserved characters (gen-delims and sub-delims). `allowReserved: true` sends them as they
 * are (OpenAPI Parameter Object), which `encodeURIComponent` would escape.
 */
const ESCAPED_RESERVED = /%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi;

function encoderFor(location: ParameterLocation, allowReserved = false): (text: string) => string {
  return (text) => {
    let encoded: string;
    try {
      encoded = encodeURIComponent(text);
    } catch {
      // Only a lone UTF-16 surrogate makes encodeURIComponent throw: it has no UTF-8 encoding.
      throw invalid(location, "contains text that cannot be encoded as UTF-8");
    }
    return allowReserved ? encoded.replace(ESCAPED_RESERVED, (triplet) => decodeURIComponent(triplet)) : encoded;
  };
}

/** Separators of the non-exploded query styles; a space is `%20` on the wire. */
const QUERY_DELIMITERS: Readonly<Record<QueryStyle, string>> = { form: ",", spaceDelimited: "%20", pipeDelimited: "|" };

/**
 * A query parameter as encoded `name=value` fragments, for the descriptor's `query`:
 *
 * - `explode: true` (any of the styles): an array repeats the name (`color=blue&color=black`), an
 *   object sends its properties as parameters of their own (`R=100&G=200`);
 * - `explode: false`: one pair, items joined by `,` (form), `%20` (spaceDelimited) or `|`
 *   (pipeDelimited), an object as keys and values in turn (`color=R,100,G,200`).
 *
 * Nothing is sent for an absent value or an empty array or object.
 */
export function queryStyle(
  operationId: string,
  name: string,
  value: unknown,
  style: QueryStyle,
  explode: boolean,
  allowReserved?: boolean,
): string[] {
  const location = { operationId, in: "query", name };
  const parts = partsOf(value, location);
  if (isEmpty(parts)) return [];
  const encode = encoderFor(location, allowReserved);
  const key = encode(name);
  if (!explode) return [`${key}=${flat(parts, encode).join(QUERY_DELIMITERS[style])}`];
  return parts.kind === "object" ? exploded(parts, encode) : flat(parts, encode).map((text) => `${key}=${text}`);
}

/**
 * A path parameter as an encoded segment value, for the descriptor's `encodedPathParams`:
 *
 * | style  | explode | `"blue"`      | `["blue","black"]`           | `{R:100,G:200}`   |
 * | ------ | ------- | ------------- | ---------------------------- | ----------------- |
 * | simple | false   | `blue`        | `blue,black`                 | `R,100,G,200`     |
 * | simple | true    | `blue`        | `blue,black`                 | `R=100,G=200`     |
 * | label  | false   | `.blue`       | `.blue,black`                | `.R,100,G,200`    |
 * | label  | true    | `.blue`       | `.blue.black`                | `.R=100.G=200`    |
 * | matrix | false   | `;color=blue` | `;color=blue,black`          | `;color=R,100,G,200` |
 * | matrix | true    | `;color=blue` | `;color=blue;color=black`    | `;R=100;G=200`    |
 *
 * @throws RequestValidationError when the value is absent, empty, or would be a dot segment.
 */
export function pathStyle(
  operationId: string,
  name: string,
  value: unknown,
  style: PathStyle,
  explode: boolean,
): string {
  const location = { operationId, in: "path", name };
  const parts = partsOf(value, location);
  if (parts === undefined) throw invalid(location, "is required");
  if (isEmpty(parts) || (parts.kind === "scalar" && parts.text === "")) throw invalid(location, "must not be empty");
  const encode = encoderFor(location);
  let text: string;
  if (style === "matrix") {
    const key = `;${encode(name)}`;
    text = !explode
      ? `${key}=${flat(parts, encode).join(",")}`
      : parts.kind === "object"
        ? exploded(parts, encode)
            .map((pair) => `;${pair}`)
            .join("")
        : flat(parts, encode)
            .map((item) => `${key}=${item}`)
            .join("");
  } else {
    const items = explode ? exploded(parts, encode) : flat(parts, encode);
    text = style === "label" ? `.${items.join(explode ? "." : ",")}` : items.join(",");
  }
  // RFC 3986 §5.2.4 removes dot segments, so "." or ".." would address another resource.
  if (/^\.\.?$/.test(text)) throw invalid(location, 'must not be "." or ".."');
  return text;
}

/**
 * A header parameter with simple style and `explode: true`: an object as `R=100,G=200`; scalars and
 * arrays as the core's default (`blue,black`). Header values are not percent-encoded.
 * Returns `undefined` for an absent value, so the header is left out.
 */
export function explodedHeader(operationId: string, name: string, value: unknown): string | undefined {
  const parts = partsOf(value, { operationId, in: "header", name });
  return parts && exploded(parts, (text) => text).join(",");
}

/** One cookie parameter for {@link cookieHeader}: wire name, value, and whether it is exploded. */
export type CookieParameter = readonly [name: string, value: unknown, explode: boolean];

/**
 * Cookie parameters with form style as one `cookie` header value (RFC 6265 §4.2.1 pairs joined by
 * `"; "`), for arrays and objects, which the core's cookie record cannot hold:
 *
 * - `explode: false`: `color=blue,black,brown`, an object `color=R,100,G,200` (the table's form);
 * - `explode: true`: one pair per item, `color=blue; color=black`, and per property, `R=100; G=200`
 *   (the table's repeated pairs, separated the way a Cookie header separates them).
 *
 * Names, keys and items are percent-encoded as the core encodes cookie values. Returns `undefined`
 * when no cookie is to be sent.
 */
export function cookieHeader(operationId: string, cookies: readonly CookieParameter[]): string | undefined {
  const pairs = cookies.flatMap(([name, value, explode]) => {
    const location = { operationId, in: "cookie", name };
    const parts = partsOf(value, location);
    if (isEmpty(parts)) return [];
    const encode = encoderFor(location);
    const key = encode(name);
    if (!explode) return [`${key}=${flat(parts, encode).join(",")}`];
    return parts.kind === "object" ? exploded(parts, encode) : flat(parts, encode).map((text) => `${key}=${text}`);
  });
  return pairs.join("; ") || undefined;
}

/**
 * A parameter declared with `content: application/json` (or another JSON media type): the JSON
 * text of its value, which the core then encodes as it encodes any string in that location.
 * Returns `undefined` for an absent (`undefined` or `null`) value, as the core treats absence.
 */
export function jsonParameter(operationId: string, name: string, value: unknown): string | undefined {
  if (value == null) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    throw invalid({ operationId, in: "JSON-content", name }, "has no JSON text (it holds a bigint or a cycle)");
  }
}
