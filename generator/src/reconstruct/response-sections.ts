import type { BlockCursor } from "./block-cursor.js";
import { NAMED_TABLE_COLUMNS, readContentSections, readNamedSchemaTable, unionMembers } from "./body-sections.js";
import { cellMarkdown, cellText, hasColumns, headingText, lineOf, viewTable } from "./markdown.js";
import type { ContentDoc, HeaderDoc, ResponseDoc } from "./page-model.js";
import type { ParametersTable } from "./request-sections.js";
import type { PageContext } from "./schema-section.js";

const RESPONSE_COLUMNS = ["Code", "Class", "Description"];

/**
 * Reads `### Return Types, Responses`: the code table (skipping the client-only `n/a` row),
 * then each `#### <operation>.ApiResponseFor<code>` section with its body schemas and headers.
 */
export function readResponses(
  cursor: BlockCursor,
  context: PageContext,
  operationId: string,
  parameters: ParametersTable,
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
    responses.push({
      code,
      description: cellMarkdown(row.cells[2]),
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
    const detail = readResponseDetail(cursor, context, key, parameters);
    if (response) Object.assign(response, detail);
  }
  return responses;
}

function readResponseDetail(
  cursor: BlockCursor,
  context: PageContext,
  key: string,
  parameters: ParametersTable,
): Pick<ResponseDoc, "contents" | "headers"> {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, NAMED_TABLE_COLUMNS)) {
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
  const named = readContentSections(cursor, context, bodySchemas, "ResponseBody", parameters.mediaTypes);
  const contents = bodySchemas.flatMap((name): ContentDoc[] => {
    const content = named.get(name);
    return content ? [content] : [];
  });
  let headers: HeaderDoc[] = [];
  if (headersName) {
    if (cursor.takeHeading(4, headersName)) headers = readNamedSchemaTable(cursor, context, headersName);
    else context.reporter.warn(cursor.line, `no "#### ${headersName}" section; response headers left out`);
  }
  return { contents, headers };
}
