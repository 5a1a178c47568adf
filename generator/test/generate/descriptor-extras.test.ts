import { describe, expect, it } from "vitest";
import { annotateDescriptorExtras, DESCRIPTOR_BODY, DESCRIPTOR_TAIL } from "../../src/generate/descriptor-extras.js";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { prepareSpecForTemplates } from "../../src/generate/prepare-spec.js";

/** The descriptor lines after the body of one GET operation with these responses. */
function tailOf(responses: Record<string, unknown>): string {
  const spec: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: { "/a": { get: { operationId: "getA", responses } } },
  };
  const prepared = annotateDescriptorExtras(prepareSpecForTemplates(spec, "spec.yaml"));
  return String((prepared.paths["/a"]!.get as Record<string, unknown>)[DESCRIPTOR_TAIL]);
}

const body = (...mediaTypes: string[]) => ({
  description: "",
  content: Object.fromEntries(mediaTypes.map((media) => [media, { schema: { type: "string" } }])),
});

describe("the accept line of a descriptor", () => {
  it.each([
    ["JSON only", { "200": body("application/json") }, undefined],
    [
      "JSON with a charset, and a bodiless status",
      { "200": body("application/json; charset=utf-8"), "204": { description: "" } },
      undefined,
    ],
    ["a vendor JSON type", { "200": body("application/vnd.api+json") }, "application/vnd.api+json"],
    [
      "text and a JSON error",
      { "200": body("text/csv"), "400": body("application/problem+json") },
      "text/csv, application/problem+json",
    ],
    ["the same type twice", { "200": body("text/plain"), "201": body("text/plain") }, "text/plain"],
    ["the JSON one of several", { "200": body("application/xml", "application/json") }, undefined],
  ])("%s", (_label, responses, want) => {
    const line = /^\s*accept: (.*),$/m.exec(tailOf(responses))?.[1];
    expect(line === undefined ? undefined : JSON.parse(line)).toBe(want);
  });
});

describe("the body line of a form body with encodings", () => {
  it("writes a __proto__ property's serializer under a computed key, which a plain key would make the prototype", () => {
    const spec: OpenApiDocument = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/f": {
          post: {
            operationId: "postF",
            requestBody: {
              content: {
                "application/x-www-form-urlencoded": {
                  schema: { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } },
                },
              },
            },
            responses: { "204": { description: "" } },
          },
        },
      },
    };
    // The fixture itself must hold an own __proto__ entry, as a parsed spec would.
    const encoding = JSON.parse(
      '{"__proto__": {"style": "form", "explode": false}, "tags": {"style": "pipeDelimited"}}',
    );
    const media = (spec.paths["/f"]!.post as { requestBody: { content: Record<string, Record<string, unknown>> } })
      .requestBody.content["application/x-www-form-urlencoded"]!;
    media.encoding = encoding;
    const prepared = annotateDescriptorExtras(prepareSpecForTemplates(spec, "spec.yaml"));
    const line = String((prepared.paths["/f"]!.post as Record<string, unknown>)[DESCRIPTOR_BODY]);
    expect(line).toContain('["__proto__"]: (value: unknown) => queryStyle("postF", "__proto__", value, "form", false)');
    expect(line).toContain('"tags": (value: unknown) => queryStyle("postF", "tags", value, "pipeDelimited", false)');
  });
});
