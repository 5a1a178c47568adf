import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportEntries } from "../../src/release/api-report/report-entries.js";
import { cloneRepo } from "../support/repo-clone.js";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const run = promisify(execFile);
const DOCS = "spec/docs/apis/tags/MultiFactorAuthenticationV1Api.md";
const CHANGESET = ".changeset/regenerated-from-spec.md";
const PACKAGES = ["schema", "fetch", "axios"];

/**
 * A spec change carried to a changeset, end to end, on a clone of the committed repository:
 * `pnpm generate` in the clone (its own generator, templates and docs) must write the changeset
 * of the right class. Installed dependencies and the generator JARs are linked from this checkout.
 */
describe("pnpm generate writes a changeset of the right class", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let clone: string;

  const git = (...args: string[]) => run("git", args, { cwd: clone });
  const generate = (): Promise<{ code: number; output: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        path.join(repoRoot, "node_modules", ".bin", "tsx"),
        [path.join(clone, "generator", "src", "cli.ts"), "generate"],
        { cwd: clone, env: { ...process.env, NO_COLOR: "1" } },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, output }));
    });
  const editFile = async (file: string, edit: (text: string) => string): Promise<void> => {
    const target = path.join(clone, file);
    const before = await readFile(target, "utf8");
    const after = edit(before);
    expect(after).not.toBe(before);
    await writeFile(target, after);
  };
  /** Generates and returns the changeset's front matter bumps and body. */
  const generateChangeset = async (): Promise<{ bumps: Record<string, string>; body: string }> => {
    const result = await generate();
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(clone, CHANGESET), "utf8");
    const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const bumps = Object.fromEntries(
      front.split("\n").map((line) => {
        const [, name = "", bump = ""] = /^"([^"]+)": (\w+)$/.exec(line) ?? [];
        return [name, bump];
      }),
    );
    return { bumps, body };
  };
  const expectAllBumped = (bumps: Record<string, string>, bump: string): void => {
    expect(bumps).toEqual(Object.fromEntries(PACKAGES.map((p) => [`@onelogin-mfa/${p}`, bump])));
  };
  const reset = async (): Promise<void> => {
    await git("checkout", "--quiet", "--", ".");
    await git("clean", "-fdq");
  };

  beforeAll(async () => {
    temp = await makeTempDir("changeset");
    clone = path.join(temp.dir, "repo");
    await cloneRepo(clone);
  });
  afterAll(() => temp.remove());

  it("writes nothing when nothing changed", async () => {
    const result = await generate();
    expect(result.code).toBe(0);
    expect(result.output).toContain("no changeset");
    expect(existsSync(path.join(clone, CHANGESET))).toBe(false);
    expect((await git("status", "--porcelain")).stdout).toBe("");
  });

  it("a new operation in the docs is minor, and a second run writes no second changeset", async () => {
    await reset();
    await editFile(DOCS, (text) => {
      const start = text.indexOf("# **remove_mfa_factors**");
      const end = text.indexOf("\n# **", start + 1);
      const section = text.slice(start, end === -1 ? undefined : end);
      const copy = section
        .replaceAll("remove_mfa_factors", "remove_all_mfa_factors")
        .replaceAll(
          "/api/1/users/{user_id}/otp_devices/{device_id}",
          "/api/1/users/{user_id}/otp_devices/{device_id}/all",
        );
      const row =
        "[**remove_all_mfa_factors**](#remove_all_mfa_factors) | **delete** /api/1/users/{user_id}/otp_devices/{device_id}/all | Remove all Factors\n";
      const withRow = text.replace("[**remove_mfa_factors**]", `${row}[**remove_mfa_factors**]`);
      return `${withRow.trimEnd()}\n\n${copy.trimEnd()}\n`;
    });
    const { bumps, body } = await generateChangeset();
    expectAllBumped(bumps, "minor");
    expect(body).toContain("removeAllMfaFactors");
    const first = await readFile(path.join(clone, CHANGESET), "utf8");
    const again = await generate();
    // The text first, so that a difference between the two runs shows in the failure.
    expect(await readFile(path.join(clone, CHANGESET), "utf8")).toBe(first);
    expect(again.output).toContain("already covers the pending change");
    const changesets = (await readdir(path.join(clone, ".changeset"))).filter((f) => f.startsWith("regenerated"));
    expect(changesets).toEqual(["regenerated-from-spec.md"]);
  });

  it("a removed response property is major", async () => {
    await reset();
    await editFile(DOCS, (text) => {
      const section = text.indexOf("# **get_enrolled_factors**");
      const line = text.indexOf("**status** | [**Error**]", section);
      return text.slice(0, line) + text.slice(text.indexOf("\n", line) + 1);
    });
    const { bumps, body } = await generateChangeset();
    expectAllBumped(bumps, "major");
    expect(body).toContain("status");
    // The other operations' exported types are untouched: only getEnrolledFactors' models changed.
    const report = await readFile(path.join(clone, "packages", "fetch", "api-report", "index.api.md"), "utf8");
    const committed = (await git("show", "HEAD:packages/fetch/api-report/index.api.md")).stdout;
    expect(changedExports(committed, report)).toEqual(["GetEnrolledFactors200Response"]);
  });

  it("a changed summary alone is patch", async () => {
    await reset();
    await editFile(DOCS, (text) => text.replace("| Get Enrolled Factors\n", "| List the enrolled factors\n"));
    const { bumps } = await generateChangeset();
    expectAllBumped(bumps, "patch");
  });

  it("a template change that renames an exported type is major, with the spec untouched", async () => {
    await reset();
    await editFile("templates/common/sdk-api-file.mustache", (text) =>
      text.replaceAll("{{{vendorExtensions.x-sdk-error-type-name}}}", "{{{vendorExtensions.x-sdk-type-name}}}Failure"),
    );
    await editFile("templates/common/sdk-operation-doc.mustache", (text) =>
      text.replaceAll("{{{vendorExtensions.x-sdk-error-type-name}}}", "{{{vendorExtensions.x-sdk-type-name}}}Failure"),
    );
    const { bumps, body } = await generateChangeset();
    expectAllBumped(bumps, "major");
    expect(body).toContain("Removed the export `GetEnrolledFactorsError`");
    expect((await git("status", "--porcelain", "spec")).stdout).toBe("");
  });

  it("changeset version bumps the three packages together and their changelogs list the changes", async () => {
    const versions = await Promise.all(
      PACKAGES.map(
        async (p) =>
          (JSON.parse(await readFile(path.join(clone, "packages", p, "package.json"), "utf8")) as { version: string })
            .version,
      ),
    );
    await git("add", "-A");
    await git("commit", "--quiet", "-m", "rename error types");
    await run(path.join(repoRoot, "node_modules", ".bin", "changeset"), ["version"], { cwd: clone });
    const bumped = await Promise.all(
      PACKAGES.map(
        async (p) =>
          (JSON.parse(await readFile(path.join(clone, "packages", p, "package.json"), "utf8")) as { version: string })
            .version,
      ),
    );
    expect(new Set(bumped).size).toBe(1);
    expect(bumped[0]).not.toBe(versions[0]);
    for (const p of PACKAGES) {
      const changelog = await readFile(path.join(clone, "packages", p, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(bumped[0]!);
      expect(changelog).toContain("Removed the export `GetEnrolledFactorsError`");
    }
    expect(existsSync(path.join(clone, CHANGESET))).toBe(false);
  });
});

/** Names of the exports whose declaration differs between two API reports. */
function changedExports(before: string, after: string): string[] {
  const old = reportEntries(before);
  const now = reportEntries(after);
  return [...new Set([...old.keys(), ...now.keys()])].filter((name) => old.get(name) !== now.get(name)).sort();
}
