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
 * A reserved word or a built-in member name gains `Operation` (`delete` → `deleteOperation`).
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
 * `/users_id`, `/users-id` and `/users/{id}` give three different names.
 */
export function derivedOperationName(method: string, route: string): string {
  const segments = route
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) =>
      segment
        .replace(/\{([^}]*)\}/g, (_all, name: string) => ` By${pascalWords(name)} `)
        .split(/[^\p{L}\p{N}_]+/u)
        .filter((word) => word !== "")
        .map(upperFirst)
        .join(""),
    );
  return method.toLowerCase() + segments.join("");
}

function guardReserved(name: string): string {
  return RESERVED_WORDS.has(name) ? `${name}Operation` : name;
}
