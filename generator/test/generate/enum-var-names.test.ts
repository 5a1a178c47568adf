import { describe, expect, it } from "vitest";
import { enumMemberNames, sanitizeEnumVarNames } from "../../src/generate/enum-var-names.js";

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
