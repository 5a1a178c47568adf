import { parseDocument } from "yaml";
import { InputError, toPointer } from "../diagnostics.js";
import { findDuplicateJsonKey } from "./json-duplicate-keys.js";
import { jsonSyntaxError } from "./json-syntax-error.js";

// One reader for every file a user hands the generator (spec, config, batch file): a `.json`
// file as strict JSON, anything else as YAML, each problem placed at its line and column.

/**
 * Objects and arrays inside each other at most this deep. Every later step walks the document
 * recursively (ours, Redocly, openapi-typescript, OpenAPI Generator), and a deeper one would end
 * in a stack overflow somewhere among them. The deepest of APIs.guru's 2,639 descriptions nests 35.
 */
export const MAX_NESTING = 256;

/** The yaml library's message for a parse error, one line, without the place the diagnostic gives anyway. */
export function yamlProblem(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

/** YAML anchors may be reused this often in total; far more is a "billion laughs" expansion. */
const MAX_ALIAS_EXPANSIONS = 1000;

/**
 * A `.json` file is parsed as JSON (RFC 8259), not as the YAML superset of it, so a trailing
 * comma or a comment is refused, as every other JSON tool would refuse it.
 */
export function parseStrictJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const located = jsonSyntaxError(text);
    const message = (error as Error).message;
    const position = located?.offset ?? Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    throw new InputError([
      {
        severity: "error",
        file,
        ...positionAt(text, position),
        message: `invalid JSON: ${located?.problem ?? (message.split("\n")[0] ?? "").replace(/\s*(in JSON )?at position \d+.*$/, "")}`,
      },
    ]);
  }
  const duplicate = findDuplicateJsonKey(text);
  if (duplicate !== undefined) {
    throw new InputError([
      {
        severity: "error",
        file,
        ...positionAt(text, duplicate.offset),
        pointer: toPointer(duplicate.tokens),
        message: `invalid JSON: the name ${JSON.stringify(duplicate.key)} is given twice in one object (JSON.parse would keep only the last)`,
      },
    ]);
  }
  return value;
}

/** 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parses a YAML file's text. `label` starts each message (`invalid YAML` unless the caller names
 * what the file is, as in `cannot parse config`).
 */
export function parseYamlText(text: string, file: string, label = "invalid YAML"): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const errors = doc.errors;
  if (errors.length > 0) {
    throw new InputError(
      errors.map((error) => ({
        severity: "error",
        file,
        ...(error.linePos && { line: error.linePos[0].line, column: error.linePos[0].col }),
        // The yaml library turns its own stack overflow on deep flow collections into a parse error.
        message: /Maximum call stack size exceeded/.test(error.message)
          ? `the document nests too deeply to be read (over ${MAX_NESTING} levels is refused); flatten it (name the inner schemas in components and refer to them)`
          : `${label}: ${yamlProblem(error.message)}`,
      })),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The yaml library stops expanding before memory runs out; say so without its stack.
    throw new InputError([
      {
        severity: "error",
        file,
        message: /Excessive alias count/.test(error.message)
          ? `YAML aliases expand to more than ${MAX_ALIAS_EXPANSIONS} copies (a resource-exhaustion pattern); inline or simplify the anchors`
          : `${label}: ${error.message}`,
      },
    ]);
  }
}

/**
 * Parses a user's file by its name: `.json` as strict JSON, anything else as YAML. `shown` is
 * the name messages use; `yamlLabel` starts a YAML problem's message.
 */
export function parseDataText(text: string, file: string, shown: string, yamlLabel?: string): unknown {
  return /\.json$/i.test(file) ? parseStrictJson(text, shown) : parseYamlText(text, shown, yamlLabel);
}
