import { describe, expect, it } from "vitest";
import { requestBodyMembers, type UnionMember } from "../../src/reconstruct/body-unions.js";

describe("requestBodyMembers", () => {
  it.each<[string, { given: string; want: UnionMember[] }]>([
    [
      "optional body",
      {
        given: "typing.Union[SchemaForRequestBodyApplicationJson, Unset]",
        want: ["SchemaForRequestBodyApplicationJson"],
      },
    ],
    [
      "two media types",
      {
        given: "typing.Union[SchemaForRequestBodyApplicationJson, SchemaForRequestBodyApplicationXml]",
        want: ["SchemaForRequestBodyApplicationJson", "SchemaForRequestBodyApplicationXml"],
      },
    ],
    ["required schema-less media type", { given: "typing.Union[]", want: [undefined] }],
    ["optional schema-less media type", { given: "typing.Union[, Unset]", want: [undefined] }],
    [
      "schema-less second media type",
      { given: "typing.Union[SchemaForRequestBodyTextPlain, ]", want: ["SchemaForRequestBodyTextPlain", undefined] },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(requestBodyMembers(given)).toEqual(want);
  });
});
