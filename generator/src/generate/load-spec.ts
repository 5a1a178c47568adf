import { readFile } from "node:fs/promises";
import path from "node:path";
import type { getLineColLocation, NormalizedProblem } from "@redocly/openapi-core";

type LineColOf = typeof getLineColLocation;

import { parseDocument } from "yaml";
import { type Diagnostic, InputError } from "../diagnostics.js";

/** A parsed and validated OpenAPI document with the file it came from. */
export interface LoadedSpec {
  file: string;
  /** The file's text, exactly as read. */
  text: string;
  document: OpenApiDocument;
}

/** The slice of OpenAPI 3.x the generator reads; everything else passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info: { title?: string; version?: string; [key: string]: unknown };
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

/**
 * Rules that make a document unusable for generation. Style rules are Redocly lint's job
 * in the tests; here only what breaks code generation stops the run.
 */
const VALIDITY_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "path-parameters-defined": "error",
  "operation-operationId-unique": "error",
  "operation-parameters-unique": "error",
  "no-identical-paths": "error",
  "path-declaration-must-exist": "error",
  "no-enum-type-mismatch": "error",
  "spec-components-invalid-map-name": "error",
  "no-server-variables-empty-enum": "error",
} as const;

/**
 * Reads and parses a spec without validating it (cheap: no OpenAPI tooling is loaded). Throws
 * InputError naming file and line for unreadable files, undecodable bytes and YAML syntax errors.
 */
export async function readSpec(file: string): Promise<LoadedSpec> {
  const shown = shownPath(file);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([
      { severity: "error", file: shown, message: `cannot read spec: ${error.code ?? error.message}` },
    ]);
  });
  const text = decodeUtf8(bytes, shown);
  return { file, text, document: parseYamlOrJson(text, shown) };
}

/** Validates a parsed spec against the OpenAPI rules generation depends on. */
export async function validateSpec(spec: LoadedSpec): Promise<void> {
  await validate(spec.text, path.resolve(spec.file), shownPath(spec.file));
}

function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Find the first undecodable byte so the message can name its line.
    let line = 1;
    for (let i = 0; i < bytes.length; i++) {
      const slice = bytes.subarray(0, i + 1);
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(slice, { stream: true });
      } catch {
        break;
      }
      if (bytes[i] === 0x0a) line++;
    }
    throw new InputError([{ severity: "error", file, line, message: "file is not valid UTF-8" }]);
  }
}

function parseYamlOrJson(text: string, file: string): OpenApiDocument {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const errors = doc.errors;
  if (errors.length > 0) {
    throw new InputError(
      errors.map((error) => ({
        severity: "error",
        file,
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        message: `invalid YAML: ${error.message.split("\n")[0]}`,
      })),
    );
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError([{ severity: "error", file, line: 1, message: "spec must be a YAML or JSON object" }]);
  }
  const root = value as Record<string, unknown>;
  if (typeof root.openapi !== "string" || !/^3\.[01]\.\d+$/.test(root.openapi)) {
    throw new InputError([
      {
        severity: "error",
        file,
        line: 1,
        pointer: "/openapi",
        message: "only OpenAPI 3.0.x and 3.1.x documents are supported",
      },
    ]);
  }
  return value as OpenApiDocument;
}

async function validate(text: string, absoluteRef: string, file: string): Promise<void> {
  // Loaded on first use: it is the heaviest import here, and reading alone does not need it.
  const { createConfig, getLineColLocation, lintFromString } = await import("@redocly/openapi-core");
  const config = await createConfig({ rules: VALIDITY_RULES }, { configPath: undefined });
  const problems = await lintFromString({ source: text, absoluteRef, config });
  // Specification extensions (`x-…`) are free-form for generation purposes; Redocly types a
  // few of them (x-code-samples, …) for its own tools, which must not block generating a client.
  const errors = problems.filter((p) => p.severity === "error" && !insideExtension(p.location[0]?.pointer));
  if (errors.length > 0) {
    throw new InputError(errors.map((p) => toDiagnostic(p, file, absoluteRef, getLineColLocation)));
  }
}

function toDiagnostic(
  problem: NormalizedProblem,
  file: string,
  absoluteRef: string,
  getLineColLocation: LineColOf,
): Diagnostic {
  const location = problem.location[0];
  if (!location) return { severity: "error", file, message: `${problem.message} [${problem.ruleId}]` };
  const { start } = getLineColLocation(location);
  const source = location.source.absoluteRef;
  return {
    severity: "error",
    file: source === absoluteRef ? file : path.relative(process.cwd(), source),
    line: start.line,
    column: start.col,
    pointer: decodeURIComponent((location.pointer ?? "#").replace(/^#/, "")),
    message: `${problem.message} [${problem.ruleId}]`,
  };
}

function insideExtension(pointer: string | undefined): boolean {
  return pointer !== undefined && /\/x-[^/]*(\/|$)/.test(pointer);
}
