/**
 * The `typing.Union[…]` cells that list a body's media types. Each media type appears as
 * the class name of its schema (`SchemaForRequestBodyApplicationJson`); a media type the
 * spec gives no schema has no class, and the two templates spell that differently:
 *
 * - the Parameters table's body row joins the class names with `, ` and appends `, Unset`
 *   when the body is optional, so a schema-less media type is an empty member
 *   (`typing.Union[]`, `typing.Union[, Unset]`);
 * - a response's body row writes each class name, or `Unset` for a schema-less media type,
 *   followed by `, ` (`typing.Union[SchemaFor200ResponseBodyApplicationJson, Unset, ]`);
 *   those are read by `unionMembers` (body-sections.ts), which leaves schema-less ones out.
 */

/** One media type of a body: its schema's class name, or undefined when it has no schema. */
export type UnionMember = string | undefined;

const UNION_PREFIX = "typing.Union[";

/** `typing.Union[A, B]` → `["A", " B"]` (a cell without the wrapper is one member list as is). */
function splitUnion(type: string): string[] {
  const trimmed = type.trim();
  const inner =
    trimmed.startsWith(UNION_PREFIX) && trimmed.endsWith("]") ? trimmed.slice(UNION_PREFIX.length, -1) : trimmed;
  return inner.split(",").map((member) => member.trim());
}

/** The Parameters table's body row: `Unset` only marks an optional body; an empty member is a schema-less media type. */
export function requestBodyMembers(type: string): UnionMember[] {
  return splitUnion(type)
    .filter((member) => member !== "Unset")
    .map((member) => (member === "" ? undefined : member));
}

/** The class names among the members. */
export function namedMembers(members: readonly UnionMember[]): string[] {
  return members.filter((member): member is string => member !== undefined);
}
