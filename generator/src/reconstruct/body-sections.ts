import type { BlockCursor } from "./block-cursor.js";
import { cellMarkdown, cellText, hasColumns, headingText, lineOf, type TableRowView, viewTable } from "./markdown.js";
import { mediaTypeFromSuffix, suffixAfter } from "./media-types.js";
import { parseNotes } from "./notes.js";
import type { ContentDoc, SchemaDoc } from "./page-model.js";
import { type PageContext, parseSchemaSection, peekSchemaSection } from "./schema-section.js";

/** Columns of the Parameters table and of the tables listing parameters, headers and response parts. */
export const NAMED_TABLE_COLUMNS = ["Name", "Type", "Description", "Notes"];

/** A parameter or header: a row of a Name | Type | Description | Notes table with its schema section. */
export interface NamedSchema {
  name: string;
  required: boolean;
  schema: SchemaDoc;
  line: number | undefined;
}

/**
 * The schema class names in a body row: `typing.Union[A, B, Unset]` → [A, B]; `Unset` alone → [].
 * A response's `Unset` member is a media type the spec gives no schema; it carries no type
 * and is left out (MFA's remove_mfa_factors has one), as is a bare `Unset` (no body).
 */
export function unionMembers(type: string): string[] {
  const inner = type.startsWith("typing.Union[") && type.endsWith("]") ? type.slice("typing.Union[".length, -1) : type;
  return inner
    .split(",")
    .map((member) => member.trim())
    .filter((member) => member !== "" && member !== "Unset");
}

/**
 * Reads the `# SchemaFor…Body<MediaType>` sections naming the listed schemas; returns each
 * one's content by class name (the caller puts them in the body row's order).
 */
export function readContentSections(
  cursor: BlockCursor,
  context: PageContext,
  expected: readonly string[],
  marker: string,
  mediaTypes: readonly string[],
): Map<string, ContentDoc> {
  const contents = new Map<string, ContentDoc>();
  const pending = new Set(expected);
  for (;;) {
    const heading = peekSchemaSection(cursor);
    if (!heading || !pending.has(headingText(heading))) break;
    const { name, schema } = parseSchemaSection(cursor, context);
    pending.delete(name);
    const suffix = suffixAfter(name, marker);
    if (!suffix) {
      context.reporter.warn(lineOf(heading), `cannot tell the media type of "${name}"; application/json assumed`);
    }
    const recovered = mediaTypeFromSuffix(suffix ?? "ApplicationJson", mediaTypes);
    if (suffix && recovered.guessed)
      context.reporter.warn(lineOf(heading), `media type of "${name}" guessed as ${recovered.mediaType}`);
    contents.set(name, { mediaType: recovered.mediaType, schema, line: lineOf(heading) });
  }
  for (const name of pending)
    context.reporter.warn(cursor.line, `no "# ${name}" section for a listed body schema; that media type is left out`);
  return contents;
}

/** A Name | Type | Description | Notes table of parameters or headers, then each one's `# TypeSchema` section. */
export function readNamedSchemaTable(cursor: BlockCursor, context: PageContext, title: string): NamedSchema[] {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, NAMED_TABLE_COLUMNS)) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      `required table missing: "${title}" is not followed by a Name | Type | Description | Notes table`,
    );
    return [];
  }
  const rows = view.rows.map((row: TableRowView) => {
    const notes = parseNotes(cellText(row, 3));
    for (const text of notes.unrecognised) context.reporter.warn(row.line, `unrecognised note "${text}"; ignored`);
    return {
      // The name as written: Markdown would read a name such as `_sort_` as emphasis.
      name: cellMarkdown(row.cells[0]),
      schemaName: cellText(row, 1),
      required: !notes.optional,
      line: row.line,
      schema: undefined as SchemaDoc | undefined,
    };
  });
  for (;;) {
    const heading = peekSchemaSection(cursor);
    const row = heading
      ? rows.find((candidate) => candidate.schemaName === headingText(heading) && !candidate.schema)
      : undefined;
    if (!row) break;
    row.schema = parseSchemaSection(cursor, context).schema;
  }
  return rows.map((row) => {
    if (!row.schema)
      context.reporter.warn(row.line, `no "# ${row.schemaName}" section for "${row.name}"; any type assumed`);
    const schema: SchemaDoc = row.schema ?? {
      kind: "typed",
      inputTypes: [],
      description: "",
      notes: parseNotes(""),
      line: row.line,
    };
    return { name: row.name, required: row.required, schema, line: row.line };
  });
}
