import { type ChangeList, listed } from "./changes.js";
import { classifySchema } from "./classify-schema.js";
import type {
  EngineContent,
  EngineDiff,
  EngineEndpoint,
  EngineOperation,
  EngineParameters,
  EngineRequestBody,
  EngineResponses,
  EngineSecurityRequirements,
} from "./engine-tree.js";

/**
 * Classifies the engine's operation-level findings: operations added, removed and changed, with
 * their parameters, request bodies, responses and security requirements.
 */
export function classifyOperations(diff: EngineDiff, out: ChangeList): void {
  for (const endpoint of diff.newEndpoints ?? []) {
    out.add(
      "minor",
      "operation-added",
      operationTokens(endpoint.pathUrl, endpoint.method),
      `Added the operation ${endpointName(endpoint)}.`,
    );
  }
  for (const endpoint of diff.missingEndpoints ?? []) {
    out.add(
      "major",
      "operation-removed",
      operationTokens(endpoint.pathUrl, endpoint.method),
      `Removed the operation ${endpointName(endpoint)}.`,
    );
  }
  for (const operation of diff.changedOperations ?? []) classifyOperation(operation, out);
}

function classifyOperation(op: EngineOperation, out: ChangeList): void {
  const at = operationTokens(op.pathUrl, op.httpMethod);
  const name = op.newOperation?.operationId ?? op.oldOperation?.operationId ?? `${op.httpMethod} ${op.pathUrl}`;
  if (op.operationId?.different) {
    out.add(
      "major",
      "operation-renamed",
      [...at, "operationId"],
      `Renamed the operation \`${op.operationId.left ?? "(none)"}\` to \`${op.operationId.right ?? "(none)"}\` (${op.httpMethod} ${op.pathUrl}).`,
    );
  }
  if (op.summary?.different) out.add("patch", "summary-changed", [...at, "summary"], `Changed the summary of ${name}.`);
  if (op.description?.different)
    out.add("patch", "description-changed", [...at, "description"], `Changed the description of ${name}.`);
  if (op.deprecated)
    out.add("patch", "deprecated-changed", [...at, "deprecated"], `Changed whether ${name} is deprecated.`);
  classifyParameters(op.parameters, at, name, out);
  classifyRequestBody(op.requestBody, at, name, out);
  classifyResponses(op.apiResponses, at, name, out);
  classifySecurity(op.securityRequirements, at, name, out);
}

function classifyParameters(
  params: EngineParameters | undefined,
  at: readonly string[],
  name: string,
  out: ChangeList,
): void {
  if (!params?.different) return;
  for (const p of params.missing ?? []) {
    out.add(
      "major",
      "parameter-removed",
      [...at, "parameters", p.in, p.name],
      `Removed the ${p.in} parameter \`${p.name}\` from ${name}.`,
    );
  }
  for (const p of params.increased ?? []) {
    const tokens = [...at, "parameters", p.in, p.name];
    if (p.required)
      out.add(
        "major",
        "required-parameter-added",
        tokens,
        `Added the required ${p.in} parameter \`${p.name}\` to ${name}.`,
      );
    else
      out.add(
        "minor",
        "optional-parameter-added",
        tokens,
        `Added the optional ${p.in} parameter \`${p.name}\` to ${name}.`,
      );
  }
  for (const p of params.changed ?? []) {
    if (!p.different) continue;
    const tokens = [...at, "parameters", p.in, p.name];
    const label = `the ${p.in} parameter \`${p.name}\` of ${name}`;
    if (p.changeRequired) {
      if (p.newParameter?.required) out.add("major", "parameter-made-required", tokens, `Made ${label} required.`);
      else out.add("minor", "parameter-made-optional", tokens, `Made ${label} optional.`);
    }
    // How the client puts a value on the wire; the consumer's call is unchanged.
    if (p.changeStyle || p.changeExplode || p.changeAllowEmptyValue) {
      out.add("patch", "parameter-serialization-changed", tokens, `Changed how ${label} is serialised.`);
    }
    if (p.deprecated)
      out.add("patch", "deprecated-changed", [...tokens, "deprecated"], `Changed whether ${label} is deprecated.`);
    if (p.description?.different)
      out.add("patch", "description-changed", [...tokens, "description"], `Changed the description of ${label}.`);
    if (p.example?.different || p.examples?.different)
      out.add("patch", "example-changed", [...tokens, "example"], `Changed the example of ${label}.`);
    classifySchema(p.schema, { tokens: [...tokens, "schema"], of: label, path: [], direction: "request" }, out);
    classifyContent(p.content, [...tokens, "content"], label, "request", out);
  }
}

function classifyRequestBody(
  body: EngineRequestBody | undefined,
  at: readonly string[],
  name: string,
  out: ChangeList,
): void {
  if (!body?.different) return;
  const tokens = [...at, "requestBody"];
  const label = `the request body of ${name}`;
  if (body.changeRequired) {
    if (body.newRequestBody?.required)
      out.add("major", "request-body-made-required", tokens, `Made ${label} required.`);
    else out.add("minor", "request-body-made-optional", tokens, `Made ${label} optional.`);
  }
  if (body.description?.different)
    out.add("patch", "description-changed", [...tokens, "description"], `Changed the description of ${label}.`);
  classifyContent(body.content, [...tokens, "content"], label, "request", out);
}

