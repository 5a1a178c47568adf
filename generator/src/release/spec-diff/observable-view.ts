import type { OpenApiDocument } from "../../generate/load-spec.js";

/**
 * The part of a document a consumer can observe, with every local `$ref` replaced by what it
 * points at: moving a schema into `components` or back, or reordering keys, leaves it unchanged;
 * unused components are not part of it.
 */
export function observableView(doc: OpenApiDocument): unknown {
  const view = {
    info: doc.info,
    servers: doc.servers,
    tags: doc.tags,
    security: doc.security,
    paths: doc.paths,
    securitySchemes: doc.components?.securitySchemes,
  };
  return inline(view, doc, []);
}

function inline(node: unknown, root: unknown, stack: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, root, stack));
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  const ref = record.$ref;
  if (typeof ref === "string" && ref.startsWith("#/")) {
    // A recursive schema stays a marker at the second visit instead of unfolding forever.
    if (stack.includes(ref)) return { $recursive: ref };
    const { $ref: _ignored, ...siblings } = record;
    const target = inline(resolve(root, ref), root, [...stack, ref]);
    const rest = inline(siblings, root, stack) as Record<string, unknown>;
    return target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target, ...rest } : target;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) out[key] = inline(record[key], root, stack);
  return out;
}

function resolve(root: unknown, ref: string): unknown {
  let node = root;
  for (const raw of ref.slice(2).split("/")) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** JSON pointer tokens of the first place where two views differ, or undefined when equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  tokens: (string | number)[] = [],
): (string | number)[] | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], [...tokens, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
    for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const found = firstDifference(ra[key], rb[key], [...tokens, key]);
      if (found) return found;
    }
    return undefined;
  }
  return tokens;
}
