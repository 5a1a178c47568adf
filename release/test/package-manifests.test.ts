import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PUBLISHED_FOLDERS } from "../src/published-packages.js";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8"));
const rootLicense = await readFile(path.join(root, "LICENSE"), "utf8");
const rootEngines = (await readJson(path.join(root, "package.json"))).engines;

describe("the root LICENSE", () => {
  it("is MIT, held by the contributors, 2026", () => {
    expect(rootLicense.split("\n").slice(0, 3)).toEqual([
      "MIT License",
      "",
      "Copyright (c) 2026 OneLogin MFA SDK contributors",
    ]);
  });
});

describe.each(PUBLISHED_FOLDERS)("@onelogin-mfa/%s's manifest", (folder) => {
  const dir = path.join(root, "packages", folder);
  const seed = path.join(root, "templates", "packages", folder);

  it("matches its template seed in everything but the version", async () => {
    const { version: _a, ...pkg } = await readJson(path.join(dir, "package.json"));
    const { version: seedVersion, ...seeded } = await readJson(path.join(seed, "package.json"));
    expect(pkg).toEqual(seeded);
    // A package generated from the seed starts unpublished; the first changeset makes it 1.0.0.
    expect(seedVersion).toBe("0.0.0");
  });

  it.each([dir, seed])("ships the root LICENSE (%s)", async (where) => {
    expect(await readFile(path.join(where, "LICENSE"), "utf8")).toBe(rootLicense);
  });

  it("agrees with the root on engines and says where it comes from", async () => {
    const pkg = await readJson(path.join(dir, "package.json"));
    expect(pkg.engines).toEqual(rootEngines);
    expect(pkg.license).toBe("MIT");
    expect(pkg.repository).toEqual({
      type: "git",
      url: "git+https://github.com/onelogin-mfa/sdk.git",
      directory: `packages/${folder}`,
    });
    expect(pkg.homepage).toBe(`https://github.com/onelogin-mfa/sdk/tree/main/packages/${folder}#readme`);
    expect(pkg.bugs).toEqual({ url: "https://github.com/onelogin-mfa/sdk/issues" });
    // Provenance needs a CI OIDC token: `pnpm release --provenance` asks for it, the manifest never.
    expect(pkg.publishConfig).toEqual({ access: "public" });
    expect(pkg.scripts.prepack).toBe("pnpm run build");
  });

  // npm's own file selection over a copy with a CHANGELOG present (it exists only after the first
  // `changeset version`), scripts off: the allowlist alone decides what ships.
  it("packs dist, README, LICENSE and CHANGELOG, and nothing else", async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-pack-"));
    try {
      for (const file of ["package.json", "README.md", "LICENSE", "tsconfig.json", "src"]) {
        await cp(path.join(dir, file), path.join(copy, file), { recursive: true });
      }
      await cp(path.join(dir, "dist"), path.join(copy, "dist"), { recursive: true });
      await writeFile(path.join(copy, "CHANGELOG.md"), "# changelog\n");
      const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: copy });
      const [{ files }] = JSON.parse(stdout) as [{ files: { path: string }[] }];
      const packed = files.map((file) => file.path).sort();
      expect(packed.filter((file) => !file.startsWith("dist/"))).toEqual([
        "CHANGELOG.md",
        "LICENSE",
        "README.md",
        "package.json",
      ]);
      expect(packed).toEqual(
        expect.arrayContaining(["dist/index.cjs", "dist/index.d.cts", "dist/index.d.ts", "dist/index.js"]),
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
