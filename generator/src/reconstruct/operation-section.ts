import type { Heading, ListItem, RootContent } from "mdast";
import type { BlockCursor } from "./block-cursor.js";
import {
  cellText,
  hasColumns,
  headingText,
  lineOf,
  linksIn,
  plainText,
  sourceMarkdown,
  type TableRowView,
  viewTable,
} from "./markdown.js";
import { mediaTypeFromSuffix, quotedMediaTypes, suffixAfter } from "./media-types.js";
import { parseNotes } from "./notes.js";
import type {
  AuthKind,
  ContentDoc,
  HeaderDoc,
  ParameterDoc,
  ParameterLocation,
  RequestBodyDoc,
  ResponseDoc,
  SchemaDoc,
} from "./page-model.js";
import { isOperationHeading, type PageContext, parseSchemaSection, peekSchemaSection } from "./schema-section.js";

/** Everything an operation section says beyond its method-table row. */
export interface OperationSection {
  operationId: string;
  /** Paragraphs between the signature and "Example", summary paragraph included. */
  prose: RootContent[];
  parameters: ParameterDoc[];
  requestBody?: RequestBodyDoc;
  responses: ResponseDoc[];
  /** undefined when the section has no "Authorization" part. */
  security?: string[];
  authKinds: Map<string, AuthKind>;
  line: number | undefined;
}

const PARAMETER_COLUMNS = ["Name", "Type", "Description", "Notes"];
const RESPONSE_COLUMNS = ["Code", "Class", "Description"];
/** `### query_params` etc.: location and the `####` heading that must follow. */
const PARAMETER_SECTIONS: Readonly<Record<string, { in: ParameterLocation; title: string }>> = {
  query_params: { in: "query", title: "RequestQueryParams" },
  header_params: { in: "header", title: "RequestHeaderParams" },
  path_params: { in: "path", title: "RequestPathParams" },
  cookie_params: { in: "cookie", title: "RequestCookieParams" },
};
/** Rows of the Parameters table that configure the Python client, not the HTTP request. */
const CLIENT_ONLY_ROWS = new Set(["stream", "timeout", "skip_deserialization"]);

/** What the Parameters table announces; the sections below it are read against this. */
interface ParametersTable {
  body?: { schemaNames: string[]; required: boolean; line: number | undefined };
  /** Media types spelled out in `content_type` / `accept_content_types`. */
  mediaTypes: string[];
}

/**
 * Reads one `# **operation_id**` section, from its heading up to the next operation
 * heading, as the sequence the generator writes: signature, summary and description,
 * Example, Parameters (+ body and `*_params` sections), Return Types, Authorization.
 */
export function parseOperationSection(cursor: BlockCursor, context: PageContext): OperationSection {
  const heading = cursor.next() as Heading;
  const operationId = headingText(heading);
  const section: OperationSection = {
    operationId,
    prose: [],
    parameters: [],
    responses: [],
    authKinds: new Map(),
    line: lineOf(heading),
  };
  if (cursor.peek()?.type === "blockquote") cursor.next(); // the Python call signature
  section.prose = cursor.takeUntilHeading().filter((block) => !isBackLinks(block));

  let parametersTable: ParametersTable = { mediaTypes: [] };
  for (;;) {
    const block = cursor.peek();
    if (!block || (block.type === "heading" && isOperationHeading(block))) break;
    if (block.type === "heading" && block.depth === 3) {
      const title = headingText(block);
      cursor.next();
      const parameterSection = PARAMETER_SECTIONS[title];
      if (title === "Example") readExample(cursor, context, section);
      else if (title === "Parameters") parametersTable = readParametersTable(cursor, context);
      else if (title === "body") section.requestBody = readBody(cursor, context, parametersTable, lineOf(block));
      else if (parameterSection)
        section.parameters.push(...readParameters(cursor, context, parameterSection.in, parameterSection.title));
      else if (title === "Return Types, Responses")
        section.responses = readResponses(cursor, context, operationId, parametersTable.mediaTypes);
      else if (title === "Authorization") section.security = readAuthorization(cursor, context, lineOf(block));
      else {
        context.reporter.warn(
          lineOf(block),
          `unknown heading "### ${title}" in operation ${operationId}; its content is ignored`,
        );
        skipToNextHeading(cursor, context);
      }
      continue;
    }
    skipUnexpected(cursor, context, `operation ${operationId}`);
  }
  if (section.security === undefined)
    context.reporter.warn(
      section.line,
      `operation ${operationId} has no "Authorization" part; no security requirement is emitted`,
    );
  return section;
}

