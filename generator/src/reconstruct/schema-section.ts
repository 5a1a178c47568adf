import type { BlockCursor } from "./block-cursor.js";
import { entryName } from "./entry-names.js";
import {
  cellMarkdown,
  cellText,
  firstLink,
  hasColumns,
  headingText,
  lineOf,
  sourceMarkdown,
  type TableRowView,
  viewTable,
} from "./markdown.js";
import type { Heading, RootContent, TableCell } from "./markdown-tree.js";
import { isInside, isValidComponentName, type LinkBase, modelNameOf, resolveModelFile } from "./model-links.js";
import { emptyNotes, parseNotes } from "./notes.js";
import type { ComposedDoc, ModelSchemaDoc, Notes, PropertyDoc, SchemaDoc, TypedSchemaDoc } from "./page-model.js";
import { mapPythonTypes, splitInputTypes } from "./python-types.js";
import { type FileReporter, PageAbort } from "./reporter.js";

/** What the schema parsers need besides the cursor. */
export interface PageContext {
  source: string;
  reporter: FileReporter;
  links: LinkBase;
  /** How deep the parser is in nested `# name` sections (maintained by the parser). */
  nesting?: number;
}

/**
 * Nesting limit for `# name` sections. Real schemas nest a handful of levels; a page that
 * nests deeper is malformed or hostile, and recursing on it could exhaust the stack.
 */
export const MAX_NESTING = 64;

const REF_COLUMNS = ["Type", "Description", "Notes"];
const TYPE_INFO_COLUMNS = ["Input Type", "Accessed Type", "Description", "Notes"];
const KEY_COLUMNS = ["Key", "Input Type", "Accessed Type", "Description", "Notes"];
const ITEM_COLUMNS = ["Class Name", "Input Type", "Accessed Type", "Description", "Notes"];
const COMPOSED_HEADING = "Composed Schemas (allOf/anyOf/oneOf/not)";
const COMPOSITIONS = ["allOf", "anyOf", "oneOf", "not"] as const;
/** The key the generator uses for the row that describes additional properties. */
export const ADDITIONAL_KEY = "any_string_name";

/** Whether the next block starts a schema section named `name` (`# name`, plain text). */
export function peekSchemaSection(cursor: BlockCursor, name?: string): Heading | undefined {
  const heading = cursor.peekHeading(1, name);
  if (!heading || isOperationHeading(heading)) return undefined;
  return heading;
}

/** `# **operation_id**`: an operation heading, which is never a schema section. */
export function isOperationHeading(heading: Heading): boolean {
  return heading.depth === 1 && heading.children.length === 1 && heading.children[0]?.type === "strong";
}

/**
 * Reads a `# Name` schema section starting at its heading: either a one-row
 * "Type | Description | Notes" table linking a model page, or the generator's schema doc
 * (description, "Model Type Info", then optional keys, nested sections, items, composition).
 */
export function parseSchemaSection(cursor: BlockCursor, context: PageContext): { name: string; schema: SchemaDoc } {
  const heading = cursor.next() as Heading;
  return { name: headingText(heading), schema: parseSchemaBody(cursor, context, lineOf(heading)) };
}

/**
 * Which of its later parts a schema may still have when a nested section ends: its
 * "Tuple Items" and "Composed Schemas" come after the nested sections of its keys, and its
 * composition after the nested section of its items.
 */
export interface ParentParts {
  items: boolean;
  composed: boolean;
}

const NO_PARENT: ParentParts = { items: false, composed: false };

/**
 * Reads the blocks that follow a schema heading (or a model page title). `parent` says
 * which parts the enclosing schema may still have, for a nested section (see
 * {@link claimedParts}).
 */