function classifyResponses(
  responses: EngineResponses | undefined,
  at: readonly string[],
  name: string,
  out: ChangeList,
): void {
  if (!responses?.different) return;
  for (const status of Object.keys(responses.missing ?? {}).sort()) {
    out.add("major", "response-removed", [...at, "responses", status], `Removed the ${status} response of ${name}.`);
  }
  for (const status of Object.keys(responses.increased ?? {}).sort()) {
    out.add("minor", "response-added", [...at, "responses", status], `Added a ${status} response to ${name}.`);
  }
  for (const [status, response] of Object.entries(responses.changed ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!response.different) continue;
    const tokens = [...at, "responses", status];
    const label = `the ${status} response of ${name}`;
    if (response.description?.different)
      out.add("patch", "description-changed", [...tokens, "description"], `Changed the description of ${label}.`);
    const headers = response.headers;
    if (headers?.different) {
      for (const header of Object.keys(headers.missing ?? {}).sort()) {
        out.add(
          "major",
          "response-header-removed",
          [...tokens, "headers", header],
          `Removed the \`${header}\` header from ${label}.`,
        );
      }
      for (const header of Object.keys(headers.increased ?? {}).sort()) {
        out.add(
          "minor",
          "response-header-added",
          [...tokens, "headers", header],
          `Added the \`${header}\` header to ${label}.`,
        );
      }
      for (const [header, changed] of Object.entries(headers.changed ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const headerLabel = `the \`${header}\` header of ${label}`;
        const headerTokens = [...tokens, "headers", header];
        if (changed.description?.different)
          out.add(
            "patch",
            "description-changed",
            [...headerTokens, "description"],
            `Changed the description of ${headerLabel}.`,
          );
        if (changed.deprecated)
          out.add(
            "patch",
            "deprecated-changed",
            [...headerTokens, "deprecated"],
            `Changed whether ${headerLabel} is deprecated.`,
          );
        if (changed.required)
          out.add(
            changed.incompatible ? "major" : "minor",
            "response-header-required-changed",
            headerTokens,
            `Changed whether ${headerLabel} is always sent.`,
          );
        classifySchema(
          changed.schema,
          { tokens: [...headerTokens, "schema"], of: headerLabel, path: [], direction: "response" },
          out,
        );
        classifyContent(changed.content, [...headerTokens, "content"], headerLabel, "response", out);
      }
    }
    classifyContent(response.content, [...tokens, "content"], label, "response", out);
  }
}

function classifyContent(
  content: EngineContent | undefined,
  at: readonly string[],
  label: string,
  direction: "request" | "response",
  out: ChangeList,
): void {
  if (!content?.different) return;
  const request = direction === "request";
  for (const type of Object.keys(content.missing ?? {}).sort()) {
    out.add("major", "media-type-removed", [...at, type], `Removed the \`${type}\` media type from ${label}.`);
  }
  for (const type of Object.keys(content.increased ?? {}).sort()) {
    // A new request media type is a new way to call; a new response one is output the client must decode.
    out.add(
      request ? "minor" : "major",
      "media-type-added",
      [...at, type],
      `Added the \`${type}\` media type to ${label}.`,
    );
  }
  for (const [type, media] of Object.entries(content.changed ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!media.different) continue;
    const tokens = [...at, type];
    if (media.example?.different || media.examples?.different)
      out.add("patch", "example-changed", [...tokens, "example"], `Changed the example of ${label}.`);
    classifySchema(media.schema, { tokens: [...tokens, "schema"], of: label, path: [], direction }, out);
  }
}

function classifySecurity(
  security: EngineSecurityRequirements | undefined,
  at: readonly string[],
  name: string,
  out: ChangeList,
): void {
  if (!security?.different) return;
  const tokens = [...at, "security"];
  // A consumer must now hold a credential (or scope) it may not have: major. Fewer demands: minor.
  for (const requirement of security.increased ?? []) {
    out.add("major", "security-requirement-added", tokens, `${name} now requires ${requirementWords(requirement)}.`);
  }
  for (const requirement of security.missing ?? []) {
    out.add(
      "minor",
      "security-requirement-removed",
      tokens,
      `${name} no longer requires ${requirementWords(requirement)}.`,
    );
  }
  for (const changed of security.changed ?? []) {
    if (changed.increased)
      out.add(
        "major",
        "security-requirement-added",
        tokens,
        `${name} now requires ${requirementWords(changed.increased)}.`,
      );
    if (changed.missing)
      out.add(
        "minor",
        "security-requirement-removed",
        tokens,
        `${name} no longer requires ${requirementWords(changed.missing)}.`,
      );
    for (const scheme of changed.changed ?? []) {
      const scopes = scheme.changedScopes;
      if (scopes?.increased?.length)
        out.add(
          "major",
          "security-scope-added",
          tokens,
          `${name} now requires the scope(s) ${listed(scopes.increased)}.`,
        );
      if (scopes?.missing?.length)
        out.add(
          "minor",
          "security-scope-removed",
          tokens,
          `${name} no longer requires the scope(s) ${listed(scopes.missing)}.`,
        );
      if (scheme.changedType || scheme.changedIn || scheme.changedScheme || scheme.changedBearerFormat) {
        out.add("major", "security-scheme-changed", tokens, `Changed how ${name} authenticates.`);
      }
      if (scheme.description?.different)
        out.add("patch", "description-changed", tokens, `Changed the description of a security scheme of ${name}.`);
    }
  }
}

function requirementWords(requirement: Record<string, string[]>): string {
  const names = Object.keys(requirement).sort();
  return names.length === 0 ? "nothing" : names.map((n) => `\`${n}\``).join(" and ");
}

/** JSON pointer tokens of an operation: `paths`, the path, the lower-case method. */
export function operationTokens(pathUrl: string, method: string): string[] {
  return ["paths", pathUrl, method.toLowerCase()];
}

function endpointName(endpoint: EngineEndpoint): string {
  const id = endpoint.operation?.operationId;
  return id ? `\`${id}\` (${endpoint.method} ${endpoint.pathUrl})` : `${endpoint.method} ${endpoint.pathUrl}`;
}
