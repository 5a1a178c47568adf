import type { OpenApiDocument } from "./load-spec.js";
import { NAME_EXTENSIONS } from "./naming/public-names.js";
import { ASYNC_OPERATION, objectKey, operationServerUrl, parameterLines, splitPathKey } from "./parameter-wire.js";
import { SDK_EXTENSIONS } from "./prepare-spec.js";
import { HTTP_METHODS, type JsonObject, resolveLocalRef as resolve } from "./spec-walk.js";

/** Extension holding the operation descriptor's parameter members, as ready-made TypeScript lines. */
export const DESCRIPTOR_EXTRAS = "x-sdk-descriptor-extras";

/**
 * Extension holding the descriptor's `body` line. The template writes it only where OpenAPI
 * Generator made a `body` field (`hasBodyParam`, `hasFormParams`): a body schema it cannot
 * turn into one (an empty form) has no `params.body` to read.
 */
export const DESCRIPTOR_BODY = "x-sdk-descriptor-body";

/** Extension holding the descriptor's members after the body (`serverUrl`, `responses`), as lines. */
export const DESCRIPTOR_TAIL = "x-sdk-descriptor-tail";

/**
 * How the runtime applies each security scheme, as TypeScript source for `createClient`
 * (see runtime/src/auth-schemes.ts): `"bearer"` for HTTP bearer, OAuth 2 and OpenID Connect
 * (all send an access token), `basicScheme` for HTTP basic, `apiKeyScheme(in, name)` for an
 * API key, with the appliers to import. Schemes the runtime cannot apply (other HTTP schemes,
 * mutual TLS) are left out, so operations needing only them are sent without credentials.
 */
export function securitySchemeTable(spec: OpenApiDocument): { entries: Record<string, string>; imports: string[] } {
  const entries: Record<string, string> = {};
  const imports = new Set<string>();
  const schemes = ((spec.components as JsonObject | undefined)?.securitySchemes ?? {}) as Record<string, JsonObject>;
  for (const [name, scheme] of Object.entries(schemes).sort(([a], [b]) => a.localeCompare(b))) {
    const httpScheme = String(scheme.scheme ?? "").toLowerCase();
    if (
      scheme.type === "apiKey" &&
      typeof scheme.name === "string" &&
      /^(header|query|cookie)$/.test(String(scheme.in))
    ) {
      entries[name] = `apiKeyScheme(${JSON.stringify(scheme.in)}, ${JSON.stringify(scheme.name)})`;
      imports.add("apiKeyScheme");
    } else if (scheme.type === "http" && httpScheme === "basic") {
      entries[name] = "basicScheme";
      imports.add("basicScheme");
    } else if (
      (scheme.type === "http" && httpScheme === "bearer") ||
      scheme.type === "oauth2" ||
      scheme.type === "openIdConnect"
    )
      entries[name] = '"bearer"';
  }
  return { entries, imports: [...imports].sort() };
}

const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/i;
const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\b/i;
const MULTIPART_FORM_MEDIA_TYPE = /^multipart\/form-data\b/i;

/**
 * The descriptor's `body` line: the serializer for the operation's media type, called with the
 * arguments that differ from its defaults (optional, its own media type), or `undefined` when
 * the operation has no request body.
 */
function bodyLine(spec: OpenApiDocument, operation: JsonObject, operationId: string): string | undefined {
  const literal = String(operation[SDK_EXTENSIONS.mediaType]);
  if (literal === "undefined") return undefined;
  // `null`: a body without content, which is "any content"; sent as JSON.
  const mediaType = (JSON.parse(literal) as string | null) ?? "application/json";
  const required = operation[SDK_EXTENSIONS.bodyRequired] === "true";
  const args = [operationId, "params.body"];
  // A FormData's content-type carries its boundary, which the HTTP library writes.
  if (MULTIPART_FORM_MEDIA_TYPE.test(mediaType))
    return `body: serializeMultipartBody(${[...args, ...(required ? ["true"] : [])].join(", ")}),`;
  const form = FORM_MEDIA_TYPE.test(mediaType);
  const serializer = form ? "serializeFormBody" : "serializeBody";
  const ownDefault = form ? "application/x-www-form-urlencoded" : "application/json";
  const styled = form ? formEncodings(spec, operation, mediaType, operationId) : undefined;
  if (styled !== undefined)
    args.push(String(required), mediaType === ownDefault ? "undefined" : JSON.stringify(mediaType), styled);
  else if (mediaType !== ownDefault) args.push(String(required), JSON.stringify(mediaType));
  else if (required) args.push("true");
  return `body: ${serializer}(${args.join(", ")}),`;
}