export function parseSchemaBody(
  cursor: BlockCursor,
  context: PageContext,
  headingLine: number | undefined,
  parent: ParentParts = NO_PARENT,
): SchemaDoc {
  const next = cursor.peek();
  if (next?.type === "table") {
    const view = viewTable(next);
    if (hasColumns(view, REF_COLUMNS)) {
      cursor.next();
      return parseRefTable(view.rows, view.line, context);
    }
  }
  const prose = cursor.takeUntilHeading();
  const typeInfoHeading = cursor.takeHeading(2, "Model Type Info");
  const typeInfoTable = typeInfoHeading ? cursor.takeTable() : undefined;
  const typeInfo = typeInfoTable ? viewTable(typeInfoTable) : undefined;
  const row = typeInfo?.rows[0];
  if (!typeInfo || !hasColumns(typeInfo, TYPE_INFO_COLUMNS) || !row) {
    context.reporter.error(
      lineOf(typeInfoTable) ?? headingLine,
      'schema section has no "Model Type Info" table (Input Type | Accessed Type | Description | Notes)',
    );
    return placeholderSchema(headingLine);
  }
  warnExtraRows(typeInfo.rows, context, "Model Type Info");
  const schema: TypedSchemaDoc = {
    kind: "typed",
    inputTypes: splitInputTypes(cellText(row, 0)),
    description: describe(row, 2) || proseMarkdown(prose, context),
    notes: notesOf(row, 3, context),
    line: row.line,
  };
  readDictionaryKeys(cursor, context, schema);
  const claims = claimedParts(schema, parent);
  if (claims.items) readTupleItems(cursor, context, schema);
  if (claims.composed) readComposition(cursor, context, schema);
  return schema;
}

/**
 * The docs flatten nested schemas without closing them, so a "### Tuple Items" or
 * "### Composed Schemas" heading after a nested section may be the nested schema's or its
 * parent's. The nested schema's own shape decides. Only an array (or a schema of any type)
 * has items. A nested section exists because its schema is an array, a map or composed:
 * an array, or an object with keys, is explained by that shape, so a composition after it
 * is taken as the parent's (properties beside allOf/oneOf are common); any other nested
 * section is there for its composition. Parts the parent can no longer have go to the
 * nested schema.
 */
function claimedParts(schema: TypedSchemaDoc, parent: ParentParts): ParentParts {
  const mapped = mapPythonTypes(schema.inputTypes);
  const type = mapped.anyType || mapped.mixed ? undefined : mapped.type;
  const explainedByShape = type === "array" || (type === "object" && schema.properties !== undefined);
  return {
    items: !parent.items || type === undefined || type === "array",
    composed: !parent.composed || !explainedByShape,
  };
}

/** A stand-in for a schema that could not be read; the run has already failed with an error. */
function placeholderSchema(line: number | undefined): TypedSchemaDoc {
  return { kind: "typed", inputTypes: [], description: "", notes: emptyNotes(), line };
}

function parseRefTable(rows: TableRowView[], line: number | undefined, context: PageContext): SchemaDoc {
  const [row] = rows;
  const model = row ? modelRef(row.cells[0], row, context, 1, 2) : undefined;
  if (!model) {
    context.reporter.error(row?.line ?? line, "schema table does not link a model page");
    return placeholderSchema(line);
  }
  warnExtraRows(rows, context, "Type");
  return model;
}

/** A model reference when `cell` links a model page. */
function modelRef(
  cell: TableCell | undefined,
  row: TableRowView,
  context: PageContext,
  descriptionAt: number,
  notesAt: number,
): ModelSchemaDoc | undefined {
  const link = firstLink(cell);
  const file = link ? resolveModelFile(link.url, context.links) : undefined;
  if (!file) return undefined;
  const name = modelNameOf(file);
  if (!isInside(file, context.links.modelsDir))
    throw new PageAbort(row.line, `links a model page outside the models folder: ${link?.url}`);
  if (!isValidComponentName(name))
    throw new PageAbort(
      row.line,
      `model page name "${name}" cannot be an OpenAPI component name (letters, digits, ".", "_", "-")`,
    );
  return {
    kind: "model",
    model: { file, name, linkedFrom: context.links.pageFile, line: row.line },
    description: describe(row, descriptionAt),
    notes: notesOf(row, notesAt, context),
    line: row.line,
  };
}

