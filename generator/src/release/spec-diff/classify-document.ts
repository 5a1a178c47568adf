import type { OpenApiDocument } from "../../generate/load-spec.js";
import { type ChangeList, listed } from "./changes.js";

interface ServerVariable {
  default?: string;
  enum?: string[];
  description?: string;
}
interface Server {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariable>;
}
interface Tag {
  name: string;
  description?: string;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/**
 * What openapi-diff does not compare at all: `info`, `servers` and `tags`, and which tag each
 * operation is under (the generated API class it lands in). Compared here, on the parsed documents.
 */
export function classifyDocument(before: OpenApiDocument, after: OpenApiDocument, out: ChangeList): void {
  classifyInfo(before, after, out);
  classifyServers((before.servers ?? []) as Server[], (after.servers ?? []) as Server[], out);
  classifyTags((before.tags ?? []) as Tag[], (after.tags ?? []) as Tag[], out);
  classifyOperationTags(before, after, out);
}

function classifyInfo(before: OpenApiDocument, after: OpenApiDocument, out: ChangeList): void {
  for (const field of ["title", "summary", "description", "version", "termsOfService"] as const) {
    if (!same(before.info?.[field], after.info?.[field])) {
      out.add(
        "patch",
        `info-${field}-changed`,
        ["info", field],
        `Changed the API's ${field === "termsOfService" ? "terms of service" : field}.`,
      );
    }
  }
  for (const field of ["contact", "license"] as const) {
    if (!same(before.info?.[field], after.info?.[field]))
      out.add("patch", `info-${field}-changed`, ["info", field], `Changed the API's ${field}.`);
  }
}

/**
 * The client's base URL comes from the servers. A new URL keeping every variable is
 * documentation; a removed variable breaks consumers who set it; a new one with a default (OpenAPI
 * requires one) is a new option.
 */
function classifyServers(before: Server[], after: Server[], out: ChangeList): void {
  const count = Math.max(before.length, after.length);
  for (let i = 0; i < count; i++) {
    const [was, now] = [before[i], after[i]];
    const tokens = ["servers", i];
    if (!was || !now) {
      out.add(
        "patch",
        was ? "server-removed" : "server-added",
        tokens,
        `${was ? "Removed" : "Added"} the server \`${(was ?? now)!.url}\`.`,
      );
      continue;
    }
    if (was.url !== now.url)
      out.add(
        "patch",
        "server-url-changed",
        [...tokens, "url"],
        `Changed the server URL from \`${was.url}\` to \`${now.url}\`.`,
      );
    if (!same(was.description, now.description))
      out.add(
        "patch",
        "description-changed",
        [...tokens, "description"],
        `Changed the description of the server \`${now.url}\`.`,
      );
    const [oldVars, newVars] = [was.variables ?? {}, now.variables ?? {}];
    for (const name of Object.keys(oldVars).sort()) {
      const varTokens = [...tokens, "variables", name];
      const [a, b] = [oldVars[name]!, newVars[name]];
      if (!b) {
        out.add(
          "major",
          "server-variable-removed",
          varTokens,
          `Removed the server variable \`${name}\` from \`${now.url}\`.`,
        );
        continue;
      }
      const removed = (a.enum ?? []).filter((v) => b.enum !== undefined && !b.enum.includes(v));
      const added = (b.enum ?? []).filter((v) => !(a.enum ?? []).includes(v));
      if (removed.length > 0 || (a.enum === undefined && b.enum !== undefined)) {
        out.add(
          "major",
          "server-variable-narrowed",
          [...varTokens, "enum"],
          `Restricted the server variable \`${name}\`${removed.length ? `: removed ${listed(removed)}` : " to a list of values"}.`,
        );
      } else if (added.length > 0 || (a.enum !== undefined && b.enum === undefined)) {
        out.add(
          "minor",
          "server-variable-widened",
          [...varTokens, "enum"],
          `Widened the values of the server variable \`${name}\`${added.length ? `: added ${listed(added)}` : ""}.`,
        );
      }
      if (!same(a.default, b.default))
        out.add(
          "patch",
          "server-variable-default-changed",
          [...varTokens, "default"],
          `Changed the default of the server variable \`${name}\`.`,
        );
      if (!same(a.description, b.description))
        out.add(
          "patch",
          "description-changed",
          [...varTokens, "description"],
          `Changed the description of the server variable \`${name}\`.`,
        );
    }
    for (const name of Object.keys(newVars)
      .filter((n) => !(n in oldVars))
      .sort()) {
      out.add(
        "minor",
        "server-variable-added",
        [...tokens, "variables", name],
        `Added the server variable \`${name}\` (default \`${newVars[name]!.default ?? ""}\`) to \`${now.url}\`.`,
      );
    }
  }
}

function classifyTags(before: Tag[], after: Tag[], out: ChangeList): void {
  const oldTags = new Map(before.map((t) => [t.name, t]));
  after.forEach((tag, i) => {
    const was = oldTags.get(tag.name);
    if (was && !same(was.description, tag.description)) {
      out.add(
        "patch",
        "description-changed",
        ["tags", i, "description"],
        `Changed the description of the tag \`${tag.name}\`.`,
      );
    }
  });
}

/** Operations are grouped into API classes by their first tag: a move renames what consumers import. */
function classifyOperationTags(before: OpenApiDocument, after: OpenApiDocument, out: ChangeList): void {
  for (const [route, item] of Object.entries(after.paths ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const method of METHODS) {
      const now = item?.[method] as { tags?: string[]; operationId?: string } | undefined;
      const was = before.paths?.[route]?.[method] as { tags?: string[] } | undefined;
      if (!now || !was) continue;
      const [a, b] = [was.tags?.[0], now.tags?.[0]];
      if (a !== b) {
        out.add(
          "major",
          "operation-tag-changed",
          ["paths", route, method, "tags"],
          `Moved ${now.operationId ?? `${method.toUpperCase()} ${route}`} from the tag \`${a ?? "(none)"}\` to \`${b ?? "(none)"}\`.`,
        );
      }
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
