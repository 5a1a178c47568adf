import { type ChangeList, listed, type SchemaPlace, subject } from "./changes.js";
import type { EngineConstraint, EngineSchema, SchemaSummary } from "./engine-tree.js";

/** Constraint fields of a schema result that do not change the generated TypeScript types. */
const CONSTRAINTS = [
  "maxLength",
  "minLength",
  "pattern",
  "numericRange",
  "multipleOf",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxProperties",
  "minProperties",
  "readOnly",
  "writeOnly",
] as const;

/**
 * Classifies one schema's differences by what a consumer observes. The engine matches the two
 * schemas (through `$ref`s, properties, items, variants); the classes are ours:
 * - request: a removed property or enum value, a new required property, an optional property made
 *   required, a changed type or a narrower constraint rejects what consumers send → major; the
 *   reverse widens the input → minor;
 * - response: a removed property or enum value, a required property made optional (it may now be
 *   missing), a changed type or a new nullable → major; a new property, enum value or variant, or
 *   a narrower output → minor; constraints on output are not in the types → patch.
 */
export function classifySchema(node: EngineSchema | undefined, place: SchemaPlace, out: ChangeList): void {
  if (!node?.different) return;
  const request = place.direction === "request";
  const at = place.tokens;
  const what = subject(place);

  if (node.changedType) {
    out.add(
      "major",
      "type-changed",
      at,
      `Changed the type of ${what} in ${place.of} from ${typeName(node.oldSchema)} to ${typeName(node.newSchema)}.`,
    );
  } else if (node.changeFormat) {
    out.add(
      "major",
      "format-changed",
      at,
      `Changed the format of ${what} in ${place.of} from ${node.oldSchema?.format ?? "none"} to ${node.newSchema?.format ?? "none"}.`,
    );
  }

  const newRequired = new Set((node.required?.newValue ?? []) as string[]);
  for (const name of Object.keys(node.missingProperties ?? {}).sort()) {
    out.add(
      "major",
      "property-removed",
      [...at, "properties", name],
      `Removed ${subject(place, name)} from ${place.of}.`,
    );
  }
  for (const name of Object.keys(node.increasedProperties ?? {}).sort()) {
    const required = newRequired.has(name);
    const tokens = [...at, "properties", name];
    if (request && required) {
      out.add(
        "major",
        "required-property-added",
        tokens,
        `Added the required ${subject(place, name).replace(/^the /, "")} to ${place.of}.`,
      );
    } else {
      out.add(
        "minor",
        required ? "property-added" : "optional-property-added",
        tokens,
        `Added the ${required ? "" : "optional "}${subject(place, name).replace(/^the /, "")} to ${place.of}.`,
      );
    }
  }
  // Properties present on both sides whose `required` flag changed.
  const added = new Set(Object.keys(node.increasedProperties ?? {}));
  const removed = new Set(Object.keys(node.missingProperties ?? {}));
  for (const name of ((node.required?.increased ?? []) as string[]).filter((n) => !added.has(n)).sort()) {
    const tokens = [...at, "properties", name];
    if (request)
      out.add("major", "property-made-required", tokens, `Made ${subject(place, name)} required in ${place.of}.`);
    else
      out.add(
        "minor",
        "property-made-required",
        tokens,
        `${cap(subject(place, name))} is now always present in ${place.of}.`,
      );
  }
  for (const name of ((node.required?.missing ?? []) as string[]).filter((n) => !removed.has(n)).sort()) {
    const tokens = [...at, "properties", name];
    if (request)
      out.add("minor", "property-made-optional", tokens, `Made ${subject(place, name)} optional in ${place.of}.`);
    else
      out.add(
        "major",
        "property-made-optional",
        tokens,
        `${cap(subject(place, name))} may now be missing from ${place.of}.`,
      );
  }

  // The engine reads a new response enum value as breaking; a consumer receiving it only sees a
  // wider union (minor). Removed values break in both directions: senders and exhaustive readers.
  const enumMissing = node.enumeration?.missing ?? [];
  const enumAdded = node.enumeration?.increased ?? [];
  if (enumMissing.length > 0) {
    out.add(
      "major",
      "enum-value-removed",
      [...at, "enum"],
      `Removed the value(s) ${listed(enumMissing)} from ${what} in ${place.of}.`,
    );
  }
  if (enumAdded.length > 0) {
    out.add(
      "minor",
      request ? "request-enum-value-added" : "response-enum-value-added",
      [...at, "enum"],
      `Added the value(s) ${listed(enumAdded)} to ${what} in ${place.of}.`,
    );
  }

  classifyNullable(node.nullable, place, out);
  for (const field of CONSTRAINTS) {
    const constraint = node[field];
    if (!constraint?.different) continue;
    const bump = !request ? "patch" : constraint.incompatible ? "major" : "minor";
    const verb = !request ? "Changed" : constraint.incompatible ? "Narrowed" : "Widened";
    out.add(bump, `${field}-changed`, [...at, field], `${verb} \`${field}\` of ${what} in ${place.of}.`);
  }
  if (node.discriminatorPropertyChanged) {
    out.add(
      "major",
      "discriminator-changed",
      [...at, "discriminator"],
      `Changed the discriminator of ${what} in ${place.of}.`,
    );
  }

  const variants = node.oneOfSchema;
  if (variants?.different) {
    for (const name of Object.keys(variants.missing ?? {}).sort()) {
      out.add(
        request ? "major" : "minor",
        "variant-removed",
        [...at, "oneOf"],
        `Removed the \`${refName(name)}\` variant of ${what} in ${place.of}.`,
      );
    }
    for (const name of Object.keys(variants.increased ?? {}).sort()) {
      out.add(
        request ? "minor" : "major",
        "variant-added",
        [...at, "oneOf"],
        `Added the \`${refName(name)}\` variant to ${what} in ${place.of}.`,
      );
    }
    for (const [name, changed] of Object.entries(variants.changed ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      classifySchema(changed, { ...place, tokens: [...at, "oneOf", refName(name)] }, out);
    }
  }

  // Documentation only.
  if (node.description?.different)
    out.add(
      "patch",
      "description-changed",
      [...at, "description"],
      `Changed the description of ${what} in ${place.of}.`,
    );
  if (node.example?.different || node.examples?.different)
    out.add("patch", "example-changed", [...at, "example"], `Changed the example of ${what} in ${place.of}.`);
  if (node.changeDeprecated)
    out.add(
      "patch",
      "deprecated-changed",
      [...at, "deprecated"],
      `Changed whether ${what} in ${place.of} is deprecated.`,
    );
  if (node.changeTitle)
    out.add("patch", "title-changed", [...at, "title"], `Changed the title of ${what} in ${place.of}.`);
  if (node.changeDefault)
    out.add("patch", "default-changed", [...at, "default"], `Changed the default of ${what} in ${place.of}.`);

  for (const [name, child] of Object.entries(node.changedProperties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    classifySchema(child, { ...place, tokens: [...at, "properties", name], path: [...place.path, name] }, out);
  }
  classifySchema(node.items, { ...place, tokens: [...at, "items"], path: [...place.path, "[]"] }, out);
  classifySchema(node.addProp, { ...place, tokens: [...at, "additionalProperties"], path: [...place.path, "{}"] }, out);
}

function classifyNullable(nullable: EngineConstraint | undefined, place: SchemaPlace, out: ChangeList): void {
  if (!nullable?.different) return;
  const now = nullable.right === true;
  const request = place.direction === "request";
  // Accepting null widens an input; returning null widens an output a consumer must now handle.
  const bump = request ? (now ? "minor" : "major") : now ? "major" : "minor";
  const words = now ? "may now be null" : "can no longer be null";
  out.add(bump, "nullable-changed", [...place.tokens, "nullable"], `${cap(subject(place))} in ${place.of} ${words}.`);
}

function typeName(schema: SchemaSummary | undefined): string {
  if (!schema) return "none";
  const base = schema.type ?? (schema.$ref ? refName(schema.$ref) : "any");
  return schema.format ? `${base} (${schema.format})` : base;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