/** "### Dictionary Keys" and the `# key` sections of the keys that link one. */
function readDictionaryKeys(cursor: BlockCursor, context: PageContext, parent: TypedSchemaDoc): void {
  if (!cursor.takeHeading(3, "Dictionary Keys")) return;
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, KEY_COLUMNS)) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      '"Dictionary Keys" is not followed by a Key | Input Type | Accessed Type | Description | Notes table',
    );
    return;
  }
  const properties: PropertyDoc[] = [];
  const awaitingSection = new Map<string, AwaitedSection>();
  for (const row of view.rows) {
    const { name, section } = entryName(row.cells[0]);
    if (name === "") {
      context.reporter.warn(row.line, "Dictionary Keys row without a key name; ignored");
      continue;
    }
    const fromRow = rowSchema(row, context);
    if (name === ADDITIONAL_KEY) {
      const additional = withoutBoilerplate(fromRow);
      parent.additionalProperties = additional;
      if (section !== undefined)
        awaitingSection.set(section, {
          line: row.line,
          attach: (child) => (parent.additionalProperties = withoutBoilerplate(mergeRowIntoSection(additional, child))),
        });
      continue;
    }
    const property: PropertyDoc = { name, required: !fromRow.notes.optional, schema: fromRow, line: row.line };
    properties.push(property);
    if (section !== undefined)
      awaitingSection.set(section, {
        line: row.line,
        attach: (child) => (property.schema = mergeRowIntoSection(fromRow, child)),
      });
  }
  parent.properties = properties;
  readNestedSections(cursor, context, awaitingSection, { items: true, composed: true });
}

/** The sentence every `any_string_name` row starts with; what follows it is the values' own description. */
const ADDITIONAL_BOILERPLATE = "any string name can be used but the value must be the correct type";

/** Drops the generator's fixed wording (and `[optional]`, which every such row has) from an additional-properties row. */
function withoutBoilerplate(schema: SchemaDoc): SchemaDoc {
  const description = schema.description.startsWith(ADDITIONAL_BOILERPLATE)
    ? schema.description.slice(ADDITIONAL_BOILERPLATE.length).trim()
    : schema.description;
  return { ...schema, description, notes: { ...schema.notes, optional: false } };
}

/** "### Tuple Items": the one row describing array items, and its `# items` section if linked. */
function readTupleItems(cursor: BlockCursor, context: PageContext, schema: TypedSchemaDoc): void {
  if (!cursor.takeHeading(3, "Tuple Items")) return;
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  const row = view?.rows[0];
  if (!view || !hasColumns(view, ITEM_COLUMNS) || !row) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      '"Tuple Items" is not followed by a Class Name | Input Type | Accessed Type | Description | Notes table',
    );
    return;
  }
  warnExtraRows(view.rows, context, "Tuple Items");
  const items = modelRef(row.cells[0], row, context, 3, 4) ?? rowSchema(row, context);
  schema.items = items;
  const { section: name } = entryName(row.cells[0]);
  if (name !== undefined) {
    readNestedSections(
      cursor,
      context,
      new Map([
        [name, { line: row.line, attach: (child: SchemaDoc) => (schema.items = mergeRowIntoSection(items, child)) }],
      ]),
      { items: false, composed: true },
    );
  }
}

