import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../src/errors.js";
import {
  cookieHeader,
  explodedHeader,
  jsonParameter,
  type PathStyle,
  pathStyle,
  type QueryStyle,
  queryStyle,
} from "../src/parameter-styles.js";

// The values of the OpenAPI table of style values (3.0.3 §4.7.12.4).
const prim = "blue";
const list = ["blue", "black", "brown"];
const obj = { R: 100, G: 200, B: 150 };

describe("queryStyle", () => {
  const cases: [string, { given: [unknown, QueryStyle, boolean]; want: string[] }][] = [
    ["form exploded scalar", { given: [prim, "form", true], want: ["color=blue"] }],
    ["form exploded array", { given: [list, "form", true], want: ["color=blue", "color=black", "color=brown"] }],
    ["form exploded object", { given: [obj, "form", true], want: ["R=100", "G=200", "B=150"] }],
    ["form scalar", { given: [prim, "form", false], want: ["color=blue"] }],
    ["form array", { given: [list, "form", false], want: ["color=blue,black,brown"] }],
    ["form object", { given: [obj, "form", false], want: ["color=R,100,G,200,B,150"] }],
    ["spaceDelimited array", { given: [list, "spaceDelimited", false], want: ["color=blue%20black%20brown"] }],
    ["spaceDelimited object", { given: [obj, "spaceDelimited", false], want: ["color=R%20100%20G%20200%20B%20150"] }],
    ["pipeDelimited array", { given: [list, "pipeDelimited", false], want: ["color=blue|black|brown"] }],
    ["pipeDelimited object", { given: [obj, "pipeDelimited", false], want: ["color=R|100|G|200|B|150"] }],
    [
      "exploded pipeDelimited array as form",
      { given: [list, "pipeDelimited", true], want: ["color=blue", "color=black", "color=brown"] },
    ],
    [
      "delimiters inside items are encoded",
      { given: [["a,b", "c|d", "e f"], "pipeDelimited", false], want: ["color=a%2Cb|c%7Cd|e%20f"] },
    ],
    ["keys of an exploded object are encoded", { given: [{ "a&b": "c=d" }, "form", true], want: ["a%26b=c%3Dd"] }],
    [
      "absent array items and properties are left out",
      { given: [{ R: 1, G: undefined }, "form", false], want: ["color=R,1"] },
    ],
    ["an absent value sends nothing", { given: [undefined, "form", false], want: [] }],
    ["null sends nothing", { given: [null, "pipeDelimited", false], want: [] }],
    ["an empty array sends nothing", { given: [[], "form", false], want: [] }],
    ["an empty object sends nothing", { given: [{}, "form", true], want: [] }],
  ];

  it.each(cases)("%s", (_name, { given: [value, style, explode], want }) => {
    expect(queryStyle("op", "color", value, style, explode)).toEqual(want);
  });

  it("allowReserved leaves RFC 3986 reserved characters as they are, and still encodes the rest", () => {
    expect(queryStyle("op", "at", "a/b?c:d@e!$'()*+,;=&[]#", "form", true, true)).toEqual([
      "at=a/b?c:d@e!$'()*+,;=&[]#",
    ]);
    expect(queryStyle("op", "at", "100% é", "form", true, true)).toEqual(["at=100%25%20%C3%A9"]);
    expect(queryStyle("op", "at", "a/b", "form", true)).toEqual(["at=a%2Fb"]);
  });

  it("refuses nested arrays and objects, naming the parameter", () => {
    const error = (() => {
      try {
        queryStyle("list_things", "color", [["a"]], "form", false);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ operationId: "list_things", parameter: "color" });
    expect(String((error as Error).message)).toContain('query parameter "color" contains a nested array or object');
  });

  it("refuses text that has no UTF-8 encoding", () => {
    expect(() => queryStyle("op", "color", ["\ud800"], "form", false)).toThrow(/cannot be encoded as UTF-8/);
  });
});

describe("pathStyle", () => {
  const cases: [string, { given: [unknown, PathStyle, boolean]; want: string }][] = [
    ["simple scalar", { given: [prim, "simple", false], want: "blue" }],
    ["simple array", { given: [list, "simple", false], want: "blue,black,brown" }],
    ["simple object", { given: [obj, "simple", false], want: "R,100,G,200,B,150" }],
    ["simple exploded array", { given: [list, "simple", true], want: "blue,black,brown" }],
    ["simple exploded object", { given: [obj, "simple", true], want: "R=100,G=200,B=150" }],
    ["label scalar", { given: [prim, "label", false], want: ".blue" }],
    ["label array", { given: [list, "label", false], want: ".blue,black,brown" }],
    ["label object", { given: [obj, "label", false], want: ".R,100,G,200,B,150" }],
    ["label exploded array", { given: [list, "label", true], want: ".blue.black.brown" }],
    ["label exploded object", { given: [obj, "label", true], want: ".R=100.G=200.B=150" }],
    ["matrix scalar", { given: [prim, "matrix", false], want: ";color=blue" }],
    ["matrix array", { given: [list, "matrix", false], want: ";color=blue,black,brown" }],
    ["matrix object", { given: [obj, "matrix", false], want: ";color=R,100,G,200,B,150" }],
    ["matrix exploded scalar", { given: [prim, "matrix", true], want: ";color=blue" }],
    ["matrix exploded array", { given: [list, "matrix", true], want: ";color=blue;color=black;color=brown" }],
    ["matrix exploded object", { given: [obj, "matrix", true], want: ";R=100;G=200;B=150" }],
    [
      "items stay inside one segment",
      { given: [["a/b", "c,d", "e;f"], "matrix", true], want: ";color=a%2Fb;color=c%2Cd;color=e%3Bf" },
    ],
    [
      "numbers, booleans and dates",
      {
        given: [[1, true, new Date(Date.UTC(2024, 0, 2))], "simple", false],
        want: "1,true,2024-01-02T00%3A00%3A00.000Z",
      },
    ],
  ];

  it.each(cases)("%s", (_name, { given: [value, style, explode], want }) => {
    expect(pathStyle("op", "color", value, style, explode)).toBe(want);
  });

  it.each([
    ["absent", undefined, "simple", /path parameter "color" is required/],
    ["an empty array", [], "label", /path parameter "color" must not be empty/],
    ["an empty object", {}, "matrix", /must not be empty/],
    ["an empty string", "", "label", /must not be empty/],
    ["a dot segment from a simple array", ["."], "simple", /must not be "\." or "\.\."/],
    ["a dot segment from a label", ["."], "label", /must not be "\." or "\.\."/],
  ] as const)("refuses %s", (_name, value, style, want) => {
    expect(() => pathStyle("op", "color", value, style, false)).toThrow(want);
  });
});

describe("explodedHeader", () => {
  it.each([
    ["an object as key=value pairs", obj, "R=100,G=200,B=150"],
    ["an array as the default", list, "blue,black,brown"],
    ["a scalar as itself, unencoded", "a b,c", "a b,c"],
  ])("%s", (_name, value, want) => {
    expect(explodedHeader("op", "X-Color", value)).toBe(want);
  });

  it("leaves an absent header out", () => {
    expect(explodedHeader("op", "X-Color", undefined)).toBeUndefined();
  });
});

describe("cookieHeader", () => {
  it.each([
    ["an exploded array repeats the pair", [["color", list, true]], "color=blue; color=black; color=brown"],
    ["an exploded object sends its properties", [["color", obj, true]], "R=100; G=200; B=150"],
    ["a non-exploded array joins the items", [["color", list, false]], "color=blue,black,brown"],
    ["a non-exploded object joins keys and values", [["color", obj, false]], "color=R,100,G,200,B,150"],
    [
      "several cookies in order",
      [
        ["a", [1, 2], false],
        ["b", { x: "y z" }, true],
      ],
      "a=1,2; x=y%20z",
    ],
    ["items are percent-encoded", [["c", ["a;b", "c,d"], false]], "c=a%3Bb,c%2Cd"],
    [
      "absent and empty cookies are left out",
      [
        ["a", undefined, true],
        ["b", [], false],
        ["c", ["x"], true],
      ],
      "c=x",
    ],
  ] as const)("%s", (_name, cookies, want) => {
    expect(cookieHeader("op", cookies)).toBe(want);
  });

  it("is undefined when no cookie is set", () => {
    expect(cookieHeader("op", [["a", undefined, true]])).toBeUndefined();
  });
});

describe("jsonParameter", () => {
  it("is the JSON text of the value", () => {
    expect(jsonParameter("op", "filter", obj)).toBe('{"R":100,"G":200,"B":150}');
    expect(jsonParameter("op", "filter", "blue")).toBe('"blue"');
    expect(jsonParameter("op", "filter", [1, false])).toBe("[1,false]");
  });

  it("is undefined for an absent value, as the core treats null", () => {
    expect(jsonParameter("op", "filter", undefined)).toBeUndefined();
    expect(jsonParameter("op", "filter", null)).toBeUndefined();
  });

  it("refuses a value JSON cannot write, naming the parameter", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [{ big: 1n }, cycle]) {
      expect(() => jsonParameter("op", "filter", value)).toThrow(RequestValidationError);
      expect(() => jsonParameter("op", "filter", value)).toThrow(/"filter" has no JSON text/);
    }
  });
});
