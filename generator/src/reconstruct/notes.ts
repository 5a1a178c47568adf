import type { Notes } from "./page-model.js";
import { readList, readPythonValue } from "./python-literals.js";

/**
 * Sentences the Python generator writes for a schema `format` (its notes template),
 * mapped back to the format.
 */
const FORMAT_SENTENCES: ReadonlyArray<[string, string]> = [
  ["value must be a uuid", "uuid"],
  ["value must conform to RFC-3339 full-date YYYY-MM-DD", "date"],
  ["value must conform to RFC-3339 date-time", "date-time"],
  ["value must be numeric and storable in decimal.Decimal", "number"],
  ["value must be a 32 bit integer", "int32"],
  ["value must be a 64 bit integer", "int64"],
  ["value must be a 64 bit float", "double"],
  ["value must be a 32 bit float", "float"],
];

const ENUM_PREFIX = "must be one of ";
const DEFAULT_PREFIX = "if omitted the server will use the default value of ";

/** Notes with nothing in them. */
export function emptyNotes(): Notes {
  return { optional: false, readOnly: false, unrecognised: [] };
}

/**
 * Reads a "Notes" cell. The generator concatenates fixed phrases in a fixed order
 * (`[optional]`, `[readonly]`, `must be one of [...]`, the default sentence, a format
 * sentence); parameter tables write a bare `optional`. Anything else is kept in
 * `unrecognised` so the caller can warn instead of dropping it.
 */
export function parseNotes(text: string): Notes {
  const notes = emptyNotes();
  let rest = text.trim();
  while (rest !== "") {
    const consumed = readOneNote(rest, notes);
    if (consumed === undefined) {
      notes.unrecognised.push(rest);
      break;
    }
    rest = rest.slice(consumed).trim();
  }
  return notes;
}

/** Reads the phrase at the start of `text` into `notes`; returns its length, or undefined. */
function readOneNote(text: string, notes: Notes): number | undefined {
  if (text.startsWith("[optional]")) {
    notes.optional = true;
    return "[optional]".length;
  }
  if (text.startsWith("[readonly]")) {
    notes.readOnly = true;
    return "[readonly]".length;
  }
  if (text === "optional" || text.startsWith("optional ")) {
    notes.optional = true;
    return "optional".length;
  }
  if (text.startsWith(ENUM_PREFIX)) {
    const list = readList(text, ENUM_PREFIX.length);
    if (!list) return undefined;
    notes.enumValues = list.value as unknown[];
    return list.end;
  }
  if (text.startsWith(DEFAULT_PREFIX)) {
    const literal = readPythonValue(text, DEFAULT_PREFIX.length);
    if (!literal) return undefined;
    notes.defaultValue = { value: literal.value };
    return literal.end;
  }
  for (const [sentence, format] of FORMAT_SENTENCES) {
    if (text.startsWith(sentence)) {
      notes.format = format;
      return sentence.length;
    }
  }
  return undefined;
}