/** "### Composed Schemas": allOf / anyOf / oneOf / not tables and their nested sections. */
function readComposition(cursor: BlockCursor, context: PageContext, schema: TypedSchemaDoc): void {
  if (!cursor.takeHeading(3, COMPOSED_HEADING)) return;
  const composed: ComposedDoc = {};
  // The generator writes the kinds in this order, so a kind at or before the last one read
  // belongs to an enclosing schema's composition, not to this one.
  let next = 0;
  for (;;) {
    const index = COMPOSITIONS.findIndex((candidate, at) => at >= next && cursor.peekHeading(4, candidate));
    const kind = COMPOSITIONS[index];
    if (!kind) break;
    next = index + 1;
    cursor.next();
    const table = cursor.takeTable();
    const view = table ? viewTable(table) : undefined;
    if (!view || !hasColumns(view, ITEM_COLUMNS)) {
      context.reporter.error(
        lineOf(table) ?? cursor.line,
        `"${kind}" is not followed by a Class Name | Input Type | Accessed Type | Description | Notes table`,
      );
      continue;
    }
    const members: SchemaDoc[] = [];
    const awaitingSection = new Map<string, AwaitedSection>();
    view.rows.forEach((row, index) => {
      const member = modelRef(row.cells[0], row, context, 3, 4) ?? rowSchema(row, context);
      members.push(member);
      const { section } = entryName(row.cells[0]);
      if (section !== undefined) {
        awaitingSection.set(section, {
          line: row.line,
          attach: (child) => (members[index] = mergeRowIntoSection(member, child)),
        });
      }
    });
    readNestedSections(cursor, context, awaitingSection, NO_PARENT);
    if (kind === "not") {
      if (members.length !== 1)
        context.reporter.warn(view.line, `"not" lists ${members.length} schemas; only the first is used`);
      if (members[0]) composed.not = members[0];
    } else composed[kind] = members;
  }
  schema.composed = composed;
}

/**
 * Reads the `# name` sections that follow a table, in whatever order they come, handing
 * each to the row that linked it. Names are unique within one table, so a name match is
 * unambiguous even though the same names (`data`, `items`) recur elsewhere on the page.
 */
function readNestedSections(
  cursor: BlockCursor,
  context: PageContext,
  awaiting: Map<string, AwaitedSection>,
  parent: ParentParts,
): void {
  for (;;) {
    const heading = peekSchemaSection(cursor);
    const awaited = heading ? awaiting.get(headingText(heading)) : undefined;
    if (!heading || !awaited) break;
    awaiting.delete(headingText(heading));
    cursor.next();
    const depth = (context.nesting ?? 0) + 1;
    if (depth > MAX_NESTING)
      throw new PageAbort(lineOf(heading), `schema sections nest deeper than ${MAX_NESTING} levels`);
    context.nesting = depth;
    try {
      awaited.attach(parseSchemaBody(cursor, context, lineOf(heading), parent));
    } finally {
      context.nesting = depth - 1;
    }
  }
  for (const [name, awaited] of awaiting) {
    context.reporter.warn(
      awaited.line,
      `no "# ${name}" section follows the table that links it; its row's types are used`,
    );
  }
}

/** A row that links a `# name` section further down, and what to do with it. */
interface AwaitedSection {
  line: number | undefined;
  attach: (child: SchemaDoc) => void;
}

/** A schema from a keys/items row alone: a model link or a list of Python types. */
function rowSchema(row: TableRowView, context: PageContext): SchemaDoc {
  const model = modelRef(row.cells[1], row, context, 3, 4);
  if (model) return model;
  return {
    kind: "typed",
    inputTypes: splitInputTypes(cellText(row, 1)),
    description: describe(row, 3),
    notes: notesOf(row, 4, context),
    line: row.line,
  };
}

/**
 * A nested section repeats its row's types and adds the structure; the row contributes
 * what only it states (`[optional]`, and the description when the section has none).
 */
function mergeRowIntoSection(row: SchemaDoc, section: SchemaDoc): SchemaDoc {
  if (section.kind === "model") return section;
  return {
    ...section,
    description: section.description || row.description,
    notes: { ...section.notes, optional: row.notes.optional, readOnly: section.notes.readOnly || row.notes.readOnly },
  };
}

function describe(row: TableRowView, index: number): string {
  return cellMarkdown(row.cells[index]);
}

function notesOf(row: TableRowView, index: number, context: PageContext): Notes {
  const notes = parseNotes(cellText(row, index));
  for (const text of notes.unrecognised) context.reporter.warn(row.line, `unrecognised note "${text}"; ignored`);
  notes.unrecognised = [];
  return notes;
}

function proseMarkdown(blocks: RootContent[], context: PageContext): string {
  return sourceMarkdown(blocks, context.source);
}

function warnExtraRows(rows: TableRowView[], context: PageContext, table: string): void {
  for (const extra of rows.slice(1))
    context.reporter.warn(extra.line, `"${table}" table has more than one row; extra row ignored`);
}
