import { BlockCursor } from "./block-cursor.js";
import { unescapeGeneratorText } from "./entities.js";
import {
  cellMarkdown,
  cellText,
  hasColumns,
  headingText,
  lineOf,
  type MarkdownPage,
  plainText,
  sourceMarkdown,
  viewTable,
} from "./markdown.js";
import type { Paragraph, RootContent } from "./markdown-tree.js";
import { isBackLinks, type OperationSection, parseOperationSection, skipUnexpected } from "./operation-section.js";
import type { ApiPageDoc, OperationDoc } from "./page-model.js";
import { PageAbort } from "./reporter.js";
import { isOperationHeading, type PageContext } from "./schema-section.js";

const METHOD_COLUMNS = ["Method", "HTTP request", "Description"];
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const SERVER_LEAD = "All URIs are relative to";

/** One row of the method table. */
interface MethodRow {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  line: number | undefined;
}

/**
 * Reads an API page: title (→ tag), server line, method table, then one section per
 * operation. Throws {@link PageAbort} when the title, server line or method table is
 * missing, since nothing sensible can be built without them.
 */
export function parseApiPage(page: MarkdownPage, file: string, context: PageContext): ApiPageDoc {
  const cursor = new BlockCursor(page.tree.children);
  const title = cursor.takeHeading(1);
  if (!title || isOperationHeading(title)) {
    throw new PageAbort(
      cursor.line ?? 1,
      'page has no title (expected "# <package>.apis.tags.<module>.<ClassName>" as its first heading)',
    );
  }
  const tag = tagFromTitle(headingText(title), lineOf(title), context);

  const descriptionBlocks: RootContent[] = [];
  let server: string | undefined;
  while (!cursor.done && server === undefined) {
    const block = cursor.peek() as RootContent;
    if (block.type === "heading" || block.type === "table") break;
    cursor.next();
    if (block.type === "paragraph" && plainText(block).trim().startsWith(SERVER_LEAD)) server = serverFrom(block);
    else descriptionBlocks.push(block);
  }
  if (server === undefined) throw new PageAbort(cursor.line, `no "${SERVER_LEAD} *URL*" line after the title`);

  const rows = readMethodTable(cursor, context);
  const sections = new Map<string, OperationSection>();
  while (!cursor.done) {
    const block = cursor.peek() as RootContent;
    if (block.type === "heading" && isOperationHeading(block)) {
      const section = parseOperationSection(cursor, context);
      if (sections.has(section.operationId))
        context.reporter.warn(section.line, `second section for operation ${section.operationId}; ignored`);
      else sections.set(section.operationId, section);
      continue;
    }
    skipUnexpected(cursor, context, "the page");
  }

  const operations: OperationDoc[] = [];
  for (const row of rows) {
    const section = sections.get(row.operationId);
    sections.delete(row.operationId);
    if (!section) {
      context.reporter.error(
        row.line,
        `operation ${row.operationId} is listed in the method table but has no "# **${row.operationId}**" section`,
      );
      continue;
    }
    operations.push(combine(row, section, context));
  }
  for (const section of sections.values()) {
    context.reporter.warn(
      section.line,
      `operation section ${section.operationId} is not in the method table (so its method and path are unknown); ignored`,
    );
  }
  return { file, tag, tagDescription: sourceMarkdown(descriptionBlocks, page.source), server, operations };
}

/** `onelogin.apis.tags.multi_factor_authentication_v1_api.MultiFactorAuthenticationV1Api` → `MultiFactorAuthenticationV1`. */
export function tagFromTitle(title: string, line: number | undefined, context: PageContext): string {
  const className = title.split(".").pop() ?? title;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(className))
    context.reporter.warn(line, `title "${title}" does not end in a Python class name`);
  if (className.endsWith("Api") && className.length > 3) return className.slice(0, -3);
  context.reporter.warn(line, `API class "${className}" does not end in "Api"; the whole name is used as the tag`);
  return className;
}

/** The URL in `All URIs are relative to *https://…*` (the emphasis; autolinked or not). */
function serverFrom(paragraph: Paragraph): string {
  const emphasis = paragraph.children.find((child) => child.type === "emphasis");
  const text = emphasis ? plainText(emphasis) : plainText(paragraph).slice(SERVER_LEAD.length);
  return text.trim().replace(/^\*|\*$/g, "");
}

function readMethodTable(cursor: BlockCursor, context: PageContext): MethodRow[] {
  const table = cursor.takeTable();
  const view = table ? viewTable(table) : undefined;
  if (!view || !hasColumns(view, METHOD_COLUMNS)) {
    throw new PageAbort(
      lineOf(table) ?? cursor.line,
      "required table missing: the Method | HTTP request | Description table of operations",
    );
  }
  const rows: MethodRow[] = [];
  for (const row of view.rows) {
    const operationId = cellText(row, 0);
    const [method = "", ...pathParts] = cellText(row, 1).split(/\s+/);
    const path = pathParts.join("");
    if (operationId === "" || !HTTP_METHODS.has(method.toLowerCase()) || !path.startsWith("/")) {
      context.reporter.error(
        row.line,
        `method table row "${cellText(row, 0)} | ${cellText(row, 1)}" is not "operation | **method** /path"`,
      );
      continue;
    }
    rows.push({
      operationId,
      method: method.toLowerCase(),
      path,
      summary: cellMarkdown(row.cells[2]),
      line: row.line,
    });
  }
  return rows;
}

/** Splits the section prose into summary (dropped: the table has it) and description. */
function combine(row: MethodRow, section: OperationSection, context: PageContext): OperationDoc {
  const prose = [...section.prose];
  const first = prose[0];
  if (row.summary !== "" && first) {
    const same = sourceMarkdown([first], context.source) === row.summary || plainText(first).trim() === row.summary;
    if (!same)
      context.reporter.warn(
        lineOf(first),
        `the first paragraph of ${row.operationId} differs from its summary in the method table; the table's summary is used`,
      );
    prose.shift();
  }
  return {
    operationId: row.operationId,
    method: row.method,
    path: row.path,
    // OpenAPI summaries are plain text, so the generator's `\"` escapes go.
    summary: unescapeGeneratorText(row.summary),
    description: sourceMarkdown(
      prose.filter((block) => !isBackLinks(block)),
      context.source,
    ),
    parameters: section.parameters,
    ...(section.requestBody ? { requestBody: section.requestBody } : {}),
    responses: section.responses,
    ...(section.security ? { security: section.security } : {}),
    authKinds: section.authKinds,
    line: section.line,
  };
}
