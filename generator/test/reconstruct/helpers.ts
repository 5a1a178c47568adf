/** Shared helpers for the reconstruct stage's tests. */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileErrors, validate } from "@readme/openapi-parser";
import type { Diagnostic } from "../../src/diagnostics.js";
import { parseApiPage } from "../../src/reconstruct/api-page.js";
import { BlockCursor } from "../../src/reconstruct/block-cursor.js";
import { buildDocument } from "../../src/reconstruct/build-document.js";
import { parseMarkdown } from "../../src/reconstruct/markdown.js";
import type { OpenApiDocument, SchemaObject } from "../../src/reconstruct/openapi-types.js";
import type { SchemaDoc } from "../../src/reconstruct/page-model.js";
import { DiagnosticLog, PageAbort } from "../../src/reconstruct/reporter.js";
import { type PageContext, parseSchemaSection } from "../../src/reconstruct/schema-section.js";
import { toOpenApiSchema } from "../../src/reconstruct/schema-to-openapi.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const mfaDocs = path.join(repoRoot, "spec", "docs");
export const mfaOverlay = path.join(repoRoot, "spec", "overlay.yaml");
export const fixtureDocs = path.join(repoRoot, "generator", "test", "fixtures", "docs");
/** Where model links in snippets resolve to (nothing is read from here). */
export const snippetModels = path.join(repoRoot, "snippet-docs", "models");

/** A context for parsing a Markdown snippet as if it sat on an API page. */
export function snippetContext(source: string, log = new DiagnosticLog()): PageContext {
  return {
    source,
    reporter: log.forFile("snippet.md"),
    links: { pageFile: path.join(repoRoot, "snippet-docs", "apis", "tags", "Snippet.md"), modelsDir: snippetModels },
  };
}

/** Parses a `# Name` schema section snippet; returns the page model, its OpenAPI schema and the diagnostics. */
export function schemaFromSnippet(markdown: string): {
  doc: SchemaDoc;
  schema: SchemaObject;
  diagnostics: Diagnostic[];
} {
  const log = new DiagnosticLog();
  const page = parseMarkdown(markdown);
  const context = snippetContext(markdown, log);
  const { schema: doc } = parseSchemaSection(new BlockCursor(page.tree.children), context);
  const schema = toOpenApiSchema(doc, context.reporter);
  return { doc, schema, diagnostics: [...log.errors, ...log.warnings] };
}

/**
 * Reads one API page held in memory and builds the document from it alone (linked models
 * are not loaded, so their $refs dangle; these tests look at operations).
 */
export function documentFromPage(markdown: string): { document: OpenApiDocument; diagnostics: Diagnostic[] } {
  const log = new DiagnosticLog();
  const context = snippetContext(markdown, log);
  try {
    const page = parseApiPage(parseMarkdown(markdown), context.links.pageFile, context);
    const document = buildDocument([page], new Map(), log);
    return { document, diagnostics: [...log.errors, ...log.warnings] };
  } catch (error) {
    if (!(error instanceof PageAbort)) throw error;
    context.reporter.error(error.line, error.message);
    return { document: buildDocument([], new Map(), log), diagnostics: [...log.errors, ...log.warnings] };
  }
}

/** A fresh temporary folder and a function that removes it. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `reconstruct-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → text or bytes) under `root`. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** The rows every operation's Parameters table ends with (client-only options). */
export const CLIENT_ROWS = `stream | bool | default is False | if True then the response.content will be streamed
timeout | typing.Optional[typing.Union[int, typing.Tuple]] | default is None | the timeout used by the rest client
skip_deserialization | bool | default is False | when True, headers and body will be unset`;

/** A Model Type Info block for the given input types. */
export function typeInfo(inputTypes: string, description = "", notes = ""): string {
  return `## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
${inputTypes} | x | ${description} | ${notes}
`;
}

/** A Dictionary Keys block with the given rows. */
export function dictionaryKeys(rows: string): string {
  return `### Dictionary Keys
Key | Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | ------------- | -------------
${rows}
`;
}

/** The generator's `any_string_name` row allowing any extra keys. */
export const ANY_EXTRA_KEYS =
  "**any_string_name** | dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader | x | any string name can be used but the value must be the correct type | [optional]";

/** A response section with no body. */
export function emptyResponse(operationId: string, code: string): string {
  return `#### ${operationId}.ApiResponseFor${code}
Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
response | urllib3.HTTPResponse | Raw response |
body | Unset | body was not defined |
headers | Unset | headers were not defined |
`;
}

/** A Return Types table for `codes` (code → description). */
export function responsesTable(operationId: string, codes: Record<string, string>): string {
  const rows = Object.entries(codes).map(
    ([code, description]) =>
      `${code} | [ApiResponseFor${code}](#${operationId}.ApiResponseFor${code}) | ${description}`,
  );
  return `### Return Types, Responses

Code | Class | Description
------------- | ------------- | -------------
n/a | api_client.ApiResponseWithoutDeserialization | When skip_deserialization is True this response is returned
${rows.join("\n")}
`;
}

/** An API page with one operation whose section body is `section` (everything after the heading). */
export function singleOperationPage(
  operation: { id: string; method: string; path: string; summary?: string },
  section: string,
  className = "SnippetApi",
): string {
  return `<a id="__pageTop"></a>
# snippet.apis.tags.snippet_api.${className}

All URIs are relative to *https://api.snippet.test*

Method | HTTP request | Description
------------- | ------------- | -------------
[**${operation.id}**](#${operation.id}) | **${operation.method}** ${operation.path} | ${operation.summary ?? "Do it"}

# **${operation.id}**
<a id="${operation.id}"></a>
> ${operation.id}()

${operation.summary ?? "Do it"}

${section}
### Authorization

No authorization required

[[Back to top]](#__pageTop) [[Back to API list]](../../../README.md#documentation-for-api-endpoints)
`;
}

/** Validates with @readme/openapi-parser; returns its error text ("" when valid). */
export async function validatorErrors(document: object): Promise<string> {
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  return result.valid ? "" : compileErrors(result);
}

/** Result of `redocly lint --format=json`. */
export interface LintResult {
  exitCode: number;
  errors: number;
  warnings: number;
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** Lints `file` with Redocly CLI and the repo's redocly.yaml. */
export function redoclyLint(file: string): Promise<LintResult> {
  const binary = path.join(repoRoot, "generator", "node_modules", ".bin", "redocly");
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["lint", file, "--config", path.join(repoRoot, "redocly.yaml"), "--format=json"], {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const start = stdout.indexOf("{");
      if (start < 0) {
        reject(new Error(`redocly printed no JSON (exit ${code}):\n${stdout}\n${stderr}`));
        return;
      }
      const report = JSON.parse(stdout.slice(start)) as {
        totals: { errors: number; warnings: number };
        problems: LintResult["problems"];
      };
      resolve({
        exitCode: code ?? -1,
        errors: report.totals.errors,
        warnings: report.totals.warnings,
        problems: report.problems,
      });
    });
  });
}

/** Runs `pnpm reconstruct`'s entry (the generator CLI) in a child process. */
export function runReconstructCli(
  args: string[],
  cwd = repoRoot,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(repoRoot, "generator", "src", "cli.ts"), "reconstruct", ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
