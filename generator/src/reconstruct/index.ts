import { type Diagnostic, InputError } from "../diagnostics.js";
import { buildDocument } from "./build-document.js";
import { loadDocs } from "./load-docs.js";
import type { OpenApiDocument } from "./openapi-types.js";
import { applyOverlay, loadOverlay } from "./overlay.js";
import { DiagnosticLog } from "./reporter.js";
import { serializeSpec } from "./serialize.js";

export type { OpenApiDocument } from "./openapi-types.js";
export { serializeSpec } from "./serialize.js";

/** Options for {@link reconstructSpec}. */
export interface ReconstructOptions {
  /** The docs folder: `apis/tags/*.md` and `models/*.md` below it. */
  docsDir: string;
  /** An OpenAPI Overlay 1.0 file applied after reconstruction. */
  overlayPath?: string;
}

/** What {@link reconstructSpec} produces. */
export interface ReconstructResult {
  /** The OpenAPI 3.0.3 document (overlay applied). */
  document: OpenApiDocument;
  /** `document` serialised exactly as `pnpm reconstruct` writes it. */
  yaml: string;
  /** Constructs the tool skipped or guessed at, with file and line. */
  warnings: Diagnostic[];
}

/** Bad input: the errors, plus the warnings found on the way (useful context when fixing the docs). */
export class ReconstructError extends InputError {
  readonly warnings: readonly Diagnostic[];

  constructor(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]) {
    super(errors);
    this.name = "ReconstructError";
    this.warnings = warnings;
  }
}

/**
 * Rebuilds the OpenAPI document from the Python SDK's Markdown reference docs, without
 * writing anything. Throws {@link ReconstructError} (an InputError) listing every error
 * with file and line when the docs cannot be read faithfully.
 */
export async function reconstructSpec(options: ReconstructOptions): Promise<ReconstructResult> {
  const log = new DiagnosticLog();
  const overlay = options.overlayPath === undefined ? undefined : await loadOverlay(options.overlayPath, log);
  const { pages, models } = await loadDocs(options.docsDir, log);
  failOnErrors(log);
  let document = buildDocument(pages, models, log);
  failOnErrors(log);
  if (overlay) {
    document = applyOverlay(document, overlay, log);
    failOnErrors(log);
  }
  return { document, yaml: serializeSpec(document), warnings: [...log.warnings] };
}

function failOnErrors(log: DiagnosticLog): void {
  if (log.errors.length > 0) throw new ReconstructError(log.errors, log.warnings);
}
