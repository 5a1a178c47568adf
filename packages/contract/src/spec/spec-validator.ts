import { componentRefRewriter, convertComponentSchemas, toJsonSchema } from "@onelogin-mfa/generator/json-schema";
import type { Ajv, ValidateFunction } from "ajv";
import { createAjv, describeAjvErrors } from "./ajv.js";
import { resolveRefs } from "./load-spec.js";
import type { LoadedSpec, OasSchema, SpecOperation, SpecResponse } from "./openapi-types.js";
import { expectationFor } from "./response-policy.js";

// The component schemas are registered once under this id; operation schemas point into it.
const COMPONENTS_ID = "openapi-components.json";

/** Result of checking path parameters: typed values plus any problems found. */
export interface PathParamCheck {
  values: Record<string, unknown>;
  problems: string[];
}

/** A response as the fake is about to send it. */
export interface OutgoingResponse {
  status: number;
  /** Parsed JSON body, or `undefined` for no body. */
  body: unknown;
}

/**
 * Validates requests and responses of one spec with ajv. All schemas are compiled
 * when the validator is created, so a spec ajv cannot handle fails at server start.
 */
export class SpecValidator {
  readonly spec: LoadedSpec;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<OasSchema, ValidateFunction>();

  constructor(spec: LoadedSpec) {
    this.spec = spec;
    this.ajv = createAjv();
    const rewrite = componentRefRewriter(COMPONENTS_ID);
    this.ajv.addSchema({ $id: COMPONENTS_ID, definitions: convertComponentSchemas(spec.componentSchemas, rewrite) });
    for (const operation of spec.operations) {
      for (const parameter of operation.parameters) if (parameter.schema) this.compile(parameter.schema);
      if (operation.requestBody?.schema) this.compile(operation.requestBody.schema);
      for (const response of operation.responses.values()) if (response.schema) this.compile(response.schema);
    }
  }

  /**
   * Converts raw (already percent-decoded) path segments to the types their schemas
   * declare, then validates them. An integer parameter given as `12abc` stays a string
   * so the schema check reports it.
   */
  checkPathParams(operation: SpecOperation, raw: Record<string, string>): PathParamCheck {
    const values: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const parameter of operation.parameters.filter((p) => p.location === "path")) {
      const text = raw[parameter.name];
      if (text === undefined || text === "") {
        problems.push(`path parameter ${parameter.name} is missing`);
        continue;
      }
      const type = parameter.schema ? resolveRefs(this.spec.document, parameter.schema).type : undefined;
      const value = coerce(text, type);
      values[parameter.name] = value;
      if (parameter.schema) problems.push(...this.check(parameter.schema, value, `path parameter ${parameter.name}`));
    }
    return { values, problems };
  }

  /** Problems with a request body (`undefined` = no body sent). */
  checkRequestBody(operation: SpecOperation, body: unknown): string[] {
    const spec = operation.requestBody;
    if (spec === undefined) return [];
    if (body === undefined) return spec.required ? ["request body is required"] : [];
    return spec.schema ? this.check(spec.schema, body, "body") : [];
  }

  /**
   * Problems with a response the fake is about to send: an undocumented status (see
   * {@link expectationFor} for the deliberate exceptions), a body where the spec has
   * none, no body where it has one, or a body that breaks the schema.
   */
  checkResponse(operation: SpecOperation, response: OutgoingResponse): string[] {
    const expectation = expectationFor(this.spec, operation, response.status);
    if (expectation.kind === "undocumented") {
      return [`status ${response.status} is not documented for ${operation.operationId}`];
    }
    return this.checkBodyAgainst(expectation.response, response.body, `response ${response.status}`);
  }

  private checkBodyAgainst(spec: SpecResponse | undefined, body: unknown, where: string): string[] {
    if (spec === undefined) return [];
    if (spec.mediaType === undefined) return body === undefined ? [] : [`${where} must have no body`];
    if (body === undefined) return [`${where} must have a ${spec.mediaType} body`];
    return spec.schema ? this.check(spec.schema, body, `${where} body`) : [];
  }

  private check(schema: OasSchema, value: unknown, where: string): string[] {
    const validate = this.compile(schema);
    return validate(value) ? [] : describeAjvErrors(validate.errors, where);
  }

  private compile(schema: OasSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(toJsonSchema(schema, componentRefRewriter(COMPONENTS_ID)));
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

function coerce(text: string, type: unknown): unknown {
  if (type === "integer" && /^-?\d+$/.test(text)) return Number(text);
  if (type === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
