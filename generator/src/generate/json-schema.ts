/**
 * Converts OpenAPI Schema Objects to self-contained JSON Schema draft-07 documents, so any
 * JSON Schema validator (ajv's default dialect) can check a request or response body.
 */
type Json = Record<string, unknown>;

/** Keywords OpenAPI adds to JSON Schema that validators reject or misread. */
const OPENAPI_ONLY = new Set(["nullable", "discriminator", "xml", "externalDocs", "example", "deprecated"]);

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** Builds a standalone schema for `schema`, pulling every referenced component into `definitions`. */
export function toStandaloneJsonSchema(
  schema: unknown,
  components: Record<string, unknown>,
  openapiVersion: string,
): Json {
  const is30 = openapiVersion.startsWith("3.0");
  const definitions: Record<string, unknown> = {};
  const pending: string[] = [];
  const convert = (node: unknown): unknown =>
    convertNode(node, is30, (name) => {
      if (!(name in definitions)) {
        definitions[name] = true; // placeholder: marks the name as queued
        pending.push(name);
      }
    });
  const root = convert(schema) as Json;
  while (pending.length > 0) {
    const name = pending.shift()!;
    definitions[name] = convert(components[name] ?? {});
  }
  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => [name, definitions[name]]),
  );
  return { $schema: DRAFT_07, ...root, ...(Object.keys(sorted).length > 0 ? { definitions: sorted } : {}) };
}

function convertNode(node: unknown, is30: boolean, reference: (name: string) => void): unknown {
  if (Array.isArray(node)) return node.map((item) => convertNode(item, is30, reference));
  if (!node || typeof node !== "object") return node;
  const source = node as Json;
  if (typeof source.$ref === "string") {
    const match = /^#\/components\/schemas\/(.+)$/.exec(source.$ref);
    if (!match) return { $ref: source.$ref };
    const name = decodePointerToken(match[1]!);
    reference(name);
    return { $ref: `#/definitions/${encodePointerToken(name)}` };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith("x-")) continue;
    if (key === "properties" || key === "patternProperties" || key === "$defs" || key === "definitions") {
      out[key] = Object.fromEntries(
        Object.entries(value as Json).map(([name, sub]) => [name, convertNode(sub, is30, reference)]),
      );
    } else if (typeof value === "object" && value !== null) {
      out[key] = convertNode(value, is30, reference);
    } else {
      out[key] = value;
    }
  }
  if (is30) applyOpenApi30Semantics(source, out);
  return out;
}

/** OpenAPI 3.0 spells a few things differently from JSON Schema; 3.1 already matches it. */
function applyOpenApi30Semantics(source: Json, out: Json): void {
  // 3.0 §4.7.24: exclusiveMinimum/Maximum are booleans modifying minimum/maximum.
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (source[flag] === true && typeof source[bound] === "number") {
      out[flag] = source[bound];
      delete out[bound];
    } else if (typeof source[flag] === "boolean") {
      delete out[flag];
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type) && !out.type.includes("null")) out.type = [...out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && (out.allOf || out.oneOf || out.anyOf || out.$ref)) {
      const inner = { ...out };
      for (const key of Object.keys(out)) delete out[key];
      out.anyOf = [inner, { type: "null" }];
    }
  }
}

function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
}

function encodePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}
