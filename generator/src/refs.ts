/**
 * The one `$ref` resolver of the project: the generator and the fake server both follow
 * same-document references (`#/components/...`) through it. External references are
 * inlined before anything reads the document (generate/bundle-refs.ts), so only local
 * ones are followed here.
 */

type JsonObject = Record<string, unknown>;

/** How a reference that leads nowhere is treated. */
export interface RefOptions {
  /**
   * `true`: a dangling, external or looping reference throws RefError (the fake server, which
   * must not guess). `false` (default): the unresolvable value is returned as it is, for
   * walkers that run on a document already checked with findRefProblems.
   */
  strict?: boolean;
}

/** A `$ref` that cannot be followed; `ref` is the reference as written. */
export class RefError extends Error {
  readonly ref: string;

  constructor(ref: string, why: string) {
    super(`$ref ${JSON.stringify(ref)} ${why}`);
    this.name = "RefError";
    this.ref = ref;
  }
}

/** A reference problem found by findRefProblems, at the JSON pointer of the `$ref` holder. */
export interface RefProblem {
  pointer: string;
  ref: string;
  message: string;
}

/** A chain of more `$ref` hops than this is a loop (`A → B → A`), not a deep model. */
const MAX_HOPS = 64;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Tokens of a same-document reference (`#/a/b~1c` → `["a", "b/c"]`), or undefined for an
 * external one. The fragment is URI-encoded first (RFC 3986), then a JSON pointer (RFC 6901 §6).
 */
export function localRefTokens(ref: string): string[] | undefined {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((token) => safeDecode(token).replaceAll("~1", "/").replaceAll("~0", "~"));
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * Whether a reference points inside something (`#/components/schemas/A/properties/id`,
 * `#/paths/…`) rather than at a component (`#/components/<section>/<key>`).
 */
export function isDeepRef(ref: string): boolean {
  const tokens = localRefTokens(ref);
  return tokens !== undefined && tokens.length > 0 && !(tokens.length === 3 && tokens[0] === "components");
}

/**
 * The value a reference points at. Only own properties count, so `#/components/schemas/constructor`
 * never lands on `Object.prototype.constructor`.
 */
export function resolvePointer(document: unknown, ref: string, options: RefOptions = {}): unknown {
  const tokens = localRefTokens(ref);
  if (tokens === undefined) {
    if (options.strict) throw new RefError(ref, "points outside the document; only #/… references are followed");
    return undefined;
  }
  let target: unknown = document;
  for (const token of tokens) {
    if (!hasMember(target, token)) {
      if (options.strict) throw new RefError(ref, "does not resolve");
      return undefined;
    }
    target = (target as JsonObject)[token];
  }
  return target;
}

/** Whether `token` names an own member of `container` (an array index or an object key). */
function hasMember(container: unknown, token: string): boolean {
  return Array.isArray(container)
    ? /^\d+$/.test(token) && Number(token) < container.length
    : isObject(container) && Object.hasOwn(container, token);
}

/**
 * Where a reference's target is when the places on its way may themselves be `{ $ref }` objects
 * (a schema lifted out of its place leaves one behind): each such object on the way is followed
 * before the next token is read. Returns the value and the tokens of its real place, or
 * undefined when the way leads nowhere or loops.
 */
export function locateThroughRefs(document: unknown, ref: string): { value: unknown; tokens: string[] } | undefined {
  const wanted = localRefTokens(ref);
  if (wanted === undefined) return undefined;
  let value: unknown = document;
  let tokens: string[] = [];
  let hops = 0;
  for (const token of wanted) {
    while (isObject(value) && typeof value.$ref === "string" && token !== "$ref") {
      const next = localRefTokens(value.$ref);
      if (next === undefined || ++hops > MAX_HOPS) return undefined;
      tokens = next;
      value = resolvePointer(document, value.$ref);
    }
    if (!hasMember(value, token)) return undefined;
    value = (value as JsonObject)[token];
    tokens = [...tokens, token];
  }
  return { value, tokens };
}

/**
 * Follows `{ $ref }` objects until a value without `$ref` is reached. Lenient mode returns the
 * last value reached (possibly `undefined`); strict mode throws on a dangling ref or a loop.
 */
export function resolveRef(document: unknown, value: unknown, options: RefOptions = {}): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops >= MAX_HOPS) {
      if (options.strict) throw new RefError(current.$ref, "is part of a loop of references");
      return current;
    }
    current = resolvePointer(document, current.$ref, options);
  }
  return current;
}

/**
 * Every `$ref` in the document that does not lead to a value: dangling, external (after bundling,
 * none should remain), or a loop of references that never reaches a value. Schemas that refer to
 * themselves through properties are fine; only a bare `$ref → $ref → …` cycle is reported.
 */
export function findRefProblems(document: unknown): RefProblem[] {
  const problems: RefProblem[] = [];
  const visit = (node: unknown, tokens: string[]): void => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, [...tokens, String(index)]);
      return;
    }
    if (!isObject(node)) return;
    const ref = node.$ref;
    // Extensions are free-form: a `$ref` under `x-…` is data, not a reference.
    if (typeof ref === "string" && !tokens.some((t) => t.startsWith("x-"))) {
      try {
        resolveRef(document, node, { strict: true });
      } catch (error) {
        if (!(error instanceof RefError)) throw error;
        problems.push({ pointer: pointerOf(tokens), ref, message: error.message });
      }
    }
    const mapping = isObject(node.discriminator) ? node.discriminator.mapping : undefined;
    if (isObject(mapping) && !tokens.some((t) => t.startsWith("x-")))
      for (const [value, target] of Object.entries(mapping)) {
        const problem = mappingProblem(document, target);
        if (problem)
          problems.push({
            pointer: pointerOf([...tokens, "discriminator", "mapping", value]),
            ref: String(target),
            message: `discriminator mapping ${JSON.stringify(value)} ${problem}`,
          });
      }
    for (const key of Object.keys(node)) {
      // Example and default values are data; a `$ref` key inside them refers to nothing.
      // (Unless the key is a property name inside `properties`.)
      if (!DATA_KEYWORDS.has(key) || tokens[tokens.length - 1] === "properties") visit(node[key], [...tokens, key]);
    }
  };
  visit(document, []);
  return problems;
}

const DATA_KEYWORDS = new Set(["example", "default", "const", "enum"]);

/**
 * What is wrong with a discriminator mapping's target, if anything: it is a reference
 * (`#/components/schemas/Cat`) or a component schema's name (`Cat`), and must lead to a schema.
 */
function mappingProblem(document: unknown, target: unknown): string | undefined {
  if (typeof target !== "string") return "is not a string";
  if (target.startsWith("#")) {
    try {
      resolveRef(document, { $ref: target }, { strict: true });
      return undefined;
    } catch (error) {
      if (!(error instanceof RefError)) throw error;
      return `points at ${target}, which does not resolve`;
    }
  }
  const schemas = isObject(document) && isObject(document.components) ? document.components.schemas : undefined;
  if (isObject(schemas) && Object.hasOwn(schemas, target)) return undefined;
  return `names ${JSON.stringify(target)}, which is neither a component schema nor a #/… reference`;
}

function pointerOf(tokens: string[]): string {
  return tokens.map((t) => `/${t.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