/** Consumes one block that has no place here, with a warning (schema sections are consumed whole). */
export function skipUnexpected(cursor: BlockCursor, context: PageContext, where: string): void {
  const block = cursor.peek() as RootContent;
  if (isBackLinks(block)) {
    cursor.next();
    return;
  }
  const schemaHeading = peekSchemaSection(cursor);
  if (schemaHeading) {
    context.reporter.warn(
      lineOf(block),
      `unexpected schema section "# ${headingText(schemaHeading)}" in ${where}; ignored`,
    );
    parseSchemaSection(cursor, context);
    return;
  }
  const shown = block.type === "heading" ? `heading "${headingText(block)}"` : block.type;
  context.reporter.warn(lineOf(block), `unexpected ${shown} in ${where}; ignored`);
  cursor.next();
}

/** `[[Back to top]](#__pageTop) [[Back to API list]](…)`: navigation, not content. */
export function isBackLinks(block: RootContent): boolean {
  return block.type === "paragraph" && plainText(block).trim().startsWith("[Back to");
}

function skipToNextHeading(cursor: BlockCursor, context: PageContext): void {
  while (!cursor.done && cursor.peek()?.type !== "heading") {
    const block = cursor.next() as RootContent;
    context.reporter.warn(lineOf(block), `${block.type} under an unknown heading; ignored`);
  }
}

/** The Example's bullet list names each auth scheme with its kind; the code sample is skipped. */
function readExample(cursor: BlockCursor, context: PageContext, section: OperationSection): void {
  for (const block of cursor.takeUntilHeading()) {
    if (block.type === "code") continue;
    if (block.type === "list") {
      for (const item of block.children) readAuthBullet(item, context, section);
      continue;
    }
    context.reporter.warn(lineOf(block), `unexpected ${block.type} in the Example section; ignored`);
  }
}

function readAuthBullet(item: ListItem, context: PageContext, section: OperationSection): void {
  const text = plainText(item).trim();
  const match = /^(OAuth|Api Key|Basic|Bearer(?: \((?<format>[^)]*)\))?) Authentication \((?<name>[^)]+)\):?$/.exec(
    text,
  );
  const name = match?.groups?.name;
  if (!match || !name) {
    context.reporter.warn(lineOf(item), `unrecognised Example bullet "${text}"; ignored`);
    return;
  }
  const label = match[1] as string;
  const format = match.groups?.format;
  const kind: AuthKind =
    label === "OAuth"
      ? { kind: "oauth2" }
      : label === "Api Key"
        ? { kind: "apiKey" }
        : label === "Basic"
          ? { kind: "basic" }
          : format
            ? { kind: "bearer", bearerFormat: format }
            : { kind: "bearer" };
  section.authKinds.set(name, kind);
}

function readParametersTable(cursor: BlockCursor, context: PageContext): ParametersTable {
  const result: ParametersTable = { mediaTypes: [] };
  const next = cursor.peek();
  if (next?.type === "paragraph" && plainText(next).trim() === "This endpoint does not need any parameter.") {
    cursor.next();
    return result;
  }
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, PARAMETER_COLUMNS)) {
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
      result.body = { schemaNames: unionMembers(type), required: description === "required", line: row.line };
    } else if (name === "content_type" || name === "accept_content_types") {
      result.mediaTypes.push(...quotedMediaTypes(description));
    } else if (name === "host_index") {
      context.reporter.warn(
        row.line,
        "the operation has its own servers (host_index), which the docs do not list; they are not reconstructed",
      );
    } else if (!(name in PARAMETER_SECTIONS) && !CLIENT_ONLY_ROWS.has(name)) {
      context.reporter.warn(row.line, `unknown Parameters row "${name}"; ignored`);
    }
  }
  return result;
}

/** `typing.Union[A, B, Unset]` → [A, B]; `Unset` alone → []. */
export function unionMembers(type: string): string[] {
  const inner = type.startsWith("typing.Union[") && type.endsWith("]") ? type.slice("typing.Union[".length, -1) : type;
  return inner
    .split(",")
    .map((member) => member.trim())
    .filter((member) => member !== "" && member !== "Unset");
}

function readBody(
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
  const expected = table.body?.schemaNames ?? [];
  const contents = readContentSections(cursor, context, expected, "RequestBody", table.mediaTypes);
  return { required: table.body?.required ?? false, contents, line };
}

