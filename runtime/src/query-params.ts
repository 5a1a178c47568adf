import type { ParameterValues } from "./operation.js";
import { formExplodedEntries } from "./parameter-style.js";
import { encodeComponent } from "./url.js";

/**
 * Serializes query parameters of the default style (form, `explode: true`, see
 * {@link formExplodedEntries}) in insertion order, percent-encoding names and values with
 * `encodeURIComponent`: spaces become `%20`, and `&`, `=`, `+`, `#` and brackets are escaped as
 * RFC 3986 §3.4 requires for data inside the query. Returns the `name=value` pairs, none for
 * absent values. Generated code calls it only for operations with query parameters.
 *
 * @throws RequestValidationError for a value no form style can carry.
 */
export function formQuery(operationId: string, query: ParameterValues): string[] {
  const pairs: string[] = [];
  for (const name in query)
    for (const [key, value] of formExplodedEntries(name, query[name], { operationId, in: "query", name }))
      pairs.push(`${encodeComponent(key, operationId, name)}=${encodeComponent(value, operationId, name)}`);
  return pairs;
}
