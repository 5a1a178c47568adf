import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDocs } from "../../src/reconstruct/load-docs.js";
import { DiagnosticLog } from "../../src/reconstruct/reporter.js";
import { dictionaryKeys, responsesTable, singleOperationPage, tempDir, typeInfo, writeTree } from "./helpers.js";

const OBJECT = "dict, frozendict.frozendict, ";

/** An API page whose 200 response links model `A`. */
const PAGE_LINKING_A = singleOperationPage(
  { id: "get_a", method: "get", path: "/a" },
  `### Parameters\nThis endpoint does not need any parameter.\n\n${responsesTable("get_a", { "200": "The A" })}
#### get_a.ApiResponseFor200
Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
response | urllib3.HTTPResponse | Raw response |
body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] |  |
headers | Unset | headers were not defined |

# SchemaFor200ResponseBodyApplicationJson
Type | Description  | Notes
------------- | ------------- | -------------
[**A**](../../models/A.md) |  | 
`,
);

let folder: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await tempDir("load");
});
afterEach(async () => {
  await folder.remove();
});

describe("loadDocs", () => {
  it("follows model links transitively and ignores unlinked model pages", async () => {
    await writeTree(folder.dir, {
      "apis/tags/AApi.md": PAGE_LINKING_A,
      "models/A.md": `# m.model.a.A\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**b** | [**B**](B.md) | x |  | ")}`,
      "models/B.md": `# m.model.b.B\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**c** | [**C**](C.md) | x |  | [optional] ")}`,
      "models/C.md": `# m.model.c.C\n\n${typeInfo("str, ")}`,
      "models/Unused.md": `# m.model.unused.Unused\n\n${typeInfo("str, ")}`,
    });
    const log = new DiagnosticLog();
    const { pages, models } = await loadDocs(folder.dir, log);
    expect(log.errors).toEqual([]);
    expect(pages.map((page) => page.tag)).toEqual(["Snippet"]);
    expect([...models.keys()]).toEqual(["A", "B", "C"]);
  });

  it("reads pages in file-name order", async () => {
    await writeTree(folder.dir, {
      "apis/tags/ZetaApi.md": PAGE_LINKING_A.replace("SnippetApi", "ZetaApi")
        .replaceAll("/a", "/z")
        .replaceAll("get_a", "get_z"),
      "apis/tags/AlphaApi.md": PAGE_LINKING_A.replace("SnippetApi", "AlphaApi"),
      "models/A.md": `# m.model.a.A\n\n${typeInfo("str, ")}`,
    });
    const { pages } = await loadDocs(folder.dir, new DiagnosticLog());
    expect(pages.map((page) => page.tag)).toEqual(["Alpha", "Zeta"]);
  });

  it("a link to a missing model page is an error at the link", async () => {
    await writeTree(folder.dir, { "apis/tags/AApi.md": PAGE_LINKING_A });
    const log = new DiagnosticLog();
    await loadDocs(folder.dir, log);
    expect(log.errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/apis\/tags\/AApi\.md$/),
        line: 36,
        message: expect.stringMatching(/links a model page that does not exist: .*models\/A\.md/),
      }),
    ]);
  });

  it("a docs folder without API pages is an error", async () => {
    await writeTree(folder.dir, { "models/A.md": "# x\n" });
    const log = new DiagnosticLog();
    await loadDocs(folder.dir, log);
    expect(log.errors.map((e) => e.message)).toEqual(["no API pages folder (expected <docs>/apis/tags/*.md)"]);
  });
});
