import { describe, expect, it } from "vitest";
import { mediaTypeFromSuffix, quotedMediaTypes, suffixAfter } from "../../src/reconstruct/media-types.js";

describe("mediaTypeFromSuffix", () => {
  it.each<[string, { given: { suffix: string; page?: string[] }; want: { mediaType: string; guessed: boolean } }]>([
    ["JSON", { given: { suffix: "ApplicationJson" }, want: { mediaType: "application/json", guessed: false } }],
    [
      "form",
      {
        given: { suffix: "ApplicationXWwwFormUrlencoded" },
        want: { mediaType: "application/x-www-form-urlencoded", guessed: false },
      },
    ],
    [
      "multipart",
      { given: { suffix: "MultipartFormData" }, want: { mediaType: "multipart/form-data", guessed: false } },
    ],
    [
      "problem+json",
      { given: { suffix: "ApplicationProblemjson" }, want: { mediaType: "application/problem+json", guessed: false } },
    ],
    [
      "page's own media type wins",
      {
        given: { suffix: "ApplicationVndAcmeV2json", page: ["application/vnd.acme.v2+json"] },
        want: { mediaType: "application/vnd.acme.v2+json", guessed: false },
      },
    ],
    [
      "unknown is guessed from capitals",
      { given: { suffix: "ApplicationVndThing" }, want: { mediaType: "application/vnd-thing", guessed: true } },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(mediaTypeFromSuffix(given.suffix, given.page ?? [])).toEqual(want);
  });
});

describe("suffixAfter / quotedMediaTypes", () => {
  it("takes the part after the marker", () => {
    expect(suffixAfter("SchemaFor200ResponseBodyApplicationJson", "ResponseBody")).toBe("ApplicationJson");
    expect(suffixAfter("SchemaForRequestBodyTextPlain", "RequestBody")).toBe("TextPlain");
    expect(suffixAfter("UserIdSchema", "RequestBody")).toBeUndefined();
  });

  it("reads the quoted media types of a parameters-table cell", () => {
    expect(quotedMediaTypes("default is ('application/xml', 'application/json', )")).toEqual([
      "application/xml",
      "application/json",
    ]);
  });
});
