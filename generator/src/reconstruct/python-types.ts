/** The JSON types a schema can have in OpenAPI 3.0. */
export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array";

/** What a list of Python input types means in OpenAPI terms. */
export interface PythonTypeMapping {
  /** The one JSON type, or undefined for "any type" (and for a mix the tool cannot express). */
  type?: JsonType;
  /** Format implied by the Python type itself (`date`, `datetime`, `uuid.UUID`, bytes). */
  format?: string;
  /** `None` is accepted. */
  nullable: boolean;
  /** The list is the generator's "anything" list: the schema is `{}`. */
  anyType: boolean;
  /** Tokens the tool does not know. */
  unrecognised: string[];
  /** Set when the list mixes JSON types in a way other than "anything". */
  mixed?: JsonType[];
}

/** The role each Python input type plays. Several spellings occur across generator versions. */
const TOKEN_ROLES: Readonly<Record<string, Role>> = {
  dict: "object",
  "frozendict.frozendict": "object",
  frozendict: "object",
  list: "array",
  tuple: "array",
  str: "string",
  date: "date",
  "datetime.date": "date",
  datetime: "datetime",
  "datetime.datetime": "datetime",
  "uuid.UUID": "uuid",
  bytes: "binary",
  "io.FileIO": "binary",
  "io.BufferedReader": "binary",
  FileIO: "binary",
  int: "int",
  "decimal.Decimal": "decimal",
  float: "float",
  bool: "boolean",
  None: "null",
  none_type: "null",
  NoneClass: "null",
};

type Role =
  | "object"
  | "array"
  | "string"
  | "date"
  | "datetime"
  | "uuid"
  | "binary"
  | "int"
  | "decimal"
  | "float"
  | "boolean"
  | "null";

/** Splits an "Input Type" cell (`decimal.Decimal, int, `) into its tokens. */
export function splitInputTypes(cell: string): string[] {
  return cell
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token !== "");
}

/**
 * Maps the Python input types the docs list for a value to a JSON type:
 * `decimal.Decimal, int` → integer; `float` with any number → number; `str` → string;
 * `date`/`datetime`/`uuid.UUID` → string with that format; bytes/files → binary string;
 * `bool` → boolean; `dict` → object; `list, tuple` → array; `None` → nullable;
 * the generator's everything-list → any type.
 */
export function mapPythonTypes(tokens: readonly string[]): PythonTypeMapping {
  const roles = new Set<Role>();
  const unrecognised: string[] = [];
  for (const token of tokens) {
    const role = TOKEN_ROLES[token];
    if (role) roles.add(role);
    else unrecognised.push(token);
  }
  const nullable = roles.has("null");
  const hasNumber = roles.has("int") || roles.has("float") || roles.has("decimal");
  if (roles.has("object") && roles.has("array") && roles.has("string") && roles.has("boolean") && hasNumber) {
    return { nullable: false, anyType: true, unrecognised };
  }

  const candidates: { type: JsonType; format?: string }[] = [];
  if (roles.has("object")) candidates.push({ type: "object" });
  if (roles.has("array")) candidates.push({ type: "array" });
  if (roles.has("boolean")) candidates.push({ type: "boolean" });
  const stringish = stringFormat(roles);
  if (stringish) candidates.push(stringish);
  const numberIsTheString = stringish?.format === "number";
  if (hasNumber && !numberIsTheString)
    candidates.push({ type: roles.has("float") || !roles.has("int") ? "number" : "integer" });

  if (candidates.length === 1) {
    const [only] = candidates as [{ type: JsonType; format?: string }];
    return { ...only, nullable, anyType: false, unrecognised };
  }
  // Nothing but `None` (or nothing known at all): OpenAPI 3.0 has no null type, so any type.
  if (candidates.length === 0) return { nullable: false, anyType: true, unrecognised };
  return { nullable, anyType: false, unrecognised, mixed: candidates.map((candidate) => candidate.type) };
}

/** The string type (and format) when the roles describe a string, else undefined. */
function stringFormat(roles: ReadonlySet<Role>): { type: JsonType; format?: string } | undefined {
  if (roles.has("binary")) return { type: "string", format: "binary" };
  if (roles.has("datetime")) return { type: "string", format: "date-time" };
  if (roles.has("date")) return { type: "string", format: "date" };
  if (roles.has("uuid")) return { type: "string", format: "uuid" };
  if (!roles.has("string")) return undefined;
  // `str, decimal.Decimal` is how the generator lists a string holding a decimal number.
  if (roles.has("decimal") && !roles.has("int") && !roles.has("float")) return { type: "string", format: "number" };
  return { type: "string" };
}
