import { type Diagnostic, escapePointerToken, InputError } from "../../diagnostics.js";
import type { OpenApiDocument } from "../load-spec.js";
import { HTTP_METHODS, type JsonObject, resolveLocalRef } from "../spec-walk.js";
import { inlineRefsIntoParameters, promoteDeepRefTargets, redirectDeepRefs } from "./deep-refs.js";
import { camelCase, isPlainIdentifier, modelTypeName, pascalCase, pascalWords, words } from "./identifiers.js";
import { hoistInlineSchemas } from "./inline-schemas.js";
import { modelFileNames, sharedFileNames } from "./model-file-names.js";
import { NAME_OVERRIDE, operationFunctionName, operationTypeName } from "./operation-names.js";

/** Names our templates read instead of OpenAPI Generator's own derivations. */
export const NAME_EXTENSIONS = {
  /** The operation's function and method name. */
  functionName: "x-sdk-function-name",
  /**
   * The raw twin (resolving to status, headers and body): `<name>Raw`, or `<name>WithResponse`
   * when another operation's own function is named `<name>Raw`.
   */
  rawFunctionName: "x-sdk-raw-function-name",
  /** The PascalCase base of the operation's type names. */
  typeName: "x-sdk-type-name",
  /** The operationId the spec gives, or the function name when it gives none (JSON literal). */
  operationId: "x-sdk-operation-id",
  /**
   * The operation's error type: `<Base>Error`, or `<Base>ApiError` when a component schema is
   * already a model of that name (AWS specs name batch result items `<Operation>Error`).
   */
  errorTypeName: "x-sdk-error-type-name",
  /** A parameter's property name in the operation's `Params` interface. */
  fieldName: "x-sdk-field-name",
} as const;

/**
 * Every name the generated packages export, decided here from each thing's own place in the spec,
 * so an edit in one place never renames another. Mutates `spec` (a copy) so OpenAPI Generator
 * sees the decided names: operationIds become the function names, each operation keeps only its
 * first tag, parameters are copied into each operation, and inline models are lifted into
 * `components.schemas`. Returns the model-name mapping for every component schema.
 *
 * @param reservedNames names the package already exports (runtime) or relies on (globals); a
 *   model with such a name becomes `Model<Name>`, anything else with one is refused.
 * @throws InputError naming every place that shares a name with another.
 */
