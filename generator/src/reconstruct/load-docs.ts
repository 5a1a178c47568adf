import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseApiPage } from "./api-page.js";
import { parseMarkdown } from "./markdown.js";
import { parseModelPage } from "./model-page.js";
import {
  type ApiPageDoc,
  type ModelLink,
  type ModelPageDoc,
  modelLinksIn,
  modelLinksInOperation,
} from "./page-model.js";
import { readPageText } from "./read-page.js";
import { type DiagnosticLog, displayPath, type FileReporter, PageAbort } from "./reporter.js";
import type { PageContext } from "./schema-section.js";
import { reportTableOverflow } from "./table-overflow.js";

/** Parsed docs: API pages in file-name order and the model pages they reach, by component name. */
export interface LoadedDocs {
  pages: ApiPageDoc[];
  models: Map<string, ModelPageDoc>;
}

/**
 * Reads every `apis/tags/*.md` page under `docsDir` (sorted by file name, by code unit,
 * so the order is the same on every machine) and, following links transitively, each
 * model page they use. Problems are recorded in `log`; a page that cannot be read at all
 * is left out after recording why.
 */
export async function loadDocs(docsDir: string, log: DiagnosticLog): Promise<LoadedDocs> {
  const root = path.resolve(docsDir);
  const tagsDir = path.join(root, "apis", "tags");
  const modelsDir = path.join(root, "models");
  const files = await listPages(tagsDir, log);
  const texts = await Promise.all(files.map((file) => readText(file, log.forFile(file))));

  const pages: ApiPageDoc[] = [];
  const queue: ModelLink[] = [];
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const page = parsePage(text, file, modelsDir, log, parseApiPage);
    if (!page) return;
    pages.push(page);
    for (const operation of page.operations) queue.push(...modelLinksInOperation(operation));
  });

  const models = new Map<string, ModelPageDoc>();
  const visited = new Map<string, string>(); // component name → file
  while (queue.length > 0) {
    const link = queue.shift() as ModelLink;
    const seenFile = visited.get(link.name);
    if (seenFile !== undefined) {
      if (seenFile !== link.file)
        log
          .forFile(link.linkedFrom)
          .error(
            link.line,
            `links model ${link.name} at ${displayPath(link.file)}, but ${displayPath(seenFile)} already has that name`,
          );
      continue;
    }
    visited.set(link.name, link.file);
    const text = await readText(link.file, log.forFile(link.file), log.forFile(link.linkedFrom), link.line);
    if (text === undefined) continue;
    const model = parsePage(text, link.file, modelsDir, log, parseModelPage);
    if (!model) continue;
    models.set(link.name, model);
    queue.push(...modelLinksIn(model.schema));
  }
  return { pages, models: new Map([...models].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

async function listPages(tagsDir: string, log: DiagnosticLog): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tagsDir);
  } catch {
    log.forFile(tagsDir).error(undefined, "no API pages folder (expected <docs>/apis/tags/*.md)");
    return [];
  }
  const pages = names.filter((name) => name.endsWith(".md")).sort();
  if (pages.length === 0) log.forFile(tagsDir).error(undefined, "no API pages (*.md) in this folder");
  return pages.map((name) => path.join(tagsDir, name));
}

/** Reads a page; a missing file is reported where it was linked from, when known. */
async function readText(
  file: string,
  reporter: FileReporter,
  linkedFrom?: FileReporter,
  linkLine?: number,
): Promise<string | undefined> {
  try {
    return await readPageText(file);
  } catch (error) {
    if (error instanceof PageAbort) reporter.error(error.line, error.message);
    else if (isMissingFile(error) && linkedFrom)
      linkedFrom.error(linkLine, `links a model page that does not exist: ${reporter.file}`);
    else reporter.error(undefined, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function parsePage<T>(
  text: string,
  file: string,
  modelsDir: string,
  log: DiagnosticLog,
  parse: (page: ReturnType<typeof parseMarkdown>, file: string, context: PageContext) => T,
): T | undefined {
  const reporter = log.forFile(file);
  const context: PageContext = { source: text, reporter, links: { pageFile: file, modelsDir } };
  try {
    const page = parseMarkdown(text);
    reportTableOverflow(page.tree, reporter);
    return parse(page, file, context);
  } catch (error) {
    if (!(error instanceof PageAbort)) throw error;
    reporter.error(error.line, error.message);
    return undefined;
  }
}

function isMissingFile(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "ENOENT"
  );
}
