import path from "node:path";
import { parseDocument } from "yaml";
import { InputError } from "../diagnostics.js";
import type { LoadedSpec, OpenApiDocument } from "./load-spec.js";
import { pointerPositions, pointerTokens } from "./pointer-line.js";

/** True when some `$ref` points outside the document (another file or a URL). */
export function hasExternalRefs(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasExternalRefs);
  if (!node || typeof node !== "object") return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) return true;
    if (hasExternalRefs(value)) return true;
  }
  return false;
}

/**
 * Inlines external `$ref`s (other files next to the spec) into one document, because the
 * generators read a prepared copy from a temporary folder where relative references would
 * no longer resolve. Specs without external references are returned unchanged.
 */
export async function bundleExternalRefs(spec: LoadedSpec): Promise<LoadedSpec> {
  if (!hasExternalRefs(spec.document)) return spec;
  const { bundleFromString, createConfig } = await import("@redocly/openapi-core");
  // No configPath: the repo's own redocly.yaml is never read for a user's spec.
  const config = await createConfig({}, {});
  const file = path.relative(process.cwd(), spec.file) || spec.file;
  const { bundle, problems } = await bundleFromString({
    source: spec.text,
    absoluteRef: path.resolve(spec.file),
    config,
  }).catch((error: unknown) => {
    // Redocly throws plain errors (a stack, no place) for a $ref chain that loops through files.
    const message = error instanceof Error ? error.message : String(error);
    const why = /circular/i.test(message)
      ? "a chain of $refs through other files leads back to itself, so it never reaches a value"
      : message;
    throw new InputError([{ severity: "error", file, message: `cannot bundle external $refs: ${why}` }]);
  });
  const unresolved = problems.filter((problem) => problem.severity === "error" && UNRESOLVED.test(problem.message));
  if (unresolved.length > 0)
    throw new InputError(
      unresolved.map((problem) => {
        const where = problem.location[0];
        const source = where?.source;
        const inFile = source ? path.relative(process.cwd(), source.absoluteRef) || source.absoluteRef : file;
        const pointer = where?.pointer?.replace(/^#/, "");
        const position = pointer !== undefined && source?.body ? pointerPositions(source.body)(pointer) : undefined;
        const ref = pointer !== undefined && source?.body ? refAt(source.body, pointer) : undefined;
        return {
          severity: "error" as const,
          file: inFile,
          ...position,
          ...(pointer !== undefined && { pointer }),
          message: `$ref${ref === undefined ? "" : ` ${JSON.stringify(ref)}`} cannot be resolved: ${unresolvedReason(problem.message)}`,
        };
      }),
    );
  return { ...spec, document: bundle.parsed as OpenApiDocument };
}

/** The `$ref` string of the object at `pointer` in a YAML or JSON text. */
function refAt(text: string, pointer: string): string | undefined {
  const ref = parseDocument(text).getIn([...pointerTokens(pointer), "$ref"]);
  return typeof ref === "string" ? ref : undefined;
}

/** Redocly's problem for a `$ref` whose file or URL could not be read. */
const UNRESOLVED = /^Can't resolve \$ref/;

/**
 * Why a reference could not be read, in words that hold no path of the machine: Redocly quotes
 * the absolute path of a missing file, which is given here relative to the working directory.
 */
function unresolvedReason(message: string): string {
  const missing = /ENOENT[^']*'([^']+)'/.exec(message)?.[1];
  if (missing !== undefined) return `no file ${path.relative(process.cwd(), missing) || missing}`;
  if (/fetch failed/i.test(message)) return "the URL could not be fetched";
  return message.replace(UNRESOLVED, "").replace(/^:\s*/, "") || message;
}
