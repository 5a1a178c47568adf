import { type Diagnostic, InputError, toPointer } from "../diagnostics.js";
import type { OpenApiDocument } from "./load-spec.js";
import { NAME_EXTENSIONS } from "./naming/public-names.js";
import { type JsonObject, listOperations, resolveLocalRef as resolve } from "./spec-walk.js";

/**
 * How each parameter travels, from its `style`, `explode`, `allowReserved` and `content`
 * (OpenAPI 3.0.3 §4.7.12, 3.1 §4.8.12): the descriptor lines of every operation's parameters,
 * calling the runtime's serializers (runtime/src/query-params.ts, header-params.ts,
 * parameter-styles.ts). Each function is imported only by files that call it, so a style, or a
 * parameter location, that no operation uses costs nothing.
 */

/** Media types a `content` parameter may have: JSON, sent as its text. */
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/i;

type Location = "path" | "query" | "header" | "cookie";

/** What a parameter's schema says about the shape of its values. */
type Shape = "scalar" | "array" | "other";

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

function shapeOf(spec: OpenApiDocument, schema: unknown): Shape {
  const resolved = resolve(spec, schema) as JsonObject | undefined;
  const declared = resolved?.type;
  const types = (Array.isArray(declared) ? declared : [declared]).filter((type) => type !== "null");
  if (types.length === 1 && types[0] === "array") return "array";
  if (types.length > 0 && types.every((type) => SCALAR_TYPES.has(String(type)))) return "scalar";
  // An enum of scalars without a type is still a scalar.
  const values = resolved?.enum;
  if (types.length === 0 && Array.isArray(values) && values.every((v) => v === null || typeof v !== "object"))
    return "scalar";
  // Objects, and schemas whose shape only the value tells (no type, composition): serialized by shape at run time.
  return "other";
}

/** The TypeScript expression of one parameter for the descriptor, and which member it belongs to. */
interface WireEntry {
  readonly member: "pathParams" | "encodedPathParams" | "query" | "encodedQuery" | "headers" | "cookies" | "cookie";
  readonly name: string;
  readonly expression: string;
}

/**
 * A wire name as an object literal key. `__proto__` (quoted or not) would set the literal's
 * prototype instead of a property, and the parameter would never be sent; a computed key is a property.
 */
/** An object-literal key for `name`: computed for `__proto__`, which as a plain key sets the literal's prototype. */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
}

/** The entry for `parameter` in an operation whose id (a JSON literal) is `operationId`. */
function wireEntry(spec: OpenApiDocument, parameter: JsonObject, operationId: string): WireEntry {
  const location = parameter.in as Location;
  const name = String(parameter.name);
  // Never an inherited name (`constructor` is `constructorQuery`): see naming/public-names.ts.
  const field = `params.${String(parameter[NAME_EXTENSIONS.fieldName])}`;
  const plain = { path: "pathParams", query: "query", header: "headers", cookie: "cookies" } as const;
  const nameLiteral = JSON.stringify(name);
  if (parameter.content !== undefined) {
    // The JSON text goes where a string would, and the location's default serializer encodes it.
    const expression = `jsonParameter(${operationId}, ${nameLiteral}, ${field})`;
    return { member: plain[location], name, expression };
  }
  const style = String(parameter.style ?? (location === "query" || location === "cookie" ? "form" : "simple"));
  const explode = parameter.explode === undefined ? style === "form" : parameter.explode === true;
  const shape = shapeOf(spec, parameter.schema);
  const allowReserved = location === "query" && parameter.allowReserved === true;
  const core = { member: plain[location], name, expression: field };
  switch (location) {
    case "path":
      if (style === "simple" && shape === "scalar") return core;
      return {
        member: "encodedPathParams",
        name,
        expression: `pathStyle(${operationId}, ${nameLiteral}, ${field}, ${JSON.stringify(style)}, ${explode})`,
      };
    case "query":
      // deepObject is formQuery's own bracket form (`color%5BR%5D=100`); a scalar is `name=value` in every style.
      if (
        !allowReserved &&
        (style === "deepObject" || shape === "scalar" || (style === "form" && explode && shape === "array"))
      )
        return core;
      return {
        member: "encodedQuery",
        name,
        expression: `...queryStyle(${operationId}, ${nameLiteral}, ${field}, ${JSON.stringify(style)}, ${explode}${allowReserved ? ", true" : ""})`,
      };
    case "header":
      // Simple style: explode changes objects only.
      if (!explode || shape !== "other") return core;
      return { ...core, expression: `explodedHeader(${operationId}, ${nameLiteral}, ${field})` };
    default:
      if (shape === "scalar") return core;
      return { member: "cookie", name, expression: `[${nameLiteral}, ${field}, ${explode}]` };
  }
}

