import type { OpenApiDocument } from "./load-spec.js";
import { ASYNC_OPERATION, operationServerUrl, STYLED_PARAMETERS, styledParameterLines } from "./parameter-wire.js";
import { SDK_EXTENSIONS } from "./prepare-spec.js";
import { HTTP_METHODS, type JsonObject } from "./spec-walk.js";

/** Extension holding the operation descriptor's optional members, as ready-made TypeScript lines. */
export const DESCRIPTOR_EXTRAS = "x-sdk-descriptor-extras";

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

/** The runtime's defaults: a member that has its default is left out of the generated descriptor. */
const DEFAULT_MEDIA_TYPE = '"application/json"';
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/i;

/**
 * Adds {@link DESCRIPTOR_EXTRAS} to every operation of a spec prepared by
 * `prepareSpecForTemplates`: `mediaType`, `bodyRequired` and `responses`, each only when it
 * differs from the runtime's default (JSON body, optional, every response JSON); the parameter
 * members of operations with non-default parameter styles (see parameter-wire.ts), flagged with
 * {@link STYLED_PARAMETERS}; and `serverUrl` for operation- or path-level servers. Every byte left
 * out here is a byte less per operation in users' bundles. Modifies and returns `spec`.
 */
export function annotateDescriptorExtras(spec: OpenApiDocument): OpenApiDocument {
  for (const pathItem of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (pathItem as JsonObject)[method] as JsonObject | undefined;
      if (!operation) continue;
      const styled = styledParameterLines(spec, operation);
      operation[STYLED_PARAMETERS] = styled !== undefined;
      const lines = [...(styled ?? [])];
      const serverUrl = operationServerUrl(operation, pathItem as JsonObject);
      if (serverUrl !== undefined) lines.push(`serverUrl: operationServerUrl(client, ${JSON.stringify(serverUrl)}),`);
      // These lines call runtime functions that may throw; in an async function that is a rejection, as from the core.
      operation[ASYNC_OPERATION] = styled !== undefined || serverUrl !== undefined;
      const mediaType = operation[SDK_EXTENSIONS.mediaType];
      if (mediaType !== "undefined" && mediaType !== DEFAULT_MEDIA_TYPE) lines.push(`mediaType: ${mediaType},`);
      if (operation[SDK_EXTENSIONS.bodyRequired] === "true") lines.push("bodyRequired: true,");
      const responses = JSON.parse(String(operation[SDK_EXTENSIONS.responses] ?? "{}")) as Record<
        string,
        string | null
      >;
      const allJson = Object.values(responses).every((media) => media !== null && JSON_MEDIA_TYPE.test(media));
      if (!allJson) lines.push(`responses: ${operation[SDK_EXTENSIONS.responses]},`);
      // Each line ends its own newline, so that no extras leave no blank line in the template.
      operation[DESCRIPTOR_EXTRAS] = lines.map((line) => `      ${line}\n`).join("");
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
