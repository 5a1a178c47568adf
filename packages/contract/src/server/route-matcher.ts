import type { SpecOperation } from "../spec/openapi-types.js";

/** How a request target relates to the spec's paths. */
export type RouteMatch =
  | { kind: "matched"; operation: SpecOperation; rawParams: Record<string, string>; badEncoding: string[] }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "no-route" };

interface CompiledRoute {
  operation: SpecOperation;
  /** Literal segments as strings; placeholders as `{ param }`. */
  segments: Array<string | { param: string }>;
  literalCount: number;
}

/**
 * Matches request paths against the spec's path templates, segment by segment on the
 * raw (still percent-encoded) path. Each placeholder takes exactly one segment and is
 * decoded exactly once, so a device id sent as `a%2Fb` arrives as `a/b` and a client that
 * forgot to encode `/` lands on a different (or no) route instead of a silently wrong one.
 */
export class RouteMatcher {
  private readonly routes: CompiledRoute[];

  constructor(operations: readonly SpecOperation[]) {
    this.routes = operations
      .map((operation) => {
        const segments = splitPath(operation.pathTemplate).map((segment) => {
          const placeholder = /^\{([^{}]+)\}$/.exec(segment);
          return placeholder?.[1] !== undefined ? { param: placeholder[1] } : segment;
        });
        return { operation, segments, literalCount: segments.filter((s) => typeof s === "string").length };
      })
      // Prefer the most literal template when two could match the same path.
      .sort((a, b) => b.literalCount - a.literalCount);
  }

  /**
   * Matches `method` and the path part of a request target (query and fragment ignored). A HEAD
   * request is answered as the GET of the same resource (RFC 9110 §9.3.2: a server that supports
   * GET supports HEAD), and Node's server leaves the body out.
   */
  match(method: string, rawTarget: string): RouteMatch {
    const rawPath = rawTarget.split(/[?#]/, 1)[0] ?? "";
    const segments = splitPath(rawPath);
    const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    const allowed: string[] = [];
    for (const route of this.routes) {
      const rawParams = matchSegments(route.segments, segments);
      if (rawParams === undefined) continue;
      if (route.operation.method !== wanted) {
        allowed.push(route.operation.method);
        if (route.operation.method === "GET") allowed.push("HEAD");
        continue;
      }
      const badEncoding: string[] = [];
      const decoded: Record<string, string> = {};
      for (const [name, raw] of Object.entries(rawParams)) {
        try {
          decoded[name] = decodeURIComponent(raw);
        } catch {
          badEncoding.push(name);
          decoded[name] = raw;
        }
      }
      return { kind: "matched", operation: route.operation, rawParams: decoded, badEncoding };
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "no-route" };
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((segment, index) => index > 0 || segment !== "");
}

function matchSegments(
  template: ReadonlyArray<string | { param: string }>,
  actual: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of template.entries()) {
    const segment = actual[index] as string;
    if (typeof expected === "string") {
      if (expected !== segment) return undefined;
    } else {
      params[expected.param] = segment;
    }
  }
  return params;
}
