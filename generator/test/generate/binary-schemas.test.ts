import { describe, expect, it } from "vitest";
import { isOpaqueMediaType, markContentMediaBinary } from "../../src/generate/binary-schemas.js";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";

describe("isOpaqueMediaType", () => {
  it.each(["image/png", "application/pdf", "application/octet-stream", "audio/*", "application/zip"])(
    "%s is bytes",
    (mediaType) => expect(isOpaqueMediaType(mediaType)).toBe(true),
  );
  it.each([
    "application/json",
    "application/vnd.api+json",
    "text/plain",
    "text/csv; charset=utf-8",
    "application/xml",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "*/*",
  ])("%s is not", (mediaType) => expect(isOpaqueMediaType(mediaType)).toBe(false));
});

describe("markContentMediaBinary", () => {
  it("marks strings whose content is bytes, and leaves text, base64, data and formats alone", () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          A: {
            type: "object",
            properties: {
              png: { type: "string", contentMediaType: "image/png" },
              base64: { type: "string", contentMediaType: "image/png", contentEncoding: "base64" },
              csv: { type: "string", contentMediaType: "text/csv" },
              uri: { type: "string", format: "uri", contentMediaType: "image/png" },
              list: { type: "array", items: { type: "string", contentMediaType: "application/pdf" } },
            },
            example: { type: "string", contentMediaType: "image/png" },
          },
        },
      },
    } as unknown as OpenApiDocument;
    markContentMediaBinary(spec);
    const a = (spec.components!.schemas as Record<string, Record<string, Record<string, Record<string, unknown>>>>).A!;
    expect(a.properties!.png!.format).toBe("binary");
    expect(a.properties!.base64!.format).toBeUndefined();
    expect(a.properties!.csv!.format).toBeUndefined();
    expect(a.properties!.uri!.format).toBe("uri");
    expect((a.properties!.list!.items as Record<string, unknown>).format).toBe("binary");
    expect(a.example!.format).toBeUndefined();
  });
});
