import { readFile } from "node:fs/promises";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { JsonPathError, type PathSegment, parseJsonPath, resolvePath } from "./jsonpath.js";
import { decodeUtf8 } from "./read-page.js";
import { type DiagnosticLog, type FileReporter, PageAbort } from "./reporter.js";

/** One overlay action, checked and with the line it was written on. */
export interface OverlayAction {
  target: string;
  segments: PathSegment[];
  description?: string;
  update?: unknown;
  remove: boolean;
  line: number | undefined;
}

/** A parsed OpenAPI Overlay 1.0 document. */
export interface Overlay {
  file: string;
  actions: OverlayAction[];
}

/**
 * Reads an OpenAPI Overlay 1.0.x file (`overlay`, `info.title`, `info.version`,
 * `actions`). Problems are recorded in `log` with the file and line; the caller stops
 * when `log.errors` is not empty.
 */
export async function loadOverlay(file: string, log: DiagnosticLog): Promise<Overlay> {
  const reporter = log.forFile(file);
  try {
    return parseOverlay(decodeUtf8(await readFile(file)), file, reporter);
  } catch (error) {
    if (error instanceof PageAbort) reporter.error(error.line, error.message);
    else reporter.error(undefined, `cannot read overlay: ${error instanceof Error ? error.message : String(error)}`);
    return { file, actions: [] };
  }
}

/** Parses overlay text; problems go to `reporter`. */
export function parseOverlay(text: string, file: string, reporter: FileReporter): Overlay {
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  for (const error of yaml.errors)
    reporter.error(lineAt(error.pos[0]), `overlay is not valid YAML: ${error.message.split("\n")[0]}`);
  if (yaml.errors.length > 0) return { file, actions: [] };

  const root = yaml.toJS() as Record<string, unknown> | null;
  if (typeof root !== "object" || root === null) {
    reporter.error(1, "overlay must be a mapping");
    return { file, actions: [] };
  }
  if (typeof root.overlay !== "string" || !/^1\.0\.\d+$/.test(root.overlay))
    reporter.error(1, "overlay must declare `overlay: 1.0.x` (OpenAPI Overlay 1.0)");
  const info = root.info as Record<string, unknown> | undefined;
  if (typeof info?.title !== "string" || typeof info?.version !== "string")
    reporter.error(1, "overlay needs info.title and info.version");

  const actionsNode = isMap(yaml.contents) ? yaml.contents.get("actions", true) : undefined;
  if (!isSeq(actionsNode) || actionsNode.items.length === 0) {
    reporter.error(1, "overlay needs a non-empty `actions` list");
    return { file, actions: [] };
  }
  const actions: OverlayAction[] = [];
  actionsNode.items.forEach((node, index) => {
    const line = lineAt((node as { range?: [number, number, number] }).range?.[0]);
    const raw = (root.actions as unknown[])[index] as Record<string, unknown> | null;
    const action = checkAction(raw, line, reporter);
    if (action) actions.push(action);
  });
  return { file, actions };
}

function checkAction(
  raw: Record<string, unknown> | null,
  line: number | undefined,
  reporter: FileReporter,
): OverlayAction | undefined {
  if (typeof raw !== "object" || raw === null || typeof raw.target !== "string") {
    reporter.error(line, "overlay action needs a string `target`");
    return undefined;
  }
  let segments: PathSegment[];
  try {
    segments = parseJsonPath(raw.target);
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    reporter.error(line, error.message);
    return undefined;
  }
  const remove = raw.remove === true;
  if (remove && raw.update !== undefined)
    reporter.error(line, `action on ${raw.target} has both update and remove; use two actions`);
  if (!remove && raw.update === undefined)
    reporter.error(line, `action on ${raw.target} has neither update nor remove`);
  if (typeof raw.description !== "string" || raw.description.trim() === "")
    reporter.warn(line, `action on ${raw.target} has no description saying why it exists`);
  return {
    target: raw.target,
    segments,
    ...(typeof raw.description === "string" ? { description: raw.description } : {}),
    ...(raw.update !== undefined ? { update: raw.update } : {}),
    remove,
    line,
  };
}

/**
 * Applies the actions in order to a copy of `document` and returns it. An update merges
 * into an object target (nested objects merge, other values replace) or is appended to
 * an array target; a remove deletes the target. A target that matches nothing is an
 * error (recorded in `log`): a stale overlay must not pass silently after the docs change.
 */
export function applyOverlay<T extends object>(document: T, overlay: Overlay, log: DiagnosticLog): T {
  const reporter = log.forFile(overlay.file);
  const result = structuredClone(document);
  for (const action of overlay.actions) {
    const match = resolvePath(result, action.segments);
    if (!match) {
      reporter.error(action.line, `overlay target ${action.target} matches nothing in the reconstructed document`);
      continue;
    }
    if (action.remove) {
      if (match.parent === undefined || match.key === undefined)
        reporter.error(action.line, "cannot remove the document root");
      else if (Array.isArray(match.parent)) match.parent.splice(match.key as number, 1);
      else delete match.parent[match.key as string];
      continue;
    }
    if (Array.isArray(match.value)) match.value.push(structuredClone(action.update));
    else if (isRecord(match.value) && isRecord(action.update)) mergeInto(match.value, action.update);
    else
      reporter.error(
        action.line,
        `overlay target ${action.target} is a ${match.value === null ? "null" : typeof match.value}; update an object or array (its parent) instead`,
      );
  }
  return result;
}

function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) mergeInto(existing, value);
    else target[key] = structuredClone(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
