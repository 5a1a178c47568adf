import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/reconstruct/markdown.js";
import { parseModelPage } from "../../src/reconstruct/model-page.js";
import { DiagnosticLog, PageAbort } from "../../src/reconstruct/reporter.js";
import { toOpenApiSchema } from "../../src/reconstruct/schema-to-openapi.js";
import { dictionaryKeys, snippetModels, typeInfo } from "./helpers.js";

const BACK_LINKS =
  "[[Back to Model list]](../../README.md#documentation-for-models) [[Back to README]](../../README.md)\n";

function readModel(markdown: string) {
  const log = new DiagnosticLog();
  const file = path.join(snippetModels, "Thing.md");
  const reporter = log.forFile("Thing.md");
  const page = parseModelPage(parseMarkdown(markdown), file, {
    source: markdown,
    reporter,
    links: { pageFile: file, modelsDir: snippetModels },
  });
  return { page, schema: toOpenApiSchema(page.schema, reporter), diagnostics: [...log.errors, ...log.warnings] };
}

describe("model pages", () => {
  it("reads the class name from the title and the schema below it", () => {
    const { page, schema, diagnostics } = readModel(
      `# pkg.model.thing.Thing\n\n${typeInfo("dict, frozendict.frozendict, ")}\n${dictionaryKeys("**code** | decimal.Decimal, int,  | x |  | \n**note** | str,  | x |  | [optional] ")}\n${BACK_LINKS}`,
    );
    expect(diagnostics).toEqual([]);
    expect(page.className).toBe("Thing");
    expect(schema).toEqual({
      type: "object",
      required: ["code"],
      properties: { code: { type: "integer" }, note: { type: "string" } },
      additionalProperties: false,
    });
  });

  it("links to other models resolve next to the page (models linking models)", () => {
    const { page } = readModel(
      `# pkg.model.thing.Thing\n\n${typeInfo("dict, frozendict.frozendict, ")}\n${dictionaryKeys("**tag** | [**Tag**](Tag.md) | [**Tag**](Tag.md) |  | ")}`,
    );
    expect(page.schema.kind === "typed" ? page.schema.properties?.[0]?.schema : undefined).toMatchObject({
      kind: "model",
      model: { name: "Tag", file: path.join(snippetModels, "Tag.md") },
    });
  });

  it("a page with no title is an error", () => {
    expect(() => readModel(`${typeInfo("str, ")}`)).toThrow(PageAbort);
  });

  it("a second model on one page is a warning", () => {
    const { diagnostics } = readModel(
      `# pkg.model.a.A\n\n${typeInfo("str, ")}\n# pkg.model.b.B\n\n${typeInfo("str, ")}`,
    );
    expect(diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(["warning 8"]);
  });
});
