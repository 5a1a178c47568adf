import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTree, swapIntoPlace, writeTree } from "../../src/generate/file-tree.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("swapIntoPlace", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir("swap");
  });
  afterEach(() => temp.remove());

  it("replaces every target when all staged folders exist", async () => {
    const a = path.join(temp.dir, "a", "src");
    const b = path.join(temp.dir, "b", "src");
    await writeTree(a, new Map([["old.ts", "old a"]]));
    await writeTree(path.join(temp.dir, "stage", "a"), new Map([["new.ts", "new a"]]));
    await writeTree(path.join(temp.dir, "stage", "b"), new Map([["new.ts", "new b"]]));
    await swapIntoPlace(
      [
        { target: a, staged: path.join(temp.dir, "stage", "a") },
        { target: b, staged: path.join(temp.dir, "stage", "b") },
      ],
      path.join(temp.dir, "stage"),
    );
    expect(await readTree(a)).toEqual(new Map([["new.ts", "new a"]]));
    expect(await readTree(b)).toEqual(new Map([["new.ts", "new b"]]));
  });

  it("restores the earlier targets when a later move fails", async () => {
    const a = path.join(temp.dir, "a", "src");
    const b = path.join(temp.dir, "b", "src");
    await writeTree(a, new Map([["keep.ts", "a as before"]]));
    await writeTree(b, new Map([["keep.ts", "b as before"]]));
    await writeTree(path.join(temp.dir, "stage", "a"), new Map([["new.ts", "new a"]]));
    await expect(
      swapIntoPlace(
        [
          { target: a, staged: path.join(temp.dir, "stage", "a") },
          { target: b, staged: path.join(temp.dir, "stage", "missing") },
        ],
        path.join(temp.dir, "stage"),
      ),
    ).rejects.toThrow();
    expect(await readTree(a)).toEqual(new Map([["keep.ts", "a as before"]]));
    expect(await readTree(b)).toEqual(new Map([["keep.ts", "b as before"]]));
  });

  it("swaps single files as well as folders", async () => {
    const file = path.join(temp.dir, "spec", "openapi.yaml");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "old");
    await writeFile(path.join(temp.dir, "staged.yaml"), "new");
    await swapIntoPlace([{ target: file, staged: path.join(temp.dir, "staged.yaml") }], path.join(temp.dir, "stage"));
    expect(await readFile(file, "utf8")).toBe("new");
  });
});
