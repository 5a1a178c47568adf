import { RequestValidationError } from "./errors.js";

/**
 * Turns parameter values into strings the way OpenAPI 3 parameter styles describe
 * (https://spec.openapis.org/oas/v3.0.3#style-values). Encoding for the wire is left to the
 * caller, because path, query, header, cookie and form-body each escape differently.
 */

/** Names the parameter being serialized, for error messages. */
export interface ParameterLocation {
  /** OpenAPI operationId. */
  readonly operationId: string;
  /** Where the parameter goes, e.g. `"path"` or `"query"`. */
  readonly in: string;
  /** Wire name of the parameter. */
  readonly name: string;
}

/**
 * Converts a single value to its string form: strings as-is, finite numbers, bigints and
 * booleans via `String`, `Date` via `toISOString()` (RFC 3339 date-time, the OpenAPI
 * `format: date-time`). Returns `undefined` for `undefined`/`null`; throws a
 * {@link RequestValidationError} for anything else (arrays, objects, functions, NaN, …).
 */
export function scalarToString(value: unknown, location: ParameterLocation): string | undefined {
  const type = typeof value;
  if (value == null) return undefined;
  if (type === "string" || type === "boolean" || type === "bigint" || Number.isFinite(value)) return String(value);
  const date = value instanceof Date;
  if (date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw invalid(
    location,
    type === "number"
      ? "must be a finite number"
      : date
        ? "is an invalid Date"
        : "must be a string, number, bigint, boolean or Date",
  );
}

/**
 * Form style with `explode: true` (the OpenAPI default for query parameters), as name/value
 * pairs in insertion order:
 *
 * - scalars give one pair, `undefined`/`null` give none;
 * - arrays repeat the name once per element (`ids=1&ids=2`); an empty array gives nothing;
 * - objects give one pair per property with the property in brackets (`filter[type]=sms`), nested
 *   objects add further brackets. OpenAPI's own exploded form style would drop the parameter
 *   name (`type=sms`), which can collide with other parameters; the bracket form is the one the
 *   `deepObject` style and common server frameworks understand.
 */
export function formExplodedEntries(name: string, value: unknown, location: ParameterLocation): [string, string][] {
  const pairs: [string, string][] = [];
  if (isPlainObject(value)) {
    for (const key in value) pairs.push(...formExplodedEntries(`${name}[${key}]`, value[key], location));
    return pairs;
  }
  for (const element of Array.isArray(value) ? value : [value]) {
    if (element !== value && (isPlainObject(element) || Array.isArray(element)))
      throw invalid(location, "is an array containing arrays or objects, which has no form-style serialization");
    const text = scalarToString(element, location);
    if (text !== undefined) pairs.push([name, text]);
  }
  return pairs;
}

/**
 * Simple style with `explode: false` (the OpenAPI default for headers): arrays as `a,b,c`,
 * objects as `key1,value1,key2,value2`. Returns `undefined` when the value is absent.
 */
export function simpleStyle(value: unknown, location: ParameterLocation): string | undefined {
  const parts = Array.isArray(value) ? value : isPlainObject(value) ? Object.entries(value).flat() : undefined;
  return parts
    ? parts.map((element: unknown) => scalarToString(element, location) ?? "").join(",")
    : scalarToString(value, location);
}

/** True for object literals and `Object.create(null)` objects, false for Date, arrays, class instances, etc. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || !value) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A validation error naming the parameter and where it goes. */
export function invalid(location: ParameterLocation, problem: string): RequestValidationError {
  return new RequestValidationError(location.operationId, `${location.in} parameter "${location.name}" ${problem}`, {
    parameter: location.name,
  });
}