/**
 * A form body's `encoding` entries that change how a property is written, as an object of
 * serializers (`{ tags: (value) => queryStyle(…, "form", false) }`) for `serializeFormBody`: a
 * form body is written as a query string is, so each property takes its `style`, `explode` and
 * `allowReserved` as a query parameter would. The serializer's own way already is `form`
 * exploded for arrays and `deepObject` for objects, so entries saying only that are left out.
 * `undefined` when no entry changes anything.
 */
function formEncodings(
  spec: OpenApiDocument,
  operation: JsonObject,
  mediaType: string,
  operationId: string,
): string | undefined {
  const body = resolve(spec, operation.requestBody) as JsonObject | undefined;
  const media = (body?.content as Record<string, JsonObject> | undefined)?.[mediaType];
  const encoding = media?.encoding as Record<string, JsonObject> | undefined;
  if (!encoding || typeof encoding !== "object") return undefined;
  const entries: string[] = [];
  for (const [name, entry] of Object.entries(encoding)) {
    if (!entry || typeof entry !== "object") continue;
    const style = typeof entry.style === "string" ? entry.style : "form";
    const explode = typeof entry.explode === "boolean" ? entry.explode : style === "form";
    const allowReserved = entry.allowReserved === true;
    if (!["form", "spaceDelimited", "pipeDelimited"].includes(style)) continue;
    if (entry.style === undefined && entry.explode === undefined && !allowReserved) continue;
    entries.push(
      `${objectKey(name)}: (value: unknown) => queryStyle(${operationId}, ${JSON.stringify(name)}, value, ${JSON.stringify(style)}, ${explode}${allowReserved ? ", true" : ""})`,
    );
  }
  return entries.length === 0 ? undefined : `{ ${entries.join(", ")} }`;
}

/**
 * Adds {@link DESCRIPTOR_EXTRAS} to every operation of a spec prepared by
 * `prepareSpecForTemplates`, with {@link DESCRIPTOR_BODY} and {@link DESCRIPTOR_TAIL}: every
 * descriptor member between `path` and `security`. Those are the parameters (see
 * parameter-wire.ts), the serialized body, `serverUrl` for operation- or path-level servers,
 * and `responses` when a response is not JSON (the runtime's default). Every
 * byte left out here is a byte less per operation in users' bundles. Marks the operations whose
 * lines call a function as {@link ASYNC_OPERATION}. Modifies and returns `spec`.
 */
export function annotateDescriptorExtras(spec: OpenApiDocument): OpenApiDocument {
  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    const { fixedQuery } = splitPathKey(route);
    for (const method of HTTP_METHODS) {
      const operation = (pathItem as JsonObject)[method] as JsonObject | undefined;
      if (!operation) continue;
      const operationId = String(operation[NAME_EXTENSIONS.operationId]);
      const lines = parameterLines(spec, operation, fixedQuery);
      const body = bodyLine(spec, operation, operationId);
      const tail: string[] = [];
      const serverUrl = operationServerUrl(operation, pathItem as JsonObject);
      if (serverUrl !== undefined) tail.push(`serverUrl: operationServerUrl(client, ${JSON.stringify(serverUrl)}),`);
      // These lines call runtime functions that may throw; in an async function that is a rejection, as from the core.
      // Every parameter line but plain path parameters calls a serializer; `responses` is data.
      operation[ASYNC_OPERATION] =
        body !== undefined || serverUrl !== undefined || lines.some((line) => !line.startsWith("pathParams:"));
      const responses = JSON.parse(String(operation[SDK_EXTENSIONS.responses] ?? "{}")) as Record<
        string,
        string | null
      >;
      const allJson = Object.values(responses).every((media) => media !== null && JSON_MEDIA_TYPE.test(media));
      if (!allJson) tail.push(`responses: ${operation[SDK_EXTENSIONS.responses]},`);
      const accept = acceptValue(responses);
      if (accept !== undefined) tail.push(`accept: ${JSON.stringify(accept)},`);
      if (hasBinarySuccess(spec, operation, responses)) tail.push("binaryResponse: true,");
      // Each line ends its own newline, so that no extras leave no blank line in the template.
      const text = (list: string[]): string => list.map((line) => `      ${line}\n`).join("");
      operation[DESCRIPTOR_EXTRAS] = text(lines);
      operation[DESCRIPTOR_BODY] = text(body === undefined ? [] : [body]);
      operation[DESCRIPTOR_TAIL] = text(tail);
    }
  }
  return spec;
}

