import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FileTree } from "../../../src/generate/file-tree.js";
import type { PackageFolder } from "../../../src/generate/layout.js";
import type { OpenApiDocument } from "../../../src/generate/load-spec.js";
import { fileAt, filesAt } from "../../../src/release/changeset/baseline.js";
import { pendingChange } from "../../../src/release/changeset/pending-change.js";
import { renderChangeset } from "../../../src/release/changeset/write-changeset.js";
import { repoRoot } from "../../support/run-cli.js";
import { makeTempDir } from "../../support/temp-dir.js";

const FOLDERS: PackageFolder[] = ["schema", "fetch", "axios"];
const ADDED = "// @public\nexport function addedForTheTest(client: Client): Promise<void>;\n\n```";

/** Each package's reports as committed, the two clients' index with one more exported function. */
async function freshReports(): Promise<Map<PackageFolder, FileTree>> {
  const reports = new Map<PackageFolder, FileTree>();
  for (const folder of FOLDERS) {
    const at = `packages/${folder}/api-report`;
    const tree: FileTree = new Map();
    for (const file of await filesAt(repoRoot, "HEAD", at))
      tree.set(file, (await fileAt(repoRoot, "HEAD", `${at}/${file}`))!);
    const text = tree.get("index.api.md")!;
    const after = folder === "schema" ? text : text.replace(/```\s*$/, ADDED);
    expect(after === text).toBe(folder === "schema");
    tree.set("index.api.md", after);
    reports.set(folder, tree);
  }
  return reports;
}

describe("pendingChange", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("pending-change");
  });
  afterAll(() => temp.remove());

  it("gives the same change whatever order the packages' reports arrived in", async () => {
    // The committed spec, so that only the reports differ from the baseline.
    const specFile = path.join(temp.dir, "openapi.yaml");
    const specText = (await fileAt(repoRoot, "HEAD", "spec/openapi.yaml"))!;
    await writeFile(specFile, specText);
    const newSpec = parse(specText) as OpenApiDocument;
    const reports = await freshReports();
    const packageNames = new Map(FOLDERS.map((folder) => [folder, `@onelogin-mfa/${folder}`]));
    const changeFor = (order: PackageFolder[]) =>
      pendingChange({
        repoRoot,
        workDir: temp.dir,
        baseline: "HEAD",
        specPath: "spec/openapi.yaml",
        newSpecFile: specFile,
        newSpec,
        reports: new Map(order.map((folder) => [folder, reports.get(folder)!])),
        packageNames,
      });
    const inOrder = await changeFor(["schema", "fetch", "axios"]);
    const reversed = await changeFor(["axios", "fetch", "schema"]);
    expect(inOrder.bump).toBe("minor");
    expect(inOrder.apiChanges.flatMap((c) => c.entryPoints)).toEqual(["@onelogin-mfa/fetch", "@onelogin-mfa/axios"]);
    expect(reversed).toEqual(inOrder);
    const names = [...packageNames.values()];
    expect(renderChangeset(names, reversed)).toBe(renderChangeset(names, inOrder));
  });
});
