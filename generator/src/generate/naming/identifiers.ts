/**
 * How names in the spec become TypeScript identifiers. One rule for every kind of name, so the
 * same spec word always gives the same identifier: the words are the runs of letters and digits
 * (any script), and each word keeps its own spelling apart from its first letter.
 */

/** Runs of letters and digits; everything else separates words. */
export function words(raw: string): string[] {
  return raw.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const lowerFirst = (word: string): string => word.charAt(0).toLowerCase() + word.slice(1);

/** Whether `name` starts with a digit, which no identifier may. */
export const startsWithDigit = (name: string): boolean => /^\p{N}/u.test(name);

/** An identifier cannot start with a digit; `_` keeps the digits visible in the name. */
const guardLeadingDigit = (name: string): string => (startsWithDigit(name) ? `_${name}` : name);

/** `get_enrolled_factors` → `GetEnrolledFactors`; `OtpDevice` stays `OtpDevice`. */
export function pascalCase(raw: string): string {
  return guardLeadingDigit(pascalWords(raw));
}

/** {@link pascalCase} for a part appended to a name (`200` stays `200`). */
export function pascalWords(raw: string): string {
  return words(raw).map(upperFirst).join("");
}

/**
 * A model's name: {@link pascalCase}, except that a name starting with a digit gets `Model` in
 * front (`400Error` → `Model400Error`) as a model shadowing a global does, rather than `_`: a
 * model's file name is its name in kebab case, and a file name must not start with `-`.
 */
export function modelTypeName(raw: string): string {
  const name = pascalWords(raw);
  return startsWithDigit(name) ? `Model${name}` : name;
}

/** `get_enrolled_factors` → `getEnrolledFactors`; `getMFAToken` stays `getMFAToken`. */
export function camelCase(raw: string): string {
  const [first = "", ...rest] = words(raw);
  return guardLeadingDigit(lowerFirst(first) + rest.map(upperFirst).join(""));
}

/** A name usable as it is: an ASCII or Unicode identifier that is not a reserved word. */
export function isPlainIdentifier(name: string): boolean {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * Words that cannot name a standalone function or a class member without surprises: ECMAScript's
 * reserved words (ECMA-262 §12.7.2), strict-mode and TypeScript's own, and the members every
 * object has, which a method of that name would shadow or break (`constructor`, `__proto__`).
 */
export const RESERVED_WORDS = new Set([
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "arguments",
  "eval",
  "undefined",
  "NaN",
  "Infinity",
  "constructor",
  "prototype",
  "__proto__",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
]);
