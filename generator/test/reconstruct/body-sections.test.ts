import { describe, expect, it } from "vitest";
import { unionMembers } from "../../src/reconstruct/body-sections.js";

describe("unionMembers", () => {
  it.each<[string, { given: string; want: string[] }]>([
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
    [
      "response body with trailing comma",
      {
        given: "typing.Union[SchemaFor200ResponseBodyApplicationJson, ]",
        want: ["SchemaFor200ResponseBodyApplicationJson"],
      },
    ],
    ["declared but schemaless response body", { given: "typing.Union[Unset, ]", want: [] }],
    ["no body", { given: "Unset", want: [] }],
  ])("%s", (_name, { given, want }) => {
    expect(unionMembers(given)).toEqual(want);
  });
});
