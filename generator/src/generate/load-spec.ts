import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Loc, LocationObject, NormalizedProblem } from "@redocly/openapi-core";
import { type Diagnostic, InputError, toPointer } from "../diagnostics.js";
import { MAX_NESTING, parseDataText } from "./parse-data-file.js";
import { pointerPositions, withLines } from "./pointer-line.js";
import { hasHazardousKeys, shieldKeys, unshieldText } from "./prototype-keys.js";

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
 * Redocly's lint rules, as advice only: validate-document.ts decides what is refused (the
 * official OpenAPI schema, and what no client can be generated from). These catch valid but
 * doubtful constructs, such as an enum value of the wrong type, and print as warnings.
 */
const ADVISORY_RULES = {
  struct: "warn",
  "no-identical-paths": "warn",
  "no-enum-type-mismatch": "warn",
  "spec-components-invalid-map-name": "warn",
  "no-server-variables-empty-enum": "warn",
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
  const value = parseDataText(text, file, shown);
  let document: OpenApiDocument;
  try {
    document = checkOpenApiRoot(value, shown);
  } catch (error) {
    throw withLines(error, text);
  }
  const tooDeep = firstTooDeep(document);
  if (tooDeep !== undefined)
    throw withLines(
      new InputError([
        {
          severity: "error",
          file: shown,
          pointer: toPointer(tooDeep),
          message: `the document nests more than ${MAX_NESTING} levels deep here; published API descriptions stay under 40, so flatten it (name the inner schemas in components and refer to them)`,
        },
      ]),
      text,
    );
  return { file, text, document };
}

export { MAX_NESTING } from "./parse-data-file.js";

/** The path to the first value nested deeper than MAX_NESTING, found without recursion. */
function firstTooDeep(root: unknown): string[] | undefined {
  interface Entry {
    value: unknown;
    depth: number;
    key: string;
    parent: Entry | undefined;
  }
  const stack: Entry[] = [{ value: root, depth: 0, key: "", parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.value === null || typeof entry.value !== "object") continue;
    if (entry.depth >= MAX_NESTING) {
      const at: string[] = [];
      for (let step: Entry | undefined = entry; step?.parent; step = step.parent) at.unshift(step.key);
      return at;
    }
    for (const [key, value] of Object.entries(entry.value))
      stack.push({ value, depth: entry.depth + 1, key, parent: entry });
  }
  return undefined;
}

/**
 * Lints a spec that validate-document.ts accepted; returns warnings, never throws for the
 * document's sake. Redocly's walker fails on some valid documents (a property named
 * `hasOwnProperty`), and then one warning says the lint was skipped.
 */
export async function lintSpec(spec: LoadedSpec): Promise<Diagnostic[]> {
  const file = shownPath(spec.file);
  try {
    if (!hasHazardousKeys(spec.document)) return await lint(spec.text, path.resolve(spec.file), file);
    // Lint a shielded copy, then place each finding by its pointer in the original text.
    const copy = JSON.stringify(shieldKeys(spec.document), null, 1);
    const found = await lint(copy, path.resolve(spec.file), file);
    const locate = pointerPositions(spec.text);
    return found.map(({ line: _line, column: _column, ...d }) => {
      const pointer = d.pointer === undefined ? undefined : unshieldText(d.pointer);
      const line = pointer === undefined ? undefined : locate(pointer)?.line;
      return {
        ...d,
        message: unshieldText(d.message),
        ...(pointer !== undefined && { pointer }),
        ...(line !== undefined && { line }),
      };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ severity: "warning", file, message: `lint skipped: Redocly could not walk this document (${reason})` }];
  }
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

function checkOpenApiRoot(value: unknown, file: string): OpenApiDocument {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError([{ severity: "error", file, line: 1, message: "spec must be a YAML or JSON object" }]);
  }
  const root = value as Record<string, unknown>;
  if (typeof root.openapi !== "string" || !/^3\.[01]\.\d+$/.test(root.openapi)) {
    const swagger = root.openapi === undefined && root.swagger !== undefined;
    const found =
      root.openapi !== undefined
        ? `it says openapi: ${JSON.stringify(root.openapi)}`
        : swagger
          ? `it is a Swagger ${JSON.stringify(root.swagger)} document; convert it to OpenAPI 3.0 first (for example with swagger2openapi)`
          : "it has no openapi field";
    throw new InputError([
      {
        severity: "error",
        file,
        ...(root.openapi === undefined && !swagger && { line: 1 }),
        pointer: swagger ? "/swagger" : root.openapi === undefined ? "" : "/openapi",
        message: `only OpenAPI 3.0.x and 3.1.x documents are supported, and ${found}`,
      },
    ]);
  }
  return value as OpenApiDocument;
}

async function lint(text: string, absoluteRef: string, file: string): Promise<Diagnostic[]> {
  // Loaded on first use: it is the heaviest import here, and reading alone does not need it.
  const [{ createConfig, getAstNodeByPointer, lintFromString }, { lintLocator }] = await Promise.all([
    import("@redocly/openapi-core"),
    import("./lint-locations.js"),
  ]);
  // No configPath: only our advisory rules, never a redocly.yaml found on disk.
  const config = await createConfig({ rules: ADVISORY_RULES }, {});
  const problems = await lintFromString({ source: text, absoluteRef, config });
  // Specification extensions (`x-…`) are free-form for generation purposes; Redocly types a
  // few of them (x-code-samples, …) for its own tools, which must not block generating a client.
  const locate = lintLocator(getAstNodeByPointer);
  return problems
    .filter((p) => !insideExtension(p.location[0]?.pointer))
    .map((p) => toDiagnostic(p, file, absoluteRef, locate));
}

function toDiagnostic(
  problem: NormalizedProblem,
  file: string,
  absoluteRef: string,
  locate: (location: LocationObject) => Loc,
): Diagnostic {
  const location = problem.location[0];
  if (!location) return { severity: "warning", file, message: `${problem.message} [${problem.ruleId}]` };
  const start = locate(location);
  const source = location.source.absoluteRef;
  return {
    severity: "warning",
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
