import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GENERATED_HEADER, orderDocument, serializeSpec } from "../../src/reconstruct/serialize.js";

describe("serializeSpec", () => {
  const shuffled = {
    components: {
      securitySchemes: { Z: { flows: { clientCredentials: { scopes: {}, tokenUrl: "https://t" } }, type: "oauth2" } },
      schemas: {
        Zed: { properties: { b: { type: "string" }, a: { type: "integer" } }, type: "object", required: ["b"] },
        Alpha: { type: "string", description: "d" },
      },
    },
    paths: {
      "/z": {
        post: {
          responses: {
            "200": {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Zed" } } },
              description: "ok",
            },
          },
          operationId: "p",
          tags: ["T"],
          summary: "s",
        },
        get: {
          security: [],
          responses: { "200": { description: "ok" } },
          summary: "g",
          operationId: "g",
          tags: ["T"],
          parameters: [{ schema: { type: "string" }, required: true, in: "path", name: "id" }],
        },
      },
      "/a": { get: { operationId: "a", summary: "a", tags: ["T"], responses: { "200": { description: "ok" } } } },
    },
    tags: [{ description: "d", name: "T" }],
    servers: [{ url: "https://x.test" }],
    info: { version: "1.0.0", title: "X" },
    openapi: "3.0.3",
  };

  it("orders keys canonically, keeps path order, sorts components", () => {
    const ordered = orderDocument(shuffled) as typeof shuffled;
    expect(Object.keys(ordered)).toEqual(["openapi", "info", "servers", "tags", "paths", "components"]);
    expect(Object.keys(ordered.info)).toEqual(["title", "version"]);
    expect(Object.keys(ordered.tags[0] as object)).toEqual(["name", "description"]);
    expect(Object.keys(ordered.paths)).toEqual(["/z", "/a"]);
    expect(Object.keys(ordered.paths["/z"])).toEqual(["get", "post"]);
    expect(Object.keys(ordered.paths["/z"].get)).toEqual([
      "tags",
      "summary",
      "operationId",
      "parameters",
      "responses",
      "security",
    ]);
    expect(Object.keys(ordered.paths["/z"].get.parameters[0] as object)).toEqual(["name", "in", "required", "schema"]);
    expect(Object.keys(ordered.paths["/z"].post.responses["200"])).toEqual(["description", "content"]);
    expect(Object.keys(ordered.components)).toEqual(["schemas", "securitySchemes"]);
    expect(Object.keys(ordered.components.schemas)).toEqual(["Alpha", "Zed"]);
    expect(Object.keys(ordered.components.schemas.Zed)).toEqual(["type", "required", "properties"]);
    expect(Object.keys(ordered.components.schemas.Zed.properties)).toEqual(["b", "a"]);
    expect(Object.keys(ordered.components.securitySchemes.Z.flows.clientCredentials)).toEqual(["tokenUrl", "scopes"]);
  });

  it("writes a header, round-trips, and does not depend on the input's field order", () => {
    const yaml = serializeSpec(shuffled);
    expect(yaml.startsWith(GENERATED_HEADER)).toBe(true);
    expect(parse(yaml)).toEqual(shuffled);
    // Reverse every object except the name maps whose order is the docs' order by design.
    const keepOrder = new Set(["paths", "properties"]);
    const reversed = JSON.parse(JSON.stringify(shuffled), (key, value) =>
      value && typeof value === "object" && !Array.isArray(value) && !keepOrder.has(key)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(serializeSpec(reversed)).toBe(yaml);
  });

  it("writes no anchors or aliases for repeated objects", () => {
    const shared = { $ref: "#/components/schemas/E" };
    const yaml = serializeSpec({
      openapi: "3.0.3",
      paths: {
        "/a": {
          get: {
            responses: {
              "400": { description: "x", content: { "application/json": { schema: shared } } },
              "401": { description: "y", content: { "application/json": { schema: shared } } },
            },
          },
        },
      },
    });
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml.match(/\$ref/g)).toHaveLength(2);
  });

  it("never folds long descriptions", () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const yaml = serializeSpec({ openapi: "3.0.3", info: { title: "t", version: "1", description: long } });
    expect(yaml).toContain(`description: ${long}\n`);
  });
});
