import type { BlockCursor } from "./block-cursor.js";
import { headingText, lineOf, linksIn, plainText } from "./markdown.js";
import type { Heading, ListItem, RootContent } from "./markdown-tree.js";
import type { AuthKind, ParameterDoc, RequestBodyDoc, ResponseDoc } from "./page-model.js";
import {
  emptyParametersTable,
  PARAMETER_SECTIONS,
  type ParametersTable,
  readBody,
  readParameters,
  readParametersTable,
} from "./request-sections.js";
import { readResponses } from "./response-sections.js";
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

  let parametersTable: ParametersTable = emptyParametersTable();
  const sectionsRead = new Set<string>();
  for (;;) {
    const block = cursor.peek();
    if (!block || (block.type === "heading" && isOperationHeading(block))) break;
    if (block.type === "heading" && block.depth === 3) {
      const title = headingText(block);
      cursor.next();
      sectionsRead.add(title);
      const parameterSection = PARAMETER_SECTIONS[title];
      if (title === "Example") readExample(cursor, context, section);
      else if (title === "Parameters") parametersTable = readParametersTable(cursor, context);
      else if (title === "body") section.requestBody = readBody(cursor, context, parametersTable, lineOf(block));
      else if (parameterSection)
        section.parameters.push(...readParameters(cursor, context, parameterSection.in, parameterSection.title));
      else if (title === "Return Types, Responses")
        section.responses = readResponses(cursor, context, operationId, parametersTable);
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
  warnMissingSections(parametersTable, sectionsRead, context, operationId);
  if (section.security === undefined)
    context.reporter.warn(
      section.line,
      `operation ${operationId} has no "Authorization" part; no security requirement is emitted`,
    );
  return section;
}

/** The Parameters table promises a section for the body and for each `*_params` row; say when one is missing. */
function warnMissingSections(
  table: ParametersTable,
  sectionsRead: ReadonlySet<string>,
  context: PageContext,
  operationId: string,
): void {
  if (table.body && !sectionsRead.has("body"))
    context.reporter.warn(
      table.body.line,
      `the Parameters table of ${operationId} lists a body, but there is no "### body" section; no request body is emitted`,
    );
  for (const [name, line] of table.parameterRows) {
    if (!sectionsRead.has(name))
      context.reporter.warn(
        line,
        `the Parameters table of ${operationId} lists ${name}, but there is no "### ${name}" section; those parameters are missing`,
      );
  }
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
