import { componentRef, type SchemaObject } from "./openapi-types.js";
import type { SchemaDoc, TypedSchemaDoc } from "./page-model.js";
import { type JsonType, mapPythonTypes } from "./python-types.js";
import type { FileReporter } from "./reporter.js";

/** Formats a `value must …` note may set, by the JSON type they belong to. */
const FORMATS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  integer: ["int32", "int64"],
  number: ["float", "double"],
  string: ["date", "date-time", "uuid", "number"],
};

/**
 * Maps a schema read off a page to an OpenAPI 3.0 Schema Object. Model links become
 * `$ref`s; everything else stays inline. Problems go to `reporter` (the page's file).
 */
export function toOpenApiSchema(doc: SchemaDoc, reporter: FileReporter): SchemaObject {
  if (doc.kind === "model") {
    const ref: SchemaObject = { $ref: componentRef(doc.model.name) };
    // OpenAPI 3.0 ignores keywords beside $ref, so annotations need an allOf wrapper.
    const annotations: SchemaObject = {
      ...(doc.description ? { description: doc.description } : {}),
      ...(doc.notes.readOnly ? { readOnly: true } : {}),
      ...(doc.notes.defaultValue ? { default: doc.notes.defaultValue.value } : {}),
    };
    return Object.keys(annotations).length === 0 ? ref : { allOf: [ref], ...annotations };
  }
  return typedSchema(doc, reporter);
}

function typedSchema(doc: TypedSchemaDoc, reporter: FileReporter): SchemaObject {
  const mapped = mapPythonTypes(doc.inputTypes);
  for (const token of mapped.unrecognised) reporter.warn(doc.line, `unknown Python input type "${token}"; ignored`);
  if (mapped.mixed)
    reporter.warn(
      doc.line,
      `input types "${doc.inputTypes.join(", ")}" mix ${mapped.mixed.join(" and ")}; any type is used`,
    );

  const schema: SchemaObject = {};
  const type: JsonType | undefined = mapped.anyType || mapped.mixed ? undefined : mapped.type;
  if (type) schema.type = type;
  const format = chooseFormat(type, mapped.format, doc, reporter);
  if (format) schema.format = format;
  if (doc.description) schema.description = doc.description;
  if (type && mapped.nullable) schema.nullable = true;
  if (doc.notes.readOnly) schema.readOnly = true;
  if (doc.notes.enumValues) schema.enum = doc.notes.enumValues;
  if (doc.notes.defaultValue) schema.default = doc.notes.defaultValue.value;

  if (doc.properties) {
    const named = doc.properties;
    const required = named.filter((property) => property.required).map((property) => property.name);
    if (required.length > 0) schema.required = required;
    if (named.length > 0)
      schema.properties = Object.fromEntries(
        named.map((property) => [property.name, toOpenApiSchema(property.schema, reporter)]),
      );
    // A keys table without an any_string_name row: the schema said additionalProperties: false.
    if (!doc.additionalProperties) schema.additionalProperties = false;
  }
  if (doc.additionalProperties) {
    const values = toOpenApiSchema(doc.additionalProperties, reporter);
    // `{}` is the default (anything allowed), so it is left implicit.
    if (Object.keys(values).length > 0) schema.additionalProperties = values;
  }

  if (type === "array") {
    if (!doc.items) reporter.warn(doc.line, "array without a Tuple Items table; items of any type assumed");
    schema.items = doc.items ? toOpenApiSchema(doc.items, reporter) : {};
  } else if (doc.items) {
    reporter.warn(doc.line, `Tuple Items on a schema that is not an array (${doc.inputTypes.join(", ")}); ignored`);
  }

  const composed = doc.composed;
  if (composed?.allOf) schema.allOf = composed.allOf.map((member) => toOpenApiSchema(member, reporter));
  if (composed?.anyOf) schema.anyOf = composed.anyOf.map((member) => toOpenApiSchema(member, reporter));
  if (composed?.oneOf) schema.oneOf = composed.oneOf.map((member) => toOpenApiSchema(member, reporter));
  if (composed?.not) schema.not = toOpenApiSchema(composed.not, reporter);
  return schema;
}

/** The type's own format, overridden by a compatible `value must …` note. */
function chooseFormat(
  type: JsonType | undefined,
  fromType: string | undefined,
  doc: TypedSchemaDoc,
  reporter: FileReporter,
): string | undefined {
  const noted = doc.notes.format;
  if (!noted) return fromType;
  if (type && FORMATS_BY_TYPE[type]?.includes(noted)) return noted;
  reporter.warn(doc.line, `note sets format "${noted}" on a ${type ?? "schema of any type"}; ignored`);
  return fromType;
}
