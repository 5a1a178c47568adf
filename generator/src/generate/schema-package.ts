import openapiTS, { astToString } from "openapi-typescript";
import { InputError, toPointer } from "../diagnostics.js";
import { isDeepRef, localRefTokens, resolvePointer, resolveRef } from "../refs.js";
import type { FileTree } from "./file-tree.js";
import { toStandaloneJsonSchema } from "./json-schema.js";
import type { OpenApiDocument } from "./load-spec.js";
import { shieldKeys, unshieldText } from "./prototype-keys.js";
import { listOperations, resolveLocalRef as resolve } from "./spec-walk.js";

type Json = Record<string, unknown>;

/** Per operation: the JSON Schema of its request body and of each response status (null = no body). */
export interface OperationSchemas {
  requestBody: Json | null;
  responses: Record<string, Json | null>;
}

/** Builds the schema package's `src/` tree: openapi-typescript types, the spec, and JSON Schemas. */
export async function collectSchemaTree(spec: OpenApiDocument, header: string): Promise<FileTree> {
  const tree: FileTree = new Map();
  // openapi-typescript walks the document with Redocly, which trips over keys such as `hasOwnProperty`.
  const input = structuredClone(spec);
  inlineDeepRefs(input, input);
  const ast = await openapiTS(shieldKeys(mappingsAsRefs(input)) as never, {
    silent: true,
    alphabetize: false,
    // A default is what the server assumes when a field is absent; the field stays optional.
    defaultNonNullable: false,
  });
  tree.set("types.gen.ts", header + unshieldText(astToString(ast)));
  tree.set(
    "spec.gen.ts",
    `${header}/** The OpenAPI document the packages were generated from, as parsed JSON. */
export const spec: OpenApiDocument = ${objectLiteral(spec)};

/** The top level of an OpenAPI document; walk deeper with the types in types.gen.ts or your own. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly [key: string]: unknown };
  readonly paths?: { readonly [path: string]: unknown };
  readonly [key: string]: unknown;
}
`,
  );
  // Typed by its keys, not inferred from the literal: a large API's schemas make a literal type
  // that tsc cannot serialise into declarations (TS7056) and that no caller could use anyway.
  // The keys are their own union alias, so a new operation widens `OperationId` (minor) and the
  // constant's declaration stays the same.
  const operationSchemas = buildOperationSchemas(spec);
  tree.set(
    "operation-schemas.gen.ts",
    `${header}/** JSON Schema (draft-07) of a request or response body; self-contained, with \`definitions\`. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Per operation: its request body's schema and each response status's body schema (null: no body). */
export interface OperationSchemas {
  readonly requestBody: JsonSchema | null;
  readonly responses: { readonly [status: string]: JsonSchema | null };
}

/** Every operationId of the spec. */
export type OperationId = ${operationIdUnion(operationSchemas)};

/** JSON Schemas by operationId, ready for a JSON Schema validator such as ajv. */
export const operationSchemas: Readonly<Record<OperationId, OperationSchemas>> = ${objectLiteral(operationSchemas)};
`,
  );
  tree.set(
    "index.gen.ts",
    `${header}export type * from "./types.gen.js";\nexport { type OpenApiDocument, spec } from "./spec.gen.js";\nexport { operationSchemas, type JsonSchema, type OperationId, type OperationSchemas } from "./operation-schemas.gen.js";\n`,
  );
  return tree;
}

/**
 * JSON as a TypeScript object literal. A `"__proto__":` key in a literal sets the prototype
 * instead of making a property (ECMA-262 §13.2.5.5), so that key is written as a computed one.
 * In JSON text a key is preceded by `{`, `,` or whitespace; inside a string a quote is escaped.
 */
export function objectLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/(?<=[\s{,])"__proto__":/g, '["__proto__"]:');
}

/** The operationIds as a union of string literal types (`never` for an API without operations). */
function operationIdUnion(schemas: Record<string, unknown>): string {
  const ids = Object.keys(schemas).map((id) => JSON.stringify(id));
  return ids.length > 0 ? ids.join(" | ") : "never";
}

/** Operation schemas keyed by operationId, in path order then method order. */
export function buildOperationSchemas(spec: OpenApiDocument): Record<string, OperationSchemas> {
  const components = (spec.components?.schemas ?? {}) as Record<string, unknown>;
  const result: Record<string, OperationSchemas> = {};
  for (const { route, method, operation } of listOperations(spec)) {
    {
      const operationId = (operation.operationId as string | undefined) ?? `${method} ${route}`;
      const body = resolve(spec, operation.requestBody) as Json | undefined;
      const responses: Record<string, Json | null> = {};
      for (const [status, value] of Object.entries((operation.responses ?? {}) as Json)) {
        if (status.startsWith("x-")) continue;
        responses[status] = bodySchema(spec, resolve(spec, value) as Json | undefined, components);
      }
      result[operationId] = { requestBody: bodySchema(spec, body, components), responses };
    }
  }
  return result;
}

function bodySchema(spec: OpenApiDocument, holder: Json | undefined, components: Record<string, unknown>): Json | null {
  const content = (holder?.content ?? {}) as Record<string, Json>;
  const mediaType = Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content)[0];
  const schema = mediaType ? content[mediaType]?.schema : undefined;
  if (schema === undefined) return null;
  return toStandaloneJsonSchema(schema, components, spec.openapi);
}

