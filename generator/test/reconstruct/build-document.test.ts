import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiPage } from "../../src/reconstruct/api-page.js";
import { buildDocument } from "../../src/reconstruct/build-document.js";
import { parseMarkdown } from "../../src/reconstruct/markdown.js";
import type { ApiPageDoc } from "../../src/reconstruct/page-model.js";
import { DiagnosticLog } from "../../src/reconstruct/reporter.js";
import { emptyResponse, responsesTable, singleOperationPage, snippetModels } from "./helpers.js";

/** Parses `markdown` as page `name` (its tag comes from `className`). */
function page(name: string, markdown: string, log: DiagnosticLog): ApiPageDoc {
  const file = path.join(snippetModels, "..", "apis", "tags", `${name}.md`);
  return parseApiPage(parseMarkdown(markdown), file, {
    source: markdown,
    reporter: log.forFile(file),
    links: { pageFile: file, modelsDir: snippetModels },
  });
}

function operationPage(
  className: string,
  op: { id: string; method: string; path: string },
  server = "https://api.snippet.test",
): string {
  const section = `### Parameters\nThis endpoint does not need any parameter.\n\n${responsesTable(op.id, { "200": "Ok" })}\n${emptyResponse(op.id, "200")}`;
  return singleOperationPage(op, section, className).replace("https://api.snippet.test", server);
}

describe("buildDocument", () => {
  it("keeps page order for tags and paths; the first page's server is the root server, others go on their operations", () => {
    const log = new DiagnosticLog();
    const pages = [
      page("AApi", operationPage("AApi", { id: "get_b", method: "get", path: "/b" }), log),
      page("BApi", operationPage("BApi", { id: "get_a", method: "get", path: "/a" }, "https://other.test"), log),
    ];
    const document = buildDocument(pages, new Map(), log);
    expect(log.errors).toEqual([]);
    expect(document.tags.map((tag) => tag.name)).toEqual(["A", "B"]);
    expect(Object.keys(document.paths)).toEqual(["/b", "/a"]);
    expect(document.servers).toEqual([{ url: "https://api.snippet.test" }]);
    expect(document.paths["/a"]?.get?.servers).toEqual([{ url: "https://other.test" }]);
    expect(document.paths["/b"]?.get).not.toHaveProperty("servers");
    expect(document.info).toEqual({ title: "A, B API", version: "1.0.0" });
  });

  it("an operation repeated on another tag's page gains that tag", () => {
    const log = new DiagnosticLog();
    const op = { id: "get_a", method: "get", path: "/a" };
    const document = buildDocument(
      [page("AApi", operationPage("AApi", op), log), page("BApi", operationPage("BApi", op), log)],
      new Map(),
      log,
    );
    expect(log.errors).toEqual([]);
    expect(document.paths["/a"]?.get?.tags).toEqual(["A", "B"]);
  });

  it.each<
    [
      string,
      {
        given: [{ id: string; method: string; path: string }, { id: string; method: string; path: string }];
        want: RegExp;
      },
    ]
  >([
    [
      "two operations on one method and path",
      {
        given: [
          { id: "one", method: "get", path: "/x" },
          { id: "two", method: "get", path: "/x" },
        ],
        want: /GET \/x is documented twice, as one and two/,
      },
    ],
    [
      "one operationId on two paths",
      {
        given: [
          { id: "same", method: "get", path: "/x" },
          { id: "same", method: "get", path: "/y" },
        ],
        want: /operationId same is used by both GET \/x and GET \/y/,
      },
    ],
  ])("%s is an error", (_name, { given, want }) => {
    const log = new DiagnosticLog();
    buildDocument(
      [page("AApi", operationPage("AApi", given[0]), log), page("BApi", operationPage("BApi", given[1]), log)],
      new Map(),
      log,
    );
    expect(log.errors.map((error) => error.message)).toEqual([expect.stringMatching(want)]);
  });
});
