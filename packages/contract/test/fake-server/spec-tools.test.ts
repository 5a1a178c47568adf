import { componentRefRewriter, toJsonSchema } from "@onelogin-mfa/generator/json-schema";
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/spec/ajv.js";
import { documentedStatuses, loadSpec, responseFor } from "../../src/spec/load-spec.js";
import { buildOperationSchemas } from "../../src/spec/operation-schemas.js";
import { expectationFor } from "../../src/spec/response-policy.js";

const rewrite = componentRefRewriter("");

describe("OpenAPI 3.0 → draft-07 conversion", () => {
  it("turns nullable into a null type member, also in enums", () => {
    expect(toJsonSchema({ type: "string", nullable: true, enum: ["a"] }, rewrite)).toEqual({
      type: ["string", "null"],
      enum: ["a", null],
    });
  });

  it("wraps a nullable $ref or type-less schema in anyOf with null", () => {
    expect(toJsonSchema({ $ref: "#/components/schemas/Error", nullable: true }, rewrite)).toEqual({
      anyOf: [{ $ref: "#/definitions/Error" }, { type: "null" }],
    });
    expect(toJsonSchema({ allOf: [{ type: "object" }], nullable: true }, rewrite)).toEqual({
      anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }],
    });
  });

  it("converts boolean exclusive bounds to the numeric form", () => {
    expect(
      toJsonSchema(
        { type: "integer", minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
        rewrite,
      ),
    ).toEqual({
      type: "integer",
      exclusiveMinimum: 0,
      maximum: 9,
    });
  });

  it("drops OpenAPI-only keywords and extensions but keeps properties that share their names", () => {
    const converted = toJsonSchema(
      {
        type: "object",
        example: { a: 1 },
        "x-internal": true,
        properties: { example: { type: "string", readOnly: true }, nullable: { type: "boolean" } },
      },
      rewrite,
    );
    expect(converted).toEqual({
      type: "object",
      properties: { example: { type: "string" }, nullable: { type: "boolean" } },
    });
  });

  it("refuses refs outside components.schemas", () => {
    expect(() => toJsonSchema({ $ref: "#/paths/x" }, rewrite)).toThrow(/unsupported schema \$ref/);
  });
});

describe("the repository spec as the fake reads it", () => {
  const spec = loadSpec();

  it("indexes the seven MFA operations by operationId, method and path", () => {
    const summary = spec.operations.map((op) => `${op.operationId} ${op.method} ${op.pathTemplate}`).sort();
    expect(summary).toEqual([
      "activate_mfa_factors POST /api/1/users/{user_id}/otp_devices/{device_id}/trigger",
      "enroll_mfa_factor POST /api/1/users/{user_id}/otp_devices",
      "generate_mf_atoken POST /api/1/users/{user_id}/mfa_token",
      "get_enrolled_factors GET /api/1/users/{user_id}/otp_devices",
      "get_mfa_factors GET /api/1/users/{user_id}/auth_factor",
      "remove_mfa_factors DELETE /api/1/users/{user_id}/otp_devices/{device_id}",
      "verify_mfa_factor POST /api/1/users/{user_id}/otp_devices/{device_id}/verify",
    ]);
    expect(spec.operations.every((op) => op.requiresAuth)).toBe(true);
  });

  it("reads documented statuses, with 404 only on get_mfa_factors", () => {
    const withNotFound = spec.operations
      .filter((op) => documentedStatuses(op).includes(404))
      .map((op) => op.operationId);
    expect(withNotFound).toEqual(["get_mfa_factors"]);
    const remove = spec.operation("remove_mfa_factors");
    expect(remove && responseFor(remove, 200)?.mediaType).toBeUndefined();
  });

  it("tolerates exactly 400 and 401 where an operation documents no error, and nothing else", () => {
    const generate = spec.operation("generate_mf_atoken");
    if (generate === undefined) throw new Error("generate_mf_atoken missing from spec");
    expect(expectationFor(spec, generate, 200).kind).toBe("documented");
    expect(expectationFor(spec, generate, 401).kind).toBe("tolerated");
    expect(expectationFor(spec, generate, 400).kind).toBe("tolerated");
    expect(expectationFor(spec, generate, 404).kind).toBe("undocumented");
    expect(expectationFor(spec, generate, 500).kind).toBe("undocumented");
  });

  it("builds self-contained draft-07 schemas per operation and status, null for no body", () => {
    const schemas = buildOperationSchemas(spec);
    expect(Object.keys(schemas).sort()).toEqual(spec.operations.map((op) => op.operationId).sort());
    expect(schemas.remove_mfa_factors?.responses["200"]).toBeNull();
    expect(schemas.get_enrolled_factors?.requestBody).toBeNull();
    // A fresh ajv with nothing registered must compile each one: no dangling refs.
    const ajv = createAjv();
    for (const entry of Object.values(schemas)) {
      for (const schema of [entry.requestBody, ...Object.values(entry.responses)]) {
        if (schema === null) continue;
        expect(schema).toMatchObject({
          $schema: "http://json-schema.org/draft-07/schema#",
          definitions: expect.any(Object),
        });
        expect(() => ajv.compile(schema)).not.toThrow();
      }
    }
    const notFound = ajv.compile(schemas.get_mfa_factors?.responses["404"] ?? false);
    expect(notFound({ code: 404, message: "User not found" })).toBe(true);
    expect(notFound({ code: "404", message: "User not found" })).toBe(false);
  });
});
