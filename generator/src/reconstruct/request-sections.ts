import type { BlockCursor } from "./block-cursor.js";
import { NAMED_TABLE_COLUMNS, readContentSections, readNamedSchemaTable } from "./body-sections.js";
import { namedMembers, requestBodyMembers, type UnionMember } from "./body-unions.js";
import { cellText, hasColumns, lineOf, plainText, viewTable } from "./markdown.js";
import { quotedMediaTypes } from "./media-types.js";
import type { ContentDoc, ParameterDoc, ParameterLocation, RequestBodyDoc } from "./page-model.js";
import type { PageContext } from "./schema-section.js";

/** `### query_params` etc.: location and the `####` heading that must follow. */
export const PARAMETER_SECTIONS: Readonly<Record<string, { in: ParameterLocation; title: string }>> = {
  query_params: { in: "query", title: "RequestQueryParams" },
  header_params: { in: "header", title: "RequestHeaderParams" },
  path_params: { in: "path", title: "RequestPathParams" },
  cookie_params: { in: "cookie", title: "RequestCookieParams" },
};
/** Rows of the Parameters table that configure the Python client, not the HTTP request. */
const CLIENT_ONLY_ROWS = new Set(["stream", "timeout", "skip_deserialization"]);

/** What the Parameters table announces; the sections below it are read against this. */
export interface ParametersTable {
  body?: { members: UnionMember[]; required: boolean; line: number | undefined };
  /** Media types spelled out in `content_type` / `accept_content_types` (to match class-name suffixes). */
  mediaTypes: string[];
  /** The request body's first media type: the `content_type` row's default. */
  requestMediaType?: string;
  /** The `*_params` rows, by name, with their lines (each promises a `### *_params` section). */
  parameterRows: Map<string, number | undefined>;
}

/** A Parameters table that announces nothing (no table, or "does not need any parameter"). */
export function emptyParametersTable(): ParametersTable {
  return { mediaTypes: [], parameterRows: new Map() };
}

/**
 * Reads the table under `### Parameters` (or its "does not need any parameter" line): the
 * body row, the exact media types, and warnings for rows it does not know.
 */
export function readParametersTable(cursor: BlockCursor, context: PageContext): ParametersTable {
  const result = emptyParametersTable();
  const next = cursor.peek();
  if (next?.type === "paragraph" && plainText(next).trim() === "This endpoint does not need any parameter.") {
    cursor.next();
    return result;
  }
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, NAMED_TABLE_COLUMNS)) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      'required table missing: "Parameters" is not followed by a Name | Type | Description | Notes table',
    );
    return result;
  }
  for (const row of view.rows) {
    const name = cellText(row, 0);
    const type = cellText(row, 1);
    const description = cellText(row, 2);
    if (name === "body") {
      result.body = { members: requestBodyMembers(type), required: description === "required", line: row.line };
    } else if (name === "content_type") {
      const [first] = quotedMediaTypes(description);
      if (first) result.requestMediaType = first;
      result.mediaTypes.push(...quotedMediaTypes(description));
    } else if (name === "accept_content_types") {
      result.mediaTypes.push(...quotedMediaTypes(description));
    } else if (name === "host_index") {
      context.reporter.warn(
        row.line,
        "the operation has its own servers (host_index), which the docs do not list; they are not reconstructed",
      );
    } else if (name in PARAMETER_SECTIONS) {
      result.parameterRows.set(name, row.line);
    } else if (!CLIENT_ONLY_ROWS.has(name)) {
      context.reporter.warn(row.line, `unknown Parameters row "${name}"; ignored`);
    }
  }
  return result;
}

/**
 * Reads `### body`: one schema section per media type listed in the body row. A media type
 * listed without a schema keeps its place without one; only the first media type's name is
 * in the table (`content_type`), so a schema-less one elsewhere cannot be named and is left
 * out with a warning.
 */
export function readBody(
  cursor: BlockCursor,
  context: PageContext,
  table: ParametersTable,
  line: number | undefined,
): RequestBodyDoc {
  if (!table.body)
    context.reporter.warn(
      line,
      'a "body" section without a body row in the Parameters table; the body is treated as optional',
    );
  const members = table.body?.members ?? [];
  const named = readContentSections(cursor, context, namedMembers(members), "RequestBody", table.mediaTypes);
  const contents: ContentDoc[] = [];
  members.forEach((member, index) => {
    if (member !== undefined) {
      const content = named.get(member);
      if (content) contents.push(content);
      return;
    }
    if (index === 0 && table.requestMediaType) {
      contents.push({ mediaType: table.requestMediaType, line: table.body?.line });
      return;
    }
    context.reporter.warn(
      table.body?.line,
      `the body row lists a media type without a schema (member ${index + 1}), and the docs do not name it; left out`,
    );
  });
  return { required: table.body?.required ?? false, contents, line };
}

/** Reads `### query_params` (etc.): the `#### Request…Params` table and each parameter's schema section. */
export function readParameters(
  cursor: BlockCursor,
  context: PageContext,
  location: ParameterLocation,
  title: string,
): ParameterDoc[] {
  if (!cursor.takeHeading(4, title)) context.reporter.warn(cursor.line, `expected "#### ${title}"`);
  const rows = readNamedSchemaTable(cursor, context, title);
  return rows.map(({ name, required, schema, line }) => ({
    name,
    in: location,
    required: location === "path" || required,
    schema,
    line,
  }));
}
