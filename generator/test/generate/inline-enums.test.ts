import { describe, expect, it } from "vitest";
import { moveInlineEnumsToTypes } from "../../src/generate/inline-enums.js";

const status = { type: "string", enum: ["on", "off"] };

describe("moveInlineEnumsToTypes", () => {
  it.each([
    [
      "a property enum",
      {
        given: { components: { schemas: { A: { properties: { s: { ...status } } } } } },
        at: ["components", "schemas", "A", "properties", "s"],
        want: { type: "string", "x-sdk-ts-type": '"on" | "off"' },
      },
    ],
    [
      "a nullable array of an enum",
      {
        given: {
          components: {
            schemas: { A: { properties: { s: { type: "array", nullable: true, items: { ...status } } } } },
          },
        },
        at: ["components", "schemas", "A", "properties", "s"],
        want: {
          type: "array",
          nullable: true,
          items: { type: "string" },
          "x-sdk-ts-type": 'Array<"on" | "off"> | null',
        },
      },
    ],
    [
      "a parameter enum, typed on the parameter",
      {
        given: { paths: { "/a": { get: { parameters: [{ name: "s", in: "query", schema: { ...status } }] } } } },
        at: ["paths", "/a", "get", "parameters", "0"],
        want: { name: "s", in: "query", schema: { type: "string" }, "x-sdk-ts-type": '"on" | "off"' },
      },
    ],
    [
      "a model that is an enum (kept: it becomes an as-const object)",
      {
        given: { components: { schemas: { Status: { ...status } } } },
        at: ["components", "schemas", "Status"],
        want: status,
      },
    ],
    [
      "a property of a oneOf member (kept: OpenAPI Generator merges the members)",
      {
        given: {
          components: {
            schemas: {
              Rule: { oneOf: [{ $ref: "#/components/schemas/Create" }] },
              Create: { properties: { type: { type: "string", enum: ["create"] } } },
            },
          },
        },
        at: ["components", "schemas", "Create", "properties", "type"],
        want: { type: "string", enum: ["create"] },
      },
    ],
  ])("%s", (_name, { given, at, want }) => {
    const spec = structuredClone(given) as Record<string, unknown>;
    moveInlineEnumsToTypes(spec);
    expect(at.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec)).toEqual(want);
  });
});
