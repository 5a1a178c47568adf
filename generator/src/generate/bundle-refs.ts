import path from "node:path";
import { InputError } from "../diagnostics.js";
import type { LoadedSpec, OpenApiDocument } from "./load-spec.js";

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
  const { bundle } = await bundleFromString({ source: spec.text, absoluteRef: path.resolve(spec.file), config }).catch(
    (error: unknown) => {
      // Redocly throws plain errors (a stack, no place) for a $ref chain that loops through files.
      const message = error instanceof Error ? error.message : String(error);
      const why = /circular/i.test(message)
        ? "a chain of $refs through other files leads back to itself, so it never reaches a value"
        : message;
      throw new InputError([{ severity: "error", file, message: `cannot bundle external $refs: ${why}` }]);
    },
  );
  return { ...spec, document: bundle.parsed as OpenApiDocument };
}