export function assignPublicNames(
  spec: OpenApiDocument,
  file: string,
  reservedNames: ReadonlySet<string>,
): { modelNames: Record<string, string> } {
  const problems: Diagnostic[] = [];
  const claims: Claim[] = [];
  const typeNames = new Map<string, string>();
  inlineRefsIntoParameters(spec);

  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    if (!pathItem || typeof pathItem !== "object") continue;
    const shared = (pathItem.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation || typeof operation !== "object") continue;
      const pointer = `/paths/${escapePointerToken(route)}/${method}`;
      const functionName = operationFunctionName(operation, method, route, problems, file);
      const typeName = operationTypeName(functionName);
      typeNames.set(`${method} ${route}`, typeName);
      operation[NAME_EXTENSIONS.operationId] = JSON.stringify(
        typeof operation.operationId === "string" && operation.operationId !== ""
          ? operation.operationId
          : functionName,
      );
      operation[NAME_EXTENSIONS.functionName] = functionName;
      operation[NAME_EXTENSIONS.typeName] = typeName;
      operation.operationId = functionName;
      claims.push(
        { name: functionName, role: "function", pointer },
        { name: `${typeName}Params`, role: "parameters type", pointer },
      );
      // One operation, one class: an operation listed under two tags would be declared twice.
      const tags = Array.isArray(operation.tags) ? operation.tags.filter((t) => typeof t === "string") : [];
      operation.tags = [tags[0] ?? "default"];
      operation.parameters = ownParameters(spec, shared, operation);
      nameParameterFields(operation.parameters as JsonObject[], pointer, file, problems);
    }
    delete pathItem.parameters;
  }
  // Every reference was copied into its operation above.
  if (spec.components) delete (spec.components as JsonObject).parameters;

  // An operation's own name wins over another's raw twin (GitHub: `markdownRender` next to
  // `markdownRenderRaw`); that twin becomes `<name>WithResponse`.
  const functionNames = new Set<string>();
  for (const { operation } of operationsOf(spec)) functionNames.add(operation[NAME_EXTENSIONS.functionName] as string);
  for (const { operation, pointer } of operationsOf(spec)) {
    const functionName = operation[NAME_EXTENSIONS.functionName] as string;
    const twin = functionNames.has(`${functionName}Raw`) ? `${functionName}WithResponse` : `${functionName}Raw`;
    operation[NAME_EXTENSIONS.rawFunctionName] = twin;
    claims.push({ name: twin, role: "function (raw twin)", pointer });
  }

  // Tags that meet in PascalCase (`Tournaments`, `tournaments`) name one group: one class.
  const classes = new Set<string>();
  for (const { operation, pointer } of operationsOf(spec)) {
    const tag = (operation.tags as string[])[0]!;
    const className = `${pascalCase(tag) || "Default"}Api`;
    if (classes.has(className)) continue;
    classes.add(className);
    claims.push({ name: className, role: `class for tag ${JSON.stringify(tag)}`, pointer: `${pointer}/tags/0` });
  }
  for (const { operation } of operationsOf(spec)) {
    const tag = (operation.tags as string[])[0]!;
    operation.tags = [pascalCase(tag) || "Default"];
  }

  const schemas = ((spec.components as JsonObject | undefined)?.schemas as JsonObject | undefined) ?? {};
  // Keys written exactly as their model name (`Address`) keep it; another key that would take
  // that name (`address`, `ADDRESS`) gets `Schema` appended (`AddressSchema`), so neither is
  // renamed by the other's place in the document.
  const writtenAsModelName = new Set(Object.keys(schemas).filter((key) => modelTypeName(key) === key));
  const modelNameOf = (key: string, schema: unknown): string => {
    const override = (schema as JsonObject | undefined)?.[NAME_OVERRIDE];
    if (typeof override === "string" && isPlainIdentifier(override)) return override;
    const derived = modelTypeName(key) || "Model";
    const name = derived !== key && writtenAsModelName.has(derived) ? `${derived}Schema` : derived;
    return reservedNames.has(name) ? `Model${name}` : name;
  };
  const componentNames = Object.fromEntries(Object.entries(schemas).map(([key, s]) => [key, modelNameOf(key, s)]));
  const componentModels = new Set(Object.values(componentNames));
  for (const { operation, pointer } of operationsOf(spec)) {
    const typeName = operation[NAME_EXTENSIONS.typeName] as string;
    const errorType = componentModels.has(`${typeName}Error`) ? `${typeName}ApiError` : `${typeName}Error`;
    operation[NAME_EXTENSIONS.errorTypeName] = errorType;
    claims.push({ name: errorType, role: "error type", pointer });
  }
  const componentName = (key: string): string => componentNames[key] ?? modelNameOf(key, undefined);
  const promoted = promoteDeepRefTargets(spec, componentName);
  const hoisted = [
    ...promoted,
    ...hoistInlineSchemas(spec, {
      operation: (route, method) => typeNames.get(`${method} ${route}`)!,
      component: componentName,
    }),
  ];
  redirectDeepRefs(spec);
  const modelNames: Record<string, string> = {};
  for (const [key, schema] of Object.entries(schemas)) {
    const override = (schema as JsonObject | undefined)?.[NAME_OVERRIDE];
    if (override !== undefined && !(typeof override === "string" && isPlainIdentifier(override)))
      problems.push({
        severity: "error",
        file,
        pointer: `/components/schemas/${escapePointerToken(key)}/${NAME_OVERRIDE}`,
        message: `${NAME_OVERRIDE} must be a plain identifier that is not a reserved word, got ${JSON.stringify(override)}`,
      });
    if (words(key).length === 0)
      problems.push({
        severity: "error",
        file,
        pointer: `/components/schemas/${escapePointerToken(key)}`,
        message: `schema name ${JSON.stringify(key)} has no letters or digits to make a type name of; give it an ${NAME_OVERRIDE}`,
      });
    modelNames[key] = componentNames[key] ?? modelNameOf(key, schema);
  }
  const hoistedKeys = new Set(hoisted.map((h) => h.name));
  for (const [key, name] of Object.entries(modelNames)) {
    if (!hoistedKeys.has(key) || componentNames[key] !== undefined)
      claims.push({ name, role: "model", pointer: `/components/schemas/${escapePointerToken(key)}`, file: true });
  }
  for (const { name, pointer } of hoisted) {
    modelNames[name] = name;
    claims.push({ name, role: "model (inline schema)", pointer, file: true });
  }
  for (const claim of claims) {
    if (reservedNames.has(claim.name) && !claim.role.startsWith("model"))
      problems.push({
        severity: "error",
        file,
        pointer: claim.pointer,
        message: `the ${claim.role} name ${claim.name} is already exported by the client runtime or is a JavaScript global; rename it or give it an ${NAME_OVERRIDE}`,
      });
  }
  problems.push(...collisionsAmong(claims, file));
  if (problems.length > 0) throw new InputError(problems);
  return {
    modelNames: Object.fromEntries(Object.entries(modelNames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

/**
 * One exported name and the place it comes from. `file` names become file names too (models);
 * functions are declared inside their tag's file, so only their exact spelling can clash.
 */
interface Claim {
  name: string;
  role: string;
  pointer: string;
  file?: boolean;
}

/**
 * Names given to more than one place, and model names whose files would be one (see
 * {@link modelFileNames}; on a case-insensitive file system they would overwrite each other).
 * Every place is reported, in pointer order.
 */
export function collisionsAmong(claims: readonly Claim[], file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (group: Claim[], how: string): void => {
    const sorted = [...group].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
    for (const claim of sorted) {
      const others = sorted
        .filter((other) => other !== claim)
        .map((other) => `the ${other.role} ${other.name} at #${other.pointer}`)
        .join(", ");
      problems.push({
        severity: "error",
        file,
        pointer: claim.pointer,
        message: `the ${claim.role} name ${claim.name} ${how} ${others}; rename one in the spec or give it an ${NAME_OVERRIDE} (in the spec, or under \`names\` in a --config file)`,
      });
    }
  };
  const exact = groupBy(claims, (claim) => claim.name);
  for (const group of exact.values()) if (group.length > 1) report(group, "is also given to");
  const fileClaims = claims.filter((claim) => claim.file);
  const files = modelFileNames(fileClaims.map((claim) => claim.name));
  for (const names of sharedFileNames(files)) {
    const group = fileClaims.filter((claim) => names.includes(claim.name));
    report(group, `would share the file models/${files.get(names[0] as string)}.gen.ts with`);
  }
  return problems;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function* operationsOf(spec: OpenApiDocument): Generator<{ operation: JsonObject; pointer: string }> {
  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    if (!pathItem || typeof pathItem !== "object") continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (operation && typeof operation === "object")
        yield { operation, pointer: `/paths/${escapePointerToken(route)}/${method}` };
    }
  }
}

/**
 * The operation's parameters with the path item's shared ones merged in (the operation's win for
 * the same name and location, OpenAPI 3.x §4.8.10), each a copy of its own, so names and notes
 * given for one operation never leak into another that shares the parameter. Header names are
 * compared without case, as HTTP compares field names (RFC 9110 §5.1): AWS's specs declare
 * `X-Amz-Content-Sha256` for a path and `x-amz-content-sha256` for its operation, one header.
 */
function ownParameters(spec: OpenApiDocument, shared: unknown[], operation: JsonObject): JsonObject[] {
  const own = ((operation.parameters as unknown[] | undefined) ?? []).map(
    (p) => structuredClone(resolveLocalRef(spec, p)) as JsonObject,
  );
  const key = (p: JsonObject): string =>
    `${String(p.in)} ${p.in === "header" ? String(p.name).toLowerCase() : String(p.name)}`;
  const ownKeys = new Set(own.map(key));
  const inherited = shared
    .map((p) => structuredClone(resolveLocalRef(spec, p)) as JsonObject)
    .filter((p) => !ownKeys.has(key(p)));
  return [...inherited, ...own].filter((p) => !isContentTypeHeader(p));
}

/**
 * A `Content-Type` header parameter, which OpenAPI says to ignore (Parameter Object, `name`): the
 * runtime sets `content-type` from the body it serialized, so such a parameter could never be sent.
 * `Accept` and `Authorization` parameters, which OpenAPI also says to ignore, are kept: a caller's
 * `accept` replaces the operation's (GitHub's media-type versions), and a spec without security
 * schemes has no other way to ask for credentials.
 */
function isContentTypeHeader(parameter: JsonObject): boolean {
  return parameter.in === "header" && typeof parameter.name === "string" && /^content-type$/i.test(parameter.name);
}

/**
 * Names every object has (`Object.prototype`'s members). A parameters type with a property of
 * such a name would accept no object literal that leaves it out (`{}` has `constructor: Function`),
 * and `params.constructor` would read `Object`.
 */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Symbols that tell parameter names apart, as words (comparison operators first, as query filters use them). */
const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  "<=": "Lte",
  ">=": "Gte",
  "!=": "Ne",
  "<": "Lt",
  ">": "Gt",
  "=": "Eq",
  "!": "Not",
  "~": "Tilde",
  "*": "Star",
  "+": "Plus",
  "#": "Hash",
  "@": "At",
  "%": "Percent",
  "&": "And",
  "|": "Or",
  "^": "Caret",
  "?": "Question",
};

/** `name` with each symbol of SYMBOL_WORDS written as a word of its own (`a<` → `a Lt`). */
function spellSymbols(name: string): string {
  return name.replace(/<=|>=|!=|[<>=!~*+#@%&|^?]/g, (symbol) => ` ${SYMBOL_WORDS[symbol]} `);
}

/**
 * A parameter's property name is its name in camelCase. `body` belongs to the request body, a
 * name every object inherits (`constructor`, `toString`) is taken, and
 * two parameters whose names meet in camelCase are told apart by their location, so a parameter
 * named so gets the location as a suffix (`bodyQuery`, `constructorQuery`, `userIdPath`). Two in the same location
 * (AWS specs send both `maxResults` and `MaxResults` in the query) keep their names as written
 * when those are identifiers. Two that still meet because they differ in symbols only get the
 * symbols spelled out (`ValidUntilDate<` → `validUntilDateLtQuery`); two that meet even then are refused.
 */
function nameParameterFields(parameters: JsonObject[], pointer: string, file: string, problems: Diagnostic[]): void {
  const base = parameters.map((p) => camelCase(String(p.name ?? "")) || "_");
  const counts = new Map<string, number>();
  for (const name of base) counts.set(name, (counts.get(name) ?? 0) + 1);
  const located = parameters.map((p, index) => {
    const name = base[index]!;
    return name === "body" || INHERITED_NAMES.has(name) || (counts.get(name) ?? 0) > 1
      ? `${name}${pascalWords(String(p.in ?? ""))}`
      : name;
  });
  const written = located.map((field, index) => {
    const raw = String(parameters[index]!.name ?? "");
    const sameLocation = located.some((other, i) => i !== index && other === field);
    return sameLocation && field !== base[index] && isPlainIdentifier(raw) ? raw : field;
  });
  // Names that still meet may differ in symbols only (Twilio's `ValidUntilDate<` and
  // `ValidUntilDate>`): each symbol is spelled out (`validUntilDateLt`, `validUntilDateGt`).
  const fields = written.map((field, index) => {
    if (!written.some((other, i) => i !== index && other === field)) return field;
    const spelled = camelCase(spellSymbols(String(parameters[index]!.name ?? "")));
    const suffixed = field.endsWith(pascalWords(String(parameters[index]!.in ?? "")))
      ? `${spelled}${pascalWords(String(parameters[index]!.in ?? ""))}`
      : spelled;
    const taken = written.some((other, i) => i !== index && other === suffixed);
    return spelled !== "" && !taken ? suffixed : field;
  });
  for (const [index, parameter] of parameters.entries()) {
    parameter[NAME_EXTENSIONS.fieldName] = fields[index];
    const clash = fields.findIndex((field, other) => other !== index && field === fields[index]);
    if (clash !== -1 && clash > index) {
      const other = parameters[clash]!;
      const oneHeader =
        parameter.in === "header" &&
        other.in === "header" &&
        String(parameter.name).toLowerCase() === String(other.name).toLowerCase();
      problems.push({
        severity: "error",
        file,
        pointer,
        message: oneHeader
          ? `parameters ${JSON.stringify(parameter.name)} and ${JSON.stringify(other.name)} are one HTTP header (field names are case-insensitive, RFC 9110 §5.1); remove one`
          : `parameters ${JSON.stringify(parameter.name)} and ${JSON.stringify(other.name)} (both in ${String(parameter.in)}) both become the property ${fields[index]}; rename one`,
      });
    }
  }
}
