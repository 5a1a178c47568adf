import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { release } from "../src/release.js";

// A root holding only the three manifests: release() must refuse before it runs any command,
// so no changeset, build or publish can start here.
describe("release refuses before publishing anything", () => {
  let root: string;
  const lines: string[] = [];
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-release-"));
    lines.length = 0;
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function packagesAt(version: string): Promise<void> {
    for (const folder of ["schema", "fetch", "axios"]) {
      await mkdir(path.join(root, "packages", folder), { recursive: true });
      const manifest = { name: `@onelogin-mfa/${folder}`, version };
      await writeFile(path.join(root, "packages", folder, "package.json"), JSON.stringify(manifest));
    }
  }
  const run = (env: NodeJS.ProcessEnv) =>
    release({ root, publishOnly: true, provenance: false, env, log: (line) => lines.push(line) });

  it("a version 0.0.0", async () => {
    await packagesAt("0.0.0");
    await expect(run({ RELEASE_REGISTRY: "http://127.0.0.1:9/" })).rejects.toThrow(/refusing to publish version 0.0.0/);
    expect(lines).toEqual([]);
    expect(existsSync(path.join(root, ".npmrc"))).toBe(false);
  });

  it("a registry setting that is not a URL", async () => {
    await packagesAt("1.0.0");
    await expect(run({ RELEASE_REGISTRY: "not a url" })).rejects.toThrow(/RELEASE_REGISTRY is not a URL/);
    expect(lines).toEqual([]);
  });
});