/**
 * A path key split at its query string. Flickr's spec writes operations that share one path
 * apart by a fixed query (`/rest?method=flickr.photos.search`): the path is the part before `?`,
 * and each `name=value` pair after it is sent, percent-encoded, before the operation's own query
 * parameters. A `name={name}` pair is left to the query parameter it names (Medium's
 * `/search/users?query={query}`); validation refuses any other placeholder.
 */
export function splitPathKey(route: string): { path: string; fixedQuery: string[] } {
  const at = route.indexOf("?");
  if (at === -1) return { path: route, fixedQuery: [] };
  const fixedQuery = route
    .slice(at + 1)
    .split("&")
    .filter((pair) => pair !== "" && !/[{}]/.test(pair))
    .map((pair) => {
      const equals = pair.indexOf("=");
      const [name, value] = equals === -1 ? [pair, undefined] : [pair.slice(0, equals), pair.slice(equals + 1)];
      return value === undefined ? reencode(name) : `${reencode(name)}=${reencode(value)}`;
    });
  return { path: route.slice(0, at), fixedQuery };
}

/** A pair of a path key's query string that holds a placeholder: `wire={name}`, or as written when of no such form. */
export interface QueryPlaceholder {
  readonly pair: string;
  readonly wire?: string;
  readonly name?: string;
}

/** The pairs of a path key's query string that hold a placeholder (`?filename={filename}`, `?q={query}`, `?{search}=1`). */
export function queryPlaceholders(route: string): QueryPlaceholder[] {
  const at = route.indexOf("?");
  if (at === -1) return [];
  return route
    .slice(at + 1)
    .split("&")
    .filter((pair) => /[{}]/.test(pair))
    .map((pair) => {
      const named = /^([^={}]+)=\{([^{}]+)\}$/.exec(pair);
      return named ? { pair, wire: named[1]!, name: named[2]! } : { pair };
    });
}

/**
 * Which `in: path` parameters of an operation stand in its path key's query string instead of its
 * path (ClickSend's `/email/history/export?filename={filename}`, `/search/{country}/?q={query}`):
 * parameter name → the query name it is sent under. Such a parameter is a query parameter in all
 * but its declaration. One whose placeholder is also in the path, or appears twice, or whose query
 * name an `in: query` parameter already has, is not one (validation refuses those).
 */
export function pathParametersInQuery(route: string, declared: ReadonlySet<string>): Map<string, string> {
  const at = route.indexOf("?");
  if (at === -1) return new Map();
  const pathPart = route.slice(0, at);
  const placeholders = queryPlaceholders(route);
  const uses = (name: string): number => placeholders.filter((entry) => entry.name === name).length;
  const found = new Map<string, string>();
  for (const { wire, name } of placeholders) {
    if (wire === undefined || name === undefined) continue;
    if (!declared.has(`path:${name}`) || (wire === name && declared.has(`query:${name}`))) continue;
    if (pathPart.includes(`{${name}}`) || uses(name) > 1 || declared.has(`query:${wire}`)) continue;
    found.set(name, wire);
  }
  return found;
}

/** `a%20b` and `a b` both become `a%20b`: decoded where the text decodes, then encoded once. */
function reencode(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    // A stray `%` is literal text.
  }
  return encodeURIComponent(decoded);
}

/** Operation extension: whether the raw function is `async`, so that what the descriptor's lines throw becomes a rejection. */
export const ASYNC_OPERATION = "x-sdk-async";

/**
 * The descriptor's parameter members for an operation of the prepared spec, as TypeScript lines.
 * Path parameters of the simple style are the core's own (`pathParams`, plain values); everything
 * else arrives serialized, by runtime functions the line calls: `formQuery` and `queryStyle` for
 * the query, `headerParams` (with `explodedHeader`, `jsonParameter` and `cookieHeader` values)
 * for headers and cookies, `pathStyle` for other path styles. So only operations that have such
 * parameters carry their serializers.
 */
