import { describe, expect, it } from "vitest";
import { parseNotes } from "../../src/reconstruct/notes.js";
import type { Notes } from "../../src/reconstruct/page-model.js";

describe("parseNotes", () => {
  it.each<[string, { given: string; want: Partial<Notes> }]>([
    ["empty", { given: "", want: { optional: false, readOnly: false, unrecognised: [] } }],
    ["[optional]", { given: "[optional] ", want: { optional: true } }],
    ["bare optional (parameter tables)", { given: "optional", want: { optional: true } }],
    ["[readonly]", { given: "[readonly] ", want: { readOnly: true } }],
    [
      "boolean default",
      {
        given: "[optional] if omitted the server will use the default value of False",
        want: { optional: true, defaultValue: { value: false } },
      },
    ],
    [
      "string default",
      {
        given: 'if omitted the server will use the default value of "draft"',
        want: { defaultValue: { value: "draft" } },
      },
    ],
    [
      "None default",
      { given: "if omitted the server will use the default value of None", want: { defaultValue: { value: null } } },
    ],
    [
      "enum then default",
      {
        given:
          '[optional] must be one of ["available", "pending", "sold", ] if omitted the server will use the default value of "available"',
        want: { optional: true, enumValues: ["available", "pending", "sold"], defaultValue: { value: "available" } },
      },
    ],
    ["numeric enum", { given: "must be one of [1, 2, 3, ] ", want: { enumValues: [1, 2, 3] } }],
    ["enum with None", { given: 'must be one of ["a", None, ] ', want: { enumValues: ["a", null] } }],
    ["single-quoted enum", { given: "must be one of ['x', 'y', ] ", want: { enumValues: ["x", "y"] } }],
    [
      "default glued to a format sentence",
      {
        given: "[optional] if omitted the server will use the default value of 0value must be a 32 bit integer",
        want: { optional: true, defaultValue: { value: 0 }, format: "int32" },
      },
    ],
    [
      "Boolean default glued to a format sentence",
      {
        given: "if omitted the server will use the default value of Truevalue must be a 64 bit integer",
        want: { defaultValue: { value: true }, format: "int64" },
      },
    ],
    ["uuid sentence", { given: "value must be a uuid", want: { format: "uuid" } }],
    ["date sentence", { given: "value must conform to RFC-3339 full-date YYYY-MM-DD", want: { format: "date" } }],
    [
      "date-time sentence",
      { given: "[optional] value must conform to RFC-3339 date-time", want: { optional: true, format: "date-time" } },
    ],
    ["double sentence", { given: "value must be a 64 bit float", want: { format: "double" } }],
    ["float sentence", { given: "value must be a 32 bit float", want: { format: "float" } }],
    [
      "unknown text is kept for a warning",
      { given: "[optional] deprecated since 2.0", want: { optional: true, unrecognised: ["deprecated since 2.0"] } },
    ],
    [
      "broken enum list is kept",
      { given: "must be one of [unquoted, ]", want: { unrecognised: ["must be one of [unquoted, ]"] } },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(parseNotes(given)).toMatchObject(want);
  });
});
