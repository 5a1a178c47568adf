import path from "node:path";
import { describe, expect, it } from "vitest";
import { ANY_EXTRA_KEYS, dictionaryKeys, schemaFromSnippet, snippetModels, typeInfo } from "./helpers.js";

const OBJECT = "dict, frozendict.frozendict, ";

describe("parseSchemaSection", () => {
  it("records model links resolved to files, with the linking line", () => {
    const { doc } = schemaFromSnippet(
      `# W\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**a** | [**Error**]({{complexTypePrefix}}Error.md) | x |  | ")}`,
    );
    expect(doc.kind).toBe("typed");
    const property = doc.kind === "typed" ? doc.properties?.[0] : undefined;
    expect(property?.schema).toMatchObject({
      kind: "model",
      model: { name: "Error", file: path.join(snippetModels, "Error.md"), line: 11 },
    });
  });

  it("drops the any_string_name boilerplate but keeps a value description", () => {
    const { doc } = schemaFromSnippet(
      `# W\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**any_string_name** | str,  | x | any string name can be used but the value must be the correct type Labels. | [optional] ")}`,
    );
    expect(doc.kind === "typed" ? doc.additionalProperties : undefined).toMatchObject({
      description: "Labels.",
      notes: { optional: false },
    });
  });
});

describe("schema sections: problems are reported with their line", () => {
  it.each<[string, { given: string; want: { severity: string; line: number; message: RegExp }[] }]>([
    [
      "missing Model Type Info is an error",
      {
        given: "# Lonely\n\nJust prose.\n",
        want: [{ severity: "error", line: 1, message: /no "Model Type Info" table/ }],
      },
    ],
    [
      "unknown note text is a warning",
      {
        given: `# N\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**a** | str,  | x |  | [optional] deprecated soon")}`,
        want: [{ severity: "warning", line: 11, message: /unrecognised note "deprecated soon"/ }],
      },
    ],
    [
      "unknown Python type is a warning",
      {
        given: `# N\n\n${typeInfo("str, schemas.Frob, ")}`,
        want: [{ severity: "warning", line: 6, message: /unknown Python input type "schemas.Frob"/ }],
      },
    ],
    [
      "a linked key without its section is a warning",
      {
        given: `# N\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**[data](#data)** | list, tuple,  | x |  | \n${ANY_EXTRA_KEYS}`)}`,
        want: [
          { severity: "warning", line: 11, message: /no "# data" section/ },
          { severity: "warning", line: 11, message: /array without a Tuple Items table/ },
        ],
      },
    ],
    [
      "extra rows in Model Type Info are a warning",
      {
        given:
          "# N\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\nstr,  | x |  | \nbool,  | x |  | \n",
        want: [{ severity: "warning", line: 7, message: /more than one row/ }],
      },
    ],
    [
      "a format note that does not fit the type is a warning",
      {
        given: `# N\n\n${typeInfo("bool, ", "", "value must be a uuid")}`,
        want: [{ severity: "warning", line: 6, message: /format "uuid" on a boolean/ }],
      },
    ],
    [
      "str mixed with int is a warning",
      {
        given: `# N\n\n${typeInfo("str, int, ")}`,
        want: [{ severity: "warning", line: 6, message: /mix string and integer/ }],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { diagnostics } = schemaFromSnippet(given);
    expect(diagnostics.map(({ severity, line, message }) => ({ severity, line, message }))).toEqual(
      want.map((entry) => ({ ...entry, message: expect.stringMatching(entry.message) })),
    );
    for (const diagnostic of diagnostics) expect(diagnostic.file).toBe("snippet.md");
  });
});
