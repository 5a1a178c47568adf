import type { OpenApiDocument, OperationObject, SchemaObject, SecuritySchemeObject } from "./openapi-types.js";
import { toOpenApiOperation } from "./operation-to-openapi.js";
import type { ApiPageDoc, AuthKind, ModelPageDoc, OperationDoc } from "./page-model.js";
import type { DiagnosticLog, FileReporter } from "./reporter.js";
import { toOpenApiSchema } from "./schema-to-openapi.js";
import { toSecurityScheme } from "./security.js";

/** The OpenAPI version this stage writes. */
export const OPENAPI_VERSION = "3.0.3";

/**
 * Assembles the document from parsed pages. `pages` must already be in file-name order:
 * tags and paths follow it (a path sits where its first operation is listed), so the
 * output order is the docs' order and does not depend on the file system.
 * `models` maps component names to model pages.
 */
export function buildDocument(
  pages: readonly ApiPageDoc[],
  models: ReadonlyMap<string, ModelPageDoc>,
  log: DiagnosticLog,
): OpenApiDocument {
  const rootServer = pages[0]?.server ?? "/";
  const schemas: Record<string, SchemaObject> = {};
  for (const [name, model] of models) {
    const reporter = log.forFile(model.file);
    if (model.className !== name)
      reporter.warn(
        1,
        `model page title names class "${model.className}" but the file is "${name}.md"; the file name is used`,
      );
    schemas[name] = toOpenApiSchema(model.schema, reporter);
  }

  const document: OpenApiDocument = {
    openapi: OPENAPI_VERSION,
    info: { title: `${pages.map((page) => page.tag).join(", ")} API`, version: "1.0.0" },
    servers: [{ url: rootServer }],
    tags: [],
    paths: {},
    components: { schemas },
  };
  const operationIds = new Map<string, string>();
  const schemes = new SchemeRegistry();

  for (const page of pages) {
    const reporter = log.forFile(page.file);
    if (!document.tags.some((tag) => tag.name === page.tag))
      document.tags.push({ name: page.tag, ...(page.tagDescription ? { description: page.tagDescription } : {}) });
    for (const operation of page.operations) {
      schemes.learn(operation, page.server, reporter);
      const mapped = toOpenApiOperation(operation, {
        reporter,
        tag: page.tag,
        addRequestComponent: (wanted, schema, line) => {
          const name = freeName(wanted, schemas);
          if (name !== wanted)
            reporter.warn(
              line,
              `component name ${wanted} is taken; the request body of ${operation.operationId} is named ${name}`,
            );
          schemas[name] = schema;
          return name;
        },
        securityFor: (op) => schemes.requirementFor(op, reporter),
      });
      if (page.server !== rootServer) mapped.servers = [{ url: page.server }];
      addOperation(document, operation, mapped, operationIds, reporter);
    }
  }
  const securitySchemes = schemes.schemes();
  if (Object.keys(securitySchemes).length > 0) document.components.securitySchemes = securitySchemes;
  return document;
}

function addOperation(
  document: OpenApiDocument,
  operation: OperationDoc,
  mapped: OperationObject,
  operationIds: Map<string, string>,
  reporter: FileReporter,
): void {
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const pathItem = document.paths[operation.path] ?? {};
  document.paths[operation.path] = pathItem;
  const existing = pathItem[operation.method];
  if (existing) {
    // The generator repeats an operation on the page of each of its tags.
    if (existing.operationId === mapped.operationId) {
      for (const tag of mapped.tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
      return;
    }
    reporter.error(
      operation.line,
      `${where} is documented twice, as ${existing.operationId} and ${mapped.operationId}`,
    );
    return;
  }
  const seenAt = operationIds.get(mapped.operationId);
  if (seenAt) {
    reporter.error(operation.line, `operationId ${mapped.operationId} is used by both ${seenAt} and ${where}`);
    return;
  }
  operationIds.set(mapped.operationId, where);
  pathItem[operation.method] = mapped;
}

/** `wanted`, or `wanted2`, `wanted3`… whichever is not yet a component. */
function freeName(wanted: string, taken: Record<string, unknown>): string {
  if (!(wanted in taken)) return wanted;
  let counter = 2;
  while (`${wanted}${counter}` in taken) counter++;
  return `${wanted}${counter}`;
}

/** Security schemes as the Example sections describe them, checked for consistency. */
class SchemeRegistry {
  private readonly known = new Map<string, { kind: AuthKind; scheme: SecuritySchemeObject }>();

  learn(operation: OperationDoc, server: string, reporter: FileReporter): void {
    for (const [name, kind] of operation.authKinds) {
      const seen = this.known.get(name);
      if (seen) {
        if (JSON.stringify(seen.kind) !== JSON.stringify(kind))
          reporter.warn(
            operation.line,
            `security scheme ${name} is described as ${kind.kind} here but as ${seen.kind.kind} before; the first is kept`,
          );
        continue;
      }
      const built = toSecurityScheme(name, kind, server);
      if (built.assumption) reporter.warn(operation.line, built.assumption);
      this.known.set(name, { kind, scheme: built.scheme });
    }
  }

  requirementFor(operation: OperationDoc, reporter: FileReporter): Record<string, string[]>[] | undefined {
    if (!operation.security) return undefined;
    const requirements: Record<string, string[]>[] = [];
    for (const name of operation.security) {
      if (this.known.has(name)) requirements.push({ [name]: [] });
      else
        reporter.warn(
          operation.line,
          `Authorization names ${name}, but no Example bullet says what kind of scheme it is; left out`,
        );
    }
    // All named schemes dropped: saying nothing beats claiming "no authorization".
    return operation.security.length > 0 && requirements.length === 0 ? undefined : requirements;
  }

  schemes(): Record<string, SecuritySchemeObject> {
    return Object.fromEntries([...this.known].map(([name, entry]) => [name, entry.scheme]));
  }
}
