import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/reconstruct/write-atomic.js";
import { tempDir } from "./helpers.js";

let folder: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await tempDir("atomic");
});
afterEach(async () => {
  await folder.remove();
});

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temporary file behind", async () => {
    const file = path.join(folder.dir, "spec", "openapi.yaml");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "old");
    await writeFileAtomic(file, "new");
    expect(await readFile(file, "utf8")).toBe("new");
    expect(await readdir(path.dirname(file))).toEqual(["openapi.yaml"]);
  });

  it("creates missing folders", async () => {
    const file = path.join(folder.dir, "a", "b", "out.yaml");
    await writeFileAtomic(file, "x");
    expect(await readFile(file, "utf8")).toBe("x");
  });

  it("fails without leaving a temporary file when the target cannot be replaced", async () => {
    const target = path.join(folder.dir, "is-a-folder");
    await mkdir(path.join(target, "child"), { recursive: true });
    await expect(writeFileAtomic(target, "x")).rejects.toThrow();
    expect((await readdir(folder.dir)).sort()).toEqual(["is-a-folder"]);
  });
});
