import { getAstNodeByPointer, getLineColLocation, type LocationObject, Source } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { lintLocator } from "../../src/generate/lint-locations.js";

const YAML = [
  "openapi: 3.0.3",
  "info:",
  "  title: t",
  "  version: '1'",
  "paths:",
  "  /a:",
  "    get:",
  "      responses:",
  "        '200':",
  "          description: ok",
  "components:",
  "  schemas:",
  "    Thing:",
  "      nullable: true",
  "      properties:",
  "        empty: {}",
  "",
].join("\n");

const JSON_TEXT = JSON.stringify({ a: { b: [1, { c: "x" }], d: {} } }, null, 2);

const POINTERS = [
  "#/",
  "#/info",
  "#/info/title",
  "#/paths/~1a/get/responses/200",
  "#/components/schemas/Thing/nullable",
  "#/components/schemas/Thing/properties/empty",
  "#/components/schemas/Missing",
  "#/a/b/1/c",
  "#/a/d",
];

describe("lint locations", () => {
  // Redocly's own function is the reference: ours must place every finding where it does.
  it.each([
    ["YAML", "spec.yaml", YAML],
    ["YAML with CRLF line ends", "crlf.yaml", YAML.replaceAll("\n", "\r\n")],
    ["JSON", "spec.json", JSON_TEXT],
  ])("%s: the same line and column as getLineColLocation", (_kind, name, text) => {
    const locate = lintLocator(getAstNodeByPointer);
    for (const pointer of POINTERS)
      for (const reportOnKey of [false, true]) {
        const location: LocationObject = { source: new Source(`/specs/${name}`, text), pointer, reportOnKey };
        const expected = getLineColLocation({ ...location, source: new Source(`/specs/${name}`, text) }).start;
        expect(locate(location), `${pointer} (reportOnKey: ${reportOnKey})`).toEqual(expected);
      }
  });

  it("a location that already has its line and column keeps them", () => {
    const locate = lintLocator(getAstNodeByPointer);
    const start = { line: 7, col: 3 };
    expect(locate({ source: new Source("/specs/x.yaml", YAML), pointer: undefined, start })).toEqual(start);
  });

  it("places findings in two sources by each one's own text", () => {
    const locate = lintLocator(getAstNodeByPointer);
    const yaml = new Source("/specs/a.yaml", YAML);
    const json = new Source("/specs/b.json", JSON_TEXT);
    const pointer = "#/components/schemas/Thing/nullable";
    expect(locate({ source: yaml, pointer })).toEqual(
      getLineColLocation({ source: new Source("/a", YAML), pointer }).start,
    );
    expect(locate({ source: json, pointer: "#/a/b/1/c" })).toEqual(
      getLineColLocation({ source: new Source("/b", JSON_TEXT), pointer: "#/a/b/1/c" }).start,
    );
  });
});
