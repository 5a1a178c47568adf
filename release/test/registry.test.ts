import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishEnv, releaseRegistry, scopedRegistryLine, withScopedRegistry } from "../src/registry.js";

describe("releaseRegistry", () => {
  it.each([
    ["unset", { given: undefined, want: undefined }],
    ["empty", { given: "  ", want: undefined }],
    ["http URL gains a trailing slash", { given: "http://127.0.0.1:4873", want: "http://127.0.0.1:4873/" }],
    ["https URL with a path", { given: "https://registry.example/npm/", want: "https://registry.example/npm/" }],
  ])("%s", (_name, { given, want }) => {
    expect(releaseRegistry({ RELEASE_REGISTRY: given })).toBe(want);
  });

  it.each([
    ["not a URL", { given: "localhost:4873", want: /must be an http or https URL/ }],
    ["no scheme at all", { given: "just words", want: /RELEASE_REGISTRY is not a URL: "just words"/ }],
    ["file URL", { given: "file:///srv/npm", want: /must be an http or https URL, got "file:\/\/\/srv\/npm"/ }],
  ])("rejects %s", (_name, { given, want }) => {
    expect(() => releaseRegistry({ RELEASE_REGISTRY: given })).toThrow(want);
  });
});

describe("publishEnv", () => {
  it("names the scope for changesets (npm_config_*) and for pnpm 12 (pnpm_config_*)", () => {
    const env = publishEnv({ KEEP: "1" }, "http://127.0.0.1:1/", false);
    expect(env).toEqual({
      KEEP: "1",
      "npm_config_@onelogin-mfa:registry": "http://127.0.0.1:1/",
      "pnpm_config_@onelogin-mfa:registry": "http://127.0.0.1:1/",
    });
  });

  it("leaves the registry alone when none is given, and asks for provenance only when told", () => {
    expect(publishEnv({}, undefined, false)).toEqual({});
    expect(publishEnv({}, undefined, true)).toEqual({ npm_config_provenance: "true", pnpm_config_provenance: "true" });
  });
});

describe("withScopedRegistry", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-npmrc-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const npmrc = () => path.join(dir, ".npmrc");
  const line = scopedRegistryLine("http://127.0.0.1:2/");

  it.each([
    ["no .npmrc", { before: undefined, during: `${line}\n` }],
    ["an auth line", { before: "//host/:_authToken=x\n", during: `//host/:_authToken=x\n${line}\n` }],
    ["an older scope line", { before: "@onelogin-mfa:registry=http://old/\na=b", during: `a=b\n${line}\n` }],
  ])("with %s: adds the line while the task runs, then restores the file", async (_name, { before, during }) => {
    if (before !== undefined) await writeFile(npmrc(), before);
    const seen = await withScopedRegistry(dir, "http://127.0.0.1:2/", () => readFile(npmrc(), "utf8"));
    expect(seen).toBe(during);
    if (before === undefined) expect(existsSync(npmrc())).toBe(false);
    else expect(await readFile(npmrc(), "utf8")).toBe(before);
  });

  it("restores the file when the task throws", async () => {
    await writeFile(npmrc(), "keep=me\n");
    await expect(
      withScopedRegistry(dir, "http://127.0.0.1:2/", async () => {
        throw new Error("publish failed");
      }),
    ).rejects.toThrow("publish failed");
    expect(await readFile(npmrc(), "utf8")).toBe("keep=me\n");
  });
});