/**
 * A discriminator mapping value may be a schema name or a reference (OpenAPI 3.0.3 §4.7.25.1);
 * openapi-typescript follows only references, so names become `#/components/schemas/<name>`.
 */
export function mappingsAsRefs<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) mappingsAsRefs(item);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === "discriminator" && value && typeof value === "object") {
        const mapping = (value as Json).mapping as Record<string, unknown> | undefined;
        for (const [tag, target] of Object.entries(mapping ?? {})) {
          if (typeof target === "string" && !target.includes("/") && !target.startsWith("#"))
            mapping![tag] = `#/components/schemas/${target}`;
        }
      } else mappingsAsRefs(value);
    }
  }
  return node;
}

/**
 * A `$ref` that points inside something rather than at a component (`#/paths/…` for another
 * operation's body, `#/components/schemas/A/properties/id`, `…/definitions/b`) is replaced by
 * a copy of its target. openapi-typescript writes such a reference as an index path into the
 * types (`components["schemas"]["A"]["properties"]["id"]`) that the types do not have (TS2339),
 * or that does not compile when a requestBody on the way is optional. A target that refers back
 * to itself cannot be copied out, and one that holds deep references of its own is not (the
 * copies would nest): each becomes a schema of its own, keyed by its pointer (`A/definitions/b`).
 */
export function inlineDeepRefs(node: unknown, document: unknown, chain: readonly string[] = []): void {
  if (!node || typeof node !== "object") return;
  const entries = Array.isArray(node) ? node.entries() : Object.entries(node as Json);
  for (const [key, value] of entries) {
    const ref = value && typeof value === "object" ? (value as Json).$ref : undefined;
    if (typeof ref === "string" && isDeepRef(ref)) {
      const target = resolveRef(document, value);
      if (target !== undefined && target !== value) {
        // A target that holds deep references of its own is lifted too: copying it would copy
        // their targets into it, and theirs into those, which grows exponentially with the depth
        // of such chains (an Azure spec of 155 KB filled a 4 GB heap).
        (node as Record<string | number, unknown>)[key] =
          chain.includes(ref) || holdsDeepRef(target)
            ? { $ref: liftRecursiveTarget(document, ref, localRefTokens(ref)!, target) }
            : copyWithDeepRefsInlined(target, document, [...chain, ref]);
        continue;
      }
    }
    inlineDeepRefs(value, document, chain);
  }
}

const deepRefHolders = new WeakMap<object, boolean>();

/** Whether a `$ref` inside `node` (at any depth) points inside something. */
function holdsDeepRef(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  const known = deepRefHolders.get(node);
  if (known !== undefined) return known;
  deepRefHolders.set(node, false); // a cycle through plain objects adds nothing
  const ref = (node as Json).$ref;
  const found =
    (typeof ref === "string" && isDeepRef(ref)) ||
    (Array.isArray(node) ? node : Object.values(node as Json)).some((value) => holdsDeepRef(value));
  deepRefHolders.set(node, found);
  return found;
}

function copyWithDeepRefsInlined(target: unknown, document: unknown, chain: readonly string[]): unknown {
  const holder = { copy: structuredClone(target) };
  inlineDeepRefs(holder, document, chain);
  return holder.copy;
}

/** Puts a recursive deep-ref target into `components.schemas` under its pointer; returns the new `$ref`. */
function liftRecursiveTarget(document: unknown, deepRef: string, tokens: readonly string[], target: unknown): string {
  const root = document as Json;
  root.components ??= {};
  const components = root.components as Json;
  components.schemas ??= {};
  const schemas = components.schemas as Json;
  const key = (tokens[0] === "components" && tokens[1] === "schemas" ? tokens.slice(2) : tokens).join("/");
  if (!Object.hasOwn(schemas, key)) {
    schemas[key] = {}; // claimed first: the copy below meets this very reference again
    schemas[key] = copyWithDeepRefsInlined(target, document, [deepRef]);
  }
  return `#${toPointer(["components", "schemas", key])}`;
}

/**
 * openapi-typescript's own failure (a plain error, its message naming a pointer, sometimes one
 * it made up on the way such as `…/oneOf/0` for an enum) as an InputError at the deepest place
 * of that pointer the spec really has, without openapi-typescript's stack.
 */
export function schemaToolFailure(error: unknown, document: unknown, file: string): InputError {
  const text = unshieldText(error instanceof Error ? error.message : String(error));
  const [, ref] = /\bat (#\/\S*)/.exec(text) ?? [];
  let tokens = ref !== undefined ? (localRefTokens(ref) ?? []) : [];
  while (tokens.length > 0 && resolvePointer(document, `#${toPointer(tokens)}`) === undefined)
    tokens = tokens.slice(0, -1);
  const why = (text.split("\n")[0] ?? "").replace(/\s*\bat #\/\S*/, "").trim();
  return new InputError([
    {
      severity: "error",
      file,
      ...(ref !== undefined && { pointer: toPointer(tokens) }),
      message: `the schema package's types cannot be made from this schema (openapi-typescript: ${JSON.stringify(why)})`,
    },
  ]);
}
