import { BlockCursor } from "./block-cursor.js";
import { headingText, lineOf, type MarkdownPage } from "./markdown.js";
import type { RootContent } from "./markdown-tree.js";
import { skipUnexpected } from "./operation-section.js";
import type { ModelPageDoc } from "./page-model.js";
import { PageAbort } from "./reporter.js";
import { isOperationHeading, type PageContext, parseSchemaBody } from "./schema-section.js";

/**
 * Reads a model page: `# <package>.model.<module>.<ClassName>` followed by one schema doc
 * (the same grammar as inline schemas) and the back-links line.
 */
export function parseModelPage(page: MarkdownPage, file: string, context: PageContext): ModelPageDoc {
  const cursor = new BlockCursor(page.tree.children);
  const title = cursor.takeHeading(1);
  if (!title || isOperationHeading(title)) {
    throw new PageAbort(
      cursor.line ?? 1,
      'page has no title (expected "# <package>.model.<module>.<ClassName>" as its first heading)',
    );
  }
  const titleText = headingText(title);
  const className = titleText.split(".").pop() ?? titleText;
  const schema = parseSchemaBody(cursor, context, lineOf(title));
  while (!cursor.done) {
    const block = cursor.peek() as RootContent;
    if (block.type === "heading" && block.depth === 1 && !isOperationHeading(block)) {
      context.reporter.warn(lineOf(block), `second model "${headingText(block)}" on one page; only the first is read`);
      break;
    }
    skipUnexpected(cursor, context, "the model page");
  }
  return { file, className, schema };
}
