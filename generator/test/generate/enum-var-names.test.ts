import { describe, expect, it } from "vitest";
import { annotateEnumModels, enumMemberNames, sanitizeEnumVarNames } from "../../src/generate/enum-var-names.js";

describe("enumMemberNames", () => {
  it.each([
    [
      "identifiers as given",
      ["Any", "onlySelected", "ALL_EXCEPT", "$x", "café"],
      ["Any", "onlySelected", "ALL_EXCEPT", "$x", "café"],
    ],
    ["words joined", ["Only Selected", "all-except 'selected'", "x.y z"], ["OnlySelected", "allExceptSelected", "xYZ"]],
    ["a leading digit", ["3rd", "1 2"], ["_3rd", "_12"]],
    ["reserved words, which are valid keys", ["default", "delete"], ["default", "delete"]],
  ])("%s", (_label, names, want) => {
    expect(
      enumMemberNames(
        names,
        names.map((_, index) => index),
      ),
    ).toEqual(want);
  });

  it.each([
    ["fewer names than values", ["a"], [1, 2]],
    ["a name with no word", ["a", "--"], [1, 2]],
    ["a name that is not a string", ["a", 2], [1, 2]],
    ["two names that become one", ["Same Name", "Same-Name"], [1, 2]],
    ["__proto__, which an object literal would not keep", ["__proto__", "b"], [1, 2]],
    ["no values", ["a"], undefined],
  ])("none for %s", (_label, names, values) => {
    expect(enumMemberNames(names, values)).toBeUndefined();
  });
});

describe("sanitizeEnumVarNames", () => {
  it("rewrites usable names and drops unusable ones, at any depth", () => {
    const document = {
      components: {
        schemas: {
          Mode: { type: "integer", enum: [0, 1], "x-enum-varnames": ["Any", "Only Selected"] },
          Bad: { type: "string", enum: ["a", "b"], "x-enum-varnames": ["Same Name", "Same-Name"] },
          Holder: {
            type: "object",
            properties: { deep: { type: "array", items: { enum: ["x"], "x-enum-varnames": ["Ex Why"] } } },
          },
        },
      },
    };
    sanitizeEnumVarNames(document);
    const schemas = document.components.schemas;
    expect(schemas.Mode["x-enum-varnames"]).toEqual(["Any", "OnlySelected"]);
    expect("x-enum-varnames" in schemas.Bad).toBe(false);
    expect(schemas.Holder.properties.deep.items["x-enum-varnames"]).toEqual(["ExWhy"]);
  });
});

describe("annotateEnumModels", () => {
  const members = (schema: Record<string, unknown>): string => {
    const document = { components: { schemas: { E: schema } } };
    annotateEnumModels(document);
    return document.components.schemas.E["x-sdk-enum-members"] as string;
  };

  it("keeps every value's JSON type, null included", () => {
    expect(members({ enum: ["a", 1, true, null] })).toBe('  A: "a",\n  NUMBER_1: 1,\n  True: true,\n  Null: null,');
  });

  it("names values as OpenAPI Generator does where it can, and numbers repeats in the values' order", () => {
    expect(members({ type: "string", enum: ["a", "A", "a-b", "hello_world", "1x"] })).toBe(
      '  A: "a",\n  A2: "A",\n  AB: "a-b",\n  HelloWorld: "hello_world",\n  _1x: "1x",',
    );
    expect(members({ type: "number", enum: [-1.5, 2e21] })).toBe(
      "  NUMBER_MINUS_1_DOT_5: -1.5,\n  NUMBER_2e21: 2e+21,",
    );
  });

  it("gives a value without letters or digits a name, and never __proto__, which a literal would not keep", () => {
    expect(members({ type: "string", enum: ["", " ", "-", "__proto__"] })).toBe(
      '  Empty: "",\n  Value: " ",\n  Value2: "-",\n  Proto: "__proto__",',
    );
  });

  it("uses usable x-enum-varnames, and quotes none of them", () => {
    expect(members({ type: "integer", enum: [0, 1], "x-enum-varnames": ["Any", "Only Selected"] })).toBe(
      "  Any: 0,\n  OnlySelected: 1,",
    );
  });
});
