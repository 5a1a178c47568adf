import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../../src/generate/load-spec.js";
import { firstDifference, observableView } from "../../../src/release/spec-diff/observable-view.js";

const doc = (extra: Partial<OpenApiDocument>): OpenApiDocument => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {},
  ...extra,
});

const byRef = doc({
  paths: { "/a": { get: { responses: { 200: { $ref: "#/components/responses/Ok" } } } } },
  components: { responses: { Ok: { description: "ok" } } },
});

describe("observableView and firstDifference", () => {
  it.each<[string, { given: [OpenApiDocument, OpenApiDocument]; want: (string | number)[] | undefined }]>([
    ["the same document", { given: [byRef, structuredClone(byRef)], want: undefined }],
    [
      "a $ref replaced by what it points at",
      {
        given: [byRef, doc({ paths: { "/a": { get: { responses: { 200: { description: "ok" } } } } } })],
        want: undefined,
      },
    ],
    [
      "keys in another order",
      {
        given: [doc({ info: { title: "t", version: "1" } }), doc({ info: { version: "1", title: "t" } })],
        want: undefined,
      },
    ],
    [
      "an unused component changed (not observable through an operation)",
      {
        given: [byRef, { ...byRef, components: { ...byRef.components, schemas: { X: { type: "string" } } } }],
        want: undefined,
      },
    ],
    [
      "a referenced component changed: located inside the operation",
      {
        given: [byRef, { ...byRef, components: { responses: { Ok: { description: "fine" } } } }],
        want: ["paths", "/a", "get", "responses", "200", "description"],
      },
    ],
    [
      "an array item changed",
      {
        given: [doc({ servers: [{ url: "a" }, { url: "b" }] }), doc({ servers: [{ url: "a" }, { url: "c" }] })],
        want: ["servers", 1, "url"],
      },
    ],
  ])("%s", (_name, { given: [a, b], want }) => {
    expect(firstDifference(observableView(a), observableView(b))).toEqual(want);
  });

  it("stops at a recursive $ref instead of unfolding it", () => {
    const recursive = doc({
      paths: {
        "/n": {
          get: {
            responses: {
              200: {
                description: "n",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } },
      },
    });
    const view = JSON.stringify(observableView(recursive));
    expect(view).toContain('"$recursive":"#/components/schemas/Node"');
  });
});
