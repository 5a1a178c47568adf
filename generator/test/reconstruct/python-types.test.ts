import { describe, expect, it } from "vitest";
import { mapPythonTypes, type PythonTypeMapping, splitInputTypes } from "../../src/reconstruct/python-types.js";

const ANYTHING =
  "dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader";
const ANYTHING_WITH_UUID =
  "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ";

/** `undefined` is asserted: the mapping must leave that field unset. */
type Want = { [K in keyof PythonTypeMapping]?: PythonTypeMapping[K] | undefined };

describe("mapPythonTypes", () => {
  it.each<[string, { given: string; want: Want }]>([
    [
      "Decimal + int is an integer",
      { given: "decimal.Decimal, int, ", want: { type: "integer", nullable: false, anyType: false } },
    ],
    ["str is a string", { given: "str, ", want: { type: "string" } }],
    ["bool is a boolean", { given: "bool, ", want: { type: "boolean" } }],
    ["float + int is a number", { given: "float, int, ", want: { type: "number" } }],
    ["Decimal + int + float is a number", { given: "decimal.Decimal, int, float, ", want: { type: "number" } }],
    ["dict + frozendict is an object", { given: "dict, frozendict.frozendict, ", want: { type: "object" } }],
    ["list + tuple is an array", { given: "list, tuple, ", want: { type: "array" } }],
    ["date is a string with format date", { given: "str, date, ", want: { type: "string", format: "date" } }],
    [
      "datetime is a string with format date-time",
      { given: "str, datetime, ", want: { type: "string", format: "date-time" } },
    ],
    ["uuid.UUID is a string with format uuid", { given: "str, uuid.UUID, ", want: { type: "string", format: "uuid" } }],
    [
      "datetime.date (newer spelling) is a date",
      { given: "str, datetime.date, ", want: { type: "string", format: "date" } },
    ],
    [
      "bytes and files are binary strings",
      { given: "bytes, io.FileIO, io.BufferedReader, ", want: { type: "string", format: "binary" } },
    ],
    [
      "str + Decimal is a decimal string",
      { given: "str, decimal.Decimal, ", want: { type: "string", format: "number" } },
    ],
    ["None makes it nullable", { given: "None, str, ", want: { type: "string", nullable: true } }],
    ["nullable date", { given: "None, str, date, ", want: { type: "string", format: "date", nullable: true } }],
    ["nullable object", { given: "dict, frozendict.frozendict, None, ", want: { type: "object", nullable: true } }],
    ["the everything-list is any type", { given: ANYTHING, want: { anyType: true, type: undefined, nullable: false } }],
    [
      "the everything-list with uuid is any type",
      { given: ANYTHING_WITH_UUID, want: { anyType: true, type: undefined } },
    ],
    ["only None is any type (3.0 has no null type)", { given: "None, ", want: { anyType: true, type: undefined } }],
    [
      "unknown tokens are reported",
      { given: "str, schemas.Schema, ", want: { type: "string", unrecognised: ["schemas.Schema"] } },
    ],
    [
      "str + int is a mix, not a guess",
      { given: "str, int, ", want: { type: undefined, mixed: ["string", "integer"] } },
    ],
  ])("%s", (_name, { given, want }) => {
    const mapped = mapPythonTypes(splitInputTypes(given));
    // Compare only the fields a row names; `type: undefined` must mean absent, which toMatchObject cannot say.
    const picked = Object.fromEntries(Object.keys(want).map((key) => [key, mapped[key as keyof PythonTypeMapping]]));
    expect(picked).toEqual(want);
  });
});

describe("splitInputTypes", () => {
  it.each<[string, { given: string; want: string[] }]>([
    ["trailing comma and double spaces", { given: "decimal.Decimal, int,  ", want: ["decimal.Decimal", "int"] }],
    ["no trailing comma", { given: "str", want: ["str"] }],
    ["empty cell", { given: "", want: [] }],
  ])("%s", (_name, { given, want }) => {
    expect(splitInputTypes(given)).toEqual(want);
  });
});
