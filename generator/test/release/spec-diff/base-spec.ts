/**
 * A small OpenAPI document covering what the spec-diff table changes: path, query and header
 * parameters, a request body with an enum, responses with required and optional properties, a
 * shared component, security requirements, a server variable and tags. Each test row edits a
 * fresh copy.
 */
export function baseSpec(): Spec {
  return {
    openapi: "3.0.3",
    info: { title: "Factors API", version: "1.0.0", description: "Manage MFA factors." },
    servers: [{ url: "https://{subdomain}.example.com", variables: { subdomain: { default: "api" } } }],
    tags: [{ name: "Factors", description: "MFA factors." }],
    paths: {
      "/users/{user_id}/factors": {
        get: {
          tags: ["Factors"],
          operationId: "get_factors",
          summary: "List factors",
          description: "Lists a user's factors.",
          parameters: [
            { name: "user_id", in: "path", required: true, schema: { type: "integer" } },
            { name: "limit", in: "query", required: false, description: "Page size.", schema: { type: "integer" } },
          ],
          security: [{ bearer: [] }],
          responses: {
            "200": {
              description: "The factors.",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Factor" } },
                  example: [{ id: 1, status: "active", name: "Phone" }],
                },
              },
            },
            "404": {
              description: "No such user.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
        post: {
          tags: ["Factors"],
          operationId: "enroll_factor",
          summary: "Enroll a factor",
          parameters: [{ name: "user_id", in: "path", required: true, schema: { type: "integer" } }],
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["factor_id"],
                  properties: {
                    factor_id: { type: "integer" },
                    display_name: { type: "string", maxLength: 64 },
                    kind: { type: "string", enum: ["sms", "totp"] },
                  },
                },
              },
            },
          },
          responses: {
            "201": {
              description: "Enrolled.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Factor" } } },
            },
            "400": {
              description: "Bad request.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Factor: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "integer", description: "The factor's id." },
            status: { type: "string", enum: ["active", "pending"] },
            name: { type: "string" },
          },
        },
        Error: {
          type: "object",
          properties: { code: { type: "integer" }, message: { type: "string" } },
        },
      },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
    },
  };
}

/** A spec as plain JSON, edited freely by the test rows. */
// biome-ignore lint/suspicious/noExplicitAny: test rows reach anywhere into the document.
export type Spec = Record<string, any>;

export const FACTORS = "/users/{user_id}/factors";
