import { type Diagnostic, escapePointerToken } from "../../diagnostics.js";
import { camelCase, isPlainIdentifier, pascalWords, RESERVED_WORDS, words } from "./identifiers.js";

/** A user's own name for an operation's function or a component schema's model, when ours does not fit. */
export const NAME_OVERRIDE = "x-ts-name";

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The function (and method) name of an operation, from its own place only:
 * 1. its `x-ts-name`, when it is a plain identifier;
 * 2. else its `operationId` in camelCase (`get_enrolled_factors` → `getEnrolledFactors`);
 * 3. else the method and path (`GET /users/{id}/keys` → `getUsersByIdKeys`).
 * A reserved word, a built-in member name, or a name the API file already binds gains `Operation`
 * (`delete` → `deleteOperation`, `options` → `optionsOperation`).
 */
export function operationFunctionName(
  operation: Record<string, unknown>,
  method: string,
  route: string,
  problems: Diagnostic[],
  file: string,
): string {
  const pointer = `/paths/${escapePointerToken(route)}/${method}`;
  const override = operation[NAME_OVERRIDE];
  if (override !== undefined) {
    if (typeof override === "string" && API_FILE_BINDINGS.has(override)) {
      problems.push({
        severity: "error",
        file,
        pointer: `${pointer}/${NAME_OVERRIDE}`,
        message: `${NAME_OVERRIDE} ${JSON.stringify(override)} is a name the generated API file already uses (a parameter of every operation function, or a runtime import); choose another`,
      });
      return `${override}Operation`;
    }
    if (typeof override === "string" && isPlainIdentifier(override)) return override;
    problems.push({
      severity: "error",
      file,
      pointer: `${pointer}/${NAME_OVERRIDE}`,
      message: `${NAME_OVERRIDE} must be a plain identifier that is not a reserved word, got ${JSON.stringify(override)}`,
    });
  }
  const id = operation.operationId;
  if (typeof id === "string" && id.trim() !== "") {
    if (words(id).length === 0) {
      problems.push({
        severity: "error",
        file,
        pointer: `${pointer}/operationId`,
        message: `operationId ${JSON.stringify(id)} has no letters or digits to make a function name of; give the operation an ${NAME_OVERRIDE}`,
      });
      return derivedOperationName(method, route);
    }
    return guardReserved(camelCase(id));
  }
  return guardReserved(derivedOperationName(method, route));
}

/** The PascalCase base of an operation's type names (`<Base>Params`, `<Base>Error`, `<Base>200Response`). */
export function operationTypeName(functionName: string): string {
  return upperFirst(functionName);
}

/**
 * `GET /users/{id}/keys` → `getUsersByIdKeys`. Each path segment keeps its underscores, so
 * `/users_id`, `/users-id` and `/users/{id}` give three different names. A percent-encoded
 * segment is named by what it encodes (`/a%20b` → `getAB`, as `/a b` would be), not by its hex.
 */
export function derivedOperationName(method: string, route: string): string {
  const segments = route
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) =>
      percentDecoded(segment)
        .replace(/\{([^}]*)\}/g, (_all, name: string) => ` By${pascalWords(name)} `)
        .split(/[^\p{L}\p{N}_]+/u)
        .filter((word) => word !== "")
        .map(upperFirst)
        .join(""),
    );
  return method.toLowerCase() + segments.join("");
}

/** A path segment with its percent-encodings decoded; as written where they do not decode (`%zz`, lone `%C3`). */
function percentDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Values an API file binds besides its operations: the parameters of the generated functions and
 * methods (`client`, `params`, `options`), which would shadow an operation of that name where it
 * is called, and the runtime functions the file may import (the template's own and those of
 * runtime-imports.ts's optional modules; a test keeps this list in step with both).
 */
export const API_FILE_BINDINGS: ReadonlySet<string> = new Set([
  "client",
  "params",
  "options",
  "createClient",
  "dataOf",
  "request",
  "serializeBody",
  "serializeFormBody",
  "serializeMultipartBody",
  "headerParams",
  "queryStyle",
  "pathStyle",
  "explodedHeader",
  "cookieHeader",
  "jsonParameter",
  "formQuery",
  "resolveBaseUrl",
  "operationServerUrl",
]);

function guardReserved(name: string): string {
  return RESERVED_WORDS.has(name) || API_FILE_BINDINGS.has(name) ? `${name}Operation` : name;
}