/** Reads `# SchemaFor…Body<MediaType>` sections naming the listed schemas, as body contents. */
function readContentSections(
  cursor: BlockCursor,
  context: PageContext,
  expected: readonly string[],
  marker: string,
  mediaTypes: readonly string[],
): ContentDoc[] {
  const contents: ContentDoc[] = [];
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
    contents.push({ mediaType: recovered.mediaType, schema, line: lineOf(heading) });
  }
  for (const name of pending)
    context.reporter.warn(cursor.line, `no "# ${name}" section for a listed body schema; that media type is left out`);
  return contents;
}

function readParameters(
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

/** A Name | Type | Description | Notes table of parameters or headers, then each one's `# TypeSchema` section. */
function readNamedSchemaTable(
  cursor: BlockCursor,
  context: PageContext,
  title: string,
): { name: string; required: boolean; schema: SchemaDoc; line: number | undefined }[] {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, PARAMETER_COLUMNS)) {
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
      name: cellText(row, 0),
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

function readResponses(
  cursor: BlockCursor,
  context: PageContext,
  operationId: string,
  mediaTypes: readonly string[],
): ResponseDoc[] {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, RESPONSE_COLUMNS)) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      'required table missing: "Return Types, Responses" is not followed by a Code | Class | Description table',
    );
    return [];
  }
  const responses: ResponseDoc[] = [];
  for (const row of view.rows) {
    const code = cellText(row, 0);
    if (code === "n/a") continue; // the client's skip_deserialization result, not an HTTP response
    if (!/^(?:[1-5](?:\d\d|XX)|default)$/.test(code)) {
      context.reporter.warn(row.line, `unrecognised response code "${code}"; row ignored`);
      continue;
    }
    if (responses.some((response) => response.code === code)) {
      context.reporter.warn(row.line, `response ${code} is listed twice; the second row is ignored`);
      continue;
    }
    const cell = row.cells[2];
    responses.push({
      code,
      description: cell ? sourceMarkdown(cell.children, context.source) : "",
      contents: [],
      headers: [],
      line: row.line,
    });
  }
  const prefix = `${operationId}.ApiResponseFor`;
  for (;;) {
    const heading = cursor.peekHeading(4);
    const title = heading ? headingText(heading) : "";
    if (!heading || !title.startsWith(prefix)) break;
    cursor.next();
    const key = title.slice(prefix.length);
    const response = responses.find((candidate) => candidate.code === (key === "Default" ? "default" : key));
    if (!response)
      context.reporter.warn(lineOf(heading), `section "${title}" has no row in the responses table; ignored`);
    const detail = readResponseDetail(cursor, context, key, mediaTypes);
    if (response) Object.assign(response, detail);
  }
  return responses;
}

function readResponseDetail(
  cursor: BlockCursor,
  context: PageContext,
  key: string,
  mediaTypes: readonly string[],
): Pick<ResponseDoc, "contents" | "headers"> {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, PARAMETER_COLUMNS)) {
    context.reporter.error(
      lineOf(table) ?? cursor.line,
      `required table missing: the ApiResponseFor${key} section has no Name | Type | Description | Notes table`,
    );
    return { contents: [], headers: [] };
  }
  let bodySchemas: string[] = [];
  let headersName: string | undefined;
  for (const row of view.rows) {
    const name = cellText(row, 0);
    const type = cellText(row, 1);
    if (name === "body") bodySchemas = unionMembers(type);
    else if (name === "headers") headersName = type === "Unset" ? undefined : type;
    else if (name !== "response") context.reporter.warn(row.line, `unknown response row "${name}"; ignored`);
  }
  const contents = readContentSections(cursor, context, bodySchemas, "ResponseBody", mediaTypes);
  let headers: HeaderDoc[] = [];
  if (headersName) {
    if (cursor.takeHeading(4, headersName)) headers = readNamedSchemaTable(cursor, context, headersName);
    else context.reporter.warn(cursor.line, `no "#### ${headersName}" section; response headers left out`);
  }
  return { contents, headers };
}

function readAuthorization(cursor: BlockCursor, context: PageContext, line: number | undefined): string[] {
  const paragraph = cursor.peek();
  if (paragraph?.type !== "paragraph" || isBackLinks(paragraph)) {
    context.reporter.warn(line, "empty Authorization section; no security requirement is emitted");
    return [];
  }
  cursor.next();
  if (plainText(paragraph).trim() === "No authorization required") return [];
  const names = linksIn(paragraph).map((link) => plainText(link).trim());
  if (names.length === 0)
    context.reporter.warn(
      lineOf(paragraph),
      `unrecognised Authorization text "${plainText(paragraph).trim()}"; ignored`,
    );
  return names;
}