/**
 * Words that cannot name a function or class method in the generated code: JavaScript's
 * reserved words (ECMA-262 §13.1.1 plus strict-mode ones) and `constructor`, which would turn
 * a method of the API class into its constructor.
 */
const RESERVED_NAMES = new Set(
  (
    "break case catch class const constructor continue debugger default delete do else enum export extends false " +
    "finally for function if implements import in instanceof interface let new null package private protected " +
    "public return static super switch this throw true try typeof var void while with yield await arguments eval"
  ).split(" "),
);

/** `get_user-by id` → `getUserById`: the camelCase form OpenAPI Generator gives an operationId. */
function camelize(operationId: string): string {
  const words = operationId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1))
    .join("");
}

/**
 * Function names for operationIds that would be a reserved word: the word followed by
 * `Operation` (`delete` → `deleteOperation`, `default` → `defaultOperation`), so each operation
 * gets a deterministic, documented name instead of the generator's `_delete`. Passed to OpenAPI
 * Generator as `operationIdNameMappings`.
 */
export function reservedOperationNames(spec: OpenApiDocument): Record<string, string> {
  const names: Record<string, string> = {};
  for (const pathItem of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operationId = ((pathItem as JsonObject)[method] as JsonObject | undefined)?.operationId;
      if (typeof operationId !== "string") continue;
      const name = camelize(operationId);
      if (RESERVED_NAMES.has(name)) names[operationId] = `${name}Operation`;
    }
  }
  return names;
}

/**
 * The `accept` header of an operation whose responses are not all `application/json` (parameters
 * aside): the media types the client reads, each once, in the order the spec lists the responses. A server that
 * negotiates content would otherwise answer a download or a `text/plain` endpoint with 406, or
 * pick JSON over the vendor type the spec documents. Media types that could not stand in a
 * header value (control characters) are left out rather than failing every call.
 */
function acceptValue(responses: Record<string, string | null>): string | undefined {
  const types = [...new Set(Object.values(responses))].filter(
    (media): media is string => media !== null && /^[\x20-\x7e]+$/.test(media),
  );
  // `application/json; charset=utf-8` asks for nothing the default does not.
  const plainJson = types.every((media) => /^application\/json\s*(;|$)/i.test(media));
  return plainJson ? undefined : types.join(", ");
}

/**
 * Whether a success response's body, in the media type the client reads, is binary (`type:
 * string, format: binary`): the clients type it as a `Blob`, so the transport must keep its
 * bytes rather than decode them as text.
 */
function hasBinarySuccess(
  spec: OpenApiDocument,
  operation: JsonObject,
  mediaTypes: Record<string, string | null>,
): boolean {
  return Object.entries((operation.responses as JsonObject | undefined) ?? {}).some(([status, value]) => {
    const media = mediaTypes[status];
    if (!/^2/.test(status) || !media) return false;
    const content = (resolve(spec, value) as JsonObject | undefined)?.content as Record<string, JsonObject> | undefined;
    const schema = resolve(spec, content?.[media]?.schema) as JsonObject | undefined;
    return schema?.type === "string" && schema.format === "binary";
  });
}