export function parameterLines(spec: OpenApiDocument, operation: JsonObject, fixedQuery: string[] = []): string[] {
  const operationId = String(operation[NAME_EXTENSIONS.operationId]);
  const parameters = ((operation.parameters as unknown[] | undefined) ?? []).map(
    (entry) => resolve(spec, entry) as JsonObject,
  );
  const entries = parameters.map((parameter) => wireEntry(spec, parameter, operationId));
  // Once one path parameter is pre-serialized, all are (the simple style of a scalar is what the core
  // would send), so the core finds every placeholder in encodedPathParams and never falls back.
  if (entries.some((entry) => entry.member === "encodedPathParams")) {
    for (const [index, entry] of entries.entries()) {
      if (entry.member !== "pathParams") continue;
      const [field, name] = [entry.expression, JSON.stringify(entry.name)];
      const expression = `pathStyle(${operationId}, ${name}, ${field}, "simple", false)`;
      entries[index] = { ...entry, member: "encodedPathParams", expression };
    }
  }
  const of = (member: WireEntry["member"]): WireEntry[] => entries.filter((entry) => entry.member === member);
  const record = (list: WireEntry[]): string =>
    `{ ${list.map((entry) => `${objectKey(entry.name)}: ${entry.expression}`).join(", ")} }`;
  const lines: string[] = [];
  const add = (member: string, list: WireEntry[], text: (list: WireEntry[]) => string): void => {
    if (list.length > 0) lines.push(`${member}: ${text(list)},`);
  };
  add("pathParams", of("pathParams"), record);
  add("encodedPathParams", of("encodedPathParams"), record);
  const formPairs = of("query");
  const styledPairs = of("encodedQuery");
  const formCall = formPairs.length > 0 ? `formQuery(${operationId}, ${record(formPairs)})` : undefined;
  if (styledPairs.length === 0 && fixedQuery.length === 0) add("query", formPairs, () => formCall as string);
  else {
    const items = [
      ...fixedQuery.map((pair) => JSON.stringify(pair)),
      ...(formCall ? [`...${formCall}`] : []),
      ...styledPairs.map((entry) => entry.expression),
    ];
    lines.push(`query: [${items.join(", ")}],`);
  }
  // Array and object cookies become one pre-serialized `cookie` value, which headerParams puts before
  // the scalar cookies it serializes itself (RFC 6265 §5.4: one combined Cookie header).
  const headers = of("headers");
  const cookies = of("cookies");
  const styledCookies = of("cookie");
  if (headers.length + cookies.length + styledCookies.length > 0) {
    const args = [operationId, record(headers)];
    if (cookies.length > 0 || styledCookies.length > 0) args.push(cookies.length > 0 ? record(cookies) : "undefined");
    if (styledCookies.length > 0)
      args.push(`cookieHeader(${operationId}, [${styledCookies.map((entry) => entry.expression).join(", ")}])`);
    lines.push(`headers: headerParams(${args.join(", ")}),`);
  }
  return lines;
}

/**
 * The operation's base URL from its own `servers`, else its path item's: the first entry, its
 * variables filled with their defaults (the OpenAPI `default` is "the value to use for
 * substitution"); a client maps it elsewhere with `serverUrls` (runtime `operationServerUrl`). `undefined` when neither level
 * declares servers, or the URL is relative (then the client's base URL applies).
 */
export function operationServerUrl(operation: JsonObject, pathItem: JsonObject): string | undefined {
  const servers = (operation.servers ?? pathItem.servers) as JsonObject[] | undefined;
  const server = servers?.[0];
  if (!server || typeof server.url !== "string") return undefined;
  const variables = (server.variables ?? {}) as Record<string, JsonObject>;
  const url = server.url.replace(/\{([^{}]+)\}/g, (_all, name: string) => String(variables[name]?.default ?? ""));
  return /^https?:\/\//i.test(url) ? url.replace(/\/+$/, "") : undefined;
}

/**
 * Refuses parameters whose `content` is not JSON, before anything is generated: no client can
 * know how to write, say, `application/xml` text from a value. Pointers name the parameter as
 * the document declares it (its operation, its path item, or the component it refers to).
 */
export function assertParameterContent(spec: OpenApiDocument, file: string): void {
  const problems: Diagnostic[] = [];
  const check = (entry: unknown, pointer: (string | number)[]): void => {
    const ref = (entry as JsonObject | undefined)?.$ref;
    const where =
      typeof ref === "string" && ref.startsWith("#/")
        ? ref
            .slice(2)
            .split("/")
            .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
        : pointer;
    const parameter = resolve(spec, entry) as JsonObject | undefined;
    const content = parameter?.content as JsonObject | undefined;
    if (!content || typeof content !== "object") return;
    for (const media of Object.keys(content)) {
      if (JSON_MEDIA_TYPE.test(media)) continue;
      problems.push({
        severity: "error",
        file,
        pointer: toPointer([...where, "content", media]),
        message: `parameter ${JSON.stringify(parameter?.name)} has content ${JSON.stringify(media)}; only JSON media types (application/json, application/*+json) can be sent as a parameter, use \`schema\` with a style instead`,
      });
    }
  };
  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    if (!pathItem || typeof pathItem !== "object") continue;
    for (const [index, entry] of ((pathItem.parameters as unknown[] | undefined) ?? []).entries())
      check(entry, ["paths", route, "parameters", index]);
  }
  for (const { route, method, operation } of listOperations(spec)) {
    for (const [index, entry] of ((operation.parameters as unknown[] | undefined) ?? []).entries())
      check(entry, ["paths", route, method, "parameters", index]);
  }
  // A component used twice is one problem.
  const unique = [...new Map(problems.map((problem) => [problem.pointer, problem])).values()];
  if (unique.length > 0) throw new InputError(unique);
}
