import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../src/generate/file-tree.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const fixtures = path.join(repoRoot, "generator", "test", "fixtures", "specs", "errors");
/** A Java or Node stack frame; error output for bad input must never contain one. */
const STACK_FRAME = /^\s+at |^\s+\.\.\. \d+ more|Exception in thread/m;

describe("generate: bad input gives a located error, no stack trace and no output", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    temp = await makeTempDir("bad-input");
  });
  afterAll(() => temp.remove());

  it.each([
    [
      "a null path item",
      {
        spec: "null-path-item.yaml",
        want: /null-path-item\.yaml:5:11: error: not a valid OpenAPI 3\.0 document: must be object \(at #\/paths\/~1things\)/,
      },
    ],
    [
      "a YAML alias bomb",
      { spec: "alias-bomb.yaml", want: /alias-bomb\.yaml: error: YAML aliases expand to more than 1000 copies/ },
    ],
    [
      "cyclic external refs",
      {
        spec: "cyclic-external/api.yaml",
        want: /api\.yaml: error: cannot bundle external \$refs: a chain of \$refs through other files leads back to itself/,
      },
    ],
    [
      "a trailing comma in a .json file",
      {
        spec: "trailing-comma.json",
        want: /trailing-comma\.json:3:56: error: invalid JSON: expected a double-quoted member name, found "}"$/m,
      },
    ],
    [
      "a name given twice in one object of a .json file",
      {
        spec: "duplicate-key.json",
        want: /duplicate-key\.json:6:66: error: invalid JSON: the name "200" is given twice in one object .*\(at #\/paths\/~1things\/get\/responses\)/,
      },
    ],
    [
      "a $ref in another file to a file that does not exist",
      {
        spec: "missing-external/api.yaml",
        want: /missing-external\/schemas\.yaml:5:7: error: \$ref "\.\/owners\.yaml#\/Owner" cannot be resolved: no file \S*missing-external\/owners\.yaml \(at #\/Thing\/properties\/owner\)/,
      },
    ],
    [
      "allOf of a string and an integer",
      {
        spec: "allof-string-integer.yaml",
        want: /allof-string-integer\.yaml:21:11: error: allOf requires a value to be integer and string at once.*\(at #\/components\/schemas\/Thing\/properties\/code\)/,
      },
    ],
    [
      "a $ref to a name only Object.prototype has",
      {
        spec: "dangling-local-ref.yaml",
        want: /dangling-local-ref\.yaml:13:23: error: \$ref "#\/components\/schemas\/constructor" does not resolve/,
      },
    ],
    [
      "an object schema whose enum lists strings",
      {
        spec: "object-with-string-enum.yaml",
        want: /object-with-string-enum\.yaml:18:7: error: the schema package's types cannot be made from this schema \(openapi-typescript: "Expected SchemaObject, received string"\) \(at #\/components\/schemas\/ProductGroup\)/,
      },
    ],
    [
      "a parameter whose content is not JSON",
      {
        spec: "xml-content-parameter.yaml",
        want: /xml-content-parameter\.yaml:12:15: error: parameter "filter" has content "application\/xml"; only JSON media types .* \(at #\/paths\/~1things\/get\/parameters\/0\/content\/application~1xml\)/,
      },
    ],
  ])("%s", async (_name, { spec, want }) => {
    const out = path.join(temp.dir, path.basename(spec));
    const result = await runCli(["generate", "--spec", path.join(fixtures, spec), "--out", out], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(want);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect((await readTree(out)).size).toBe(0);
  });

  it("an unknown flag is one line of usage, not a stack trace", async () => {
    const result = await runCli(["generate", "--sepc", "x.yaml"], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'unknown argument "--sepc"; usage: pnpm generate [--spec <file>] [--out <folder>] [--scope <@scope>] [--config <file>] [--check] [--progress | --no-progress] [--no-api-reports] | pnpm generate --batch <file> [--no-api-reports]',
    );
  });

  it("a document nested deeper than any walker survives is refused at the first place too deep", async () => {
    // 1,000 schemas each inside the last: built here, since a committed copy would be unreadable.
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 1000; i++) deep = { type: "object", properties: { a: deep } };
    const spec = {
      openapi: "3.0.3",
      info: { title: "deep", version: "1" },
      paths: {},
      components: { schemas: { Deep: deep } },
    };
    const dir = path.join(temp.dir, "deep");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "deep.json"), JSON.stringify(spec));
    const result = await runCli(["generate", "--spec", "deep.json", "--out", path.join(dir, "out")], dir);
    expect(result.code).toBe(1);
    // 256 tokens: components, schemas, Deep, then properties/a pairs; the last one is the 256th.
    const pointer = `#/components/schemas/Deep${"/properties/a".repeat(126)}/properties`;
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^deep\\.json:1:\\d+: error: the document nests more than 256 levels deep here; .* \\(at ${pointer.replace(/[/~]/g, "\\$&")}\\)$`,
      ),
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect((await readTree(path.join(dir, "out"))).size).toBe(0);
  });

  it.each([
    [
      "a Swagger 2.0 document",
      'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n',
      /^v\.yaml:1:10: error: only OpenAPI 3\.0\.x and 3\.1\.x documents are supported, and it is a Swagger "2\.0" document; convert it to OpenAPI 3\.0 first .*\(at #\/swagger\)$/,
    ],
    [
      "a later OpenAPI version",
      'info: { title: t, version: "1" }\nopenapi: 3.2.0\npaths: {}\n',
      /^v\.yaml:2:10: error: only OpenAPI 3\.0\.x and 3\.1\.x documents are supported, and it says openapi: "3\.2\.0" \(at #\/openapi\)$/,
    ],
    [
      "no version at all",
      'info: { title: t, version: "1" }\npaths: {}\n',
      /^v\.yaml:1: error: only OpenAPI 3\.0\.x and 3\.1\.x documents are supported, and it has no openapi field \(at #\)$/,
    ],
  ])("%s is refused, saying what it is and where", async (label, text, want) => {
    const dir = path.join(temp.dir, label.replace(/\W+/g, "-"));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "v.yaml"), text);
    const result = await runCli(["generate", "--spec", "v.yaml", "--out", path.join(dir, "out")], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(want);
    expect((await readTree(path.join(dir, "out"))).size).toBe(0);
  });

  it.each([
    [
      "--out is a file",
      async (out: string) => writeFile(out, ""),
      (out: string) => `${out}: error: is a file, but the packages are written here as folders (--out names`,
    ],
    [
      "a package's src is a file",
      async (out: string) => {
        await mkdir(path.join(out, "axios"), { recursive: true });
        await writeFile(path.join(out, "axios", "src"), "");
      },
      (out: string) => `${out}/axios/src: error: is a file, but the packages are written here as folders`,
    ],
    [
      "a package.json there is not JSON",
      async (out: string) => {
        await mkdir(path.join(out, "fetch"), { recursive: true });
        await writeFile(path.join(out, "fetch", "package.json"), '{ "name": ');
      },
      (out: string) => `${out}/fetch/package.json: error: is not valid JSON`,
    ],
  ])("an output folder where %s is refused before anything is generated", async (label, prepare, want) => {
    const dir = path.join(temp.dir, label.replace(/\W+/g, "-"));
    await mkdir(dir, { recursive: true });
    await prepare(path.join(dir, "out"));
    const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "reserved-words.yaml");
    const result = await runCli(["generate", "--spec", spec, "--out", "out", "--no-api-reports"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toContain(want("out"));
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("a config file that is not YAML is refused at its line and column", async () => {
    const dir = path.join(temp.dir, "bad-config");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "sdk.yaml"), "scope: '@a'\nnames: [1\n");
    const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "reserved-words.yaml");
    const result = await runCli(["generate", "--spec", spec, "--config", "sdk.yaml", "--out", "out"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^sdk\.yaml:3:1: error: cannot parse config: [^\n]*\]$/);
    expect(result.stderr).not.toMatch(/at line \d+, column/);
  });

  it.each([
    [
      "a .json batch file with a trailing comma",
      "jobs.json",
      '{ "jobs": [\n  { "spec": "a.yaml", "out": "a" },\n] }\n',
      /^jobs\.json:3:1: error: invalid JSON: /,
    ],
    [
      "a .json batch file with a name given twice",
      "jobs.json",
      '{ "jobs": [], "jobs": [] }\n',
      /^jobs\.json:1:15: error: invalid JSON: the name "jobs" is given twice in one object .*\(at #\)$/,
    ],
    [
      "a YAML batch file that is not YAML",
      "jobs.yaml",
      "jobs:\n  - { spec: a.yaml, out: [a\n",
      /^jobs\.yaml:3:1: error: cannot parse batch file: /,
    ],
  ])("%s is refused at its line and column, and nothing runs", async (_label, name, text, want) => {
    const dir = path.join(temp.dir, `bad-batch-${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
    const result = await runCli(["generate", "--batch", name], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")[0]).toMatch(want);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).not.toContain("==>");
  });

  it("a YAML document nested too deeply for the YAML parser is refused with its place, not as a stack overflow", async () => {
    // 50,000 flow sequences inside each other: far past any stack the parser's recursion fits in.
    const dir = path.join(temp.dir, "deep-yaml");
    await mkdir(dir, { recursive: true });
    const text = `openapi: 3.0.3\ninfo: { title: deep, version: "1" }\npaths: {}\nx-deep: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`;
    await writeFile(path.join(dir, "deep.yaml"), text);
    const result = await runCli(["generate", "--spec", "deep.yaml", "--out", path.join(dir, "out")], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^deep\.yaml:4:\d+: error: the document nests too deeply to be read/);
    expect(result.stderr).not.toMatch(/call stack/i);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect((await readTree(path.join(dir, "out"))).size).toBe(0);
  });

  it("shows the first 50 of many errors and says how many more there are", async () => {
    // 120 operations, each with a path variable that no parameter declares.
    const paths = Array.from(
      { length: 120 },
      (_, i) => `  /things${i}/{id}:\n    get:\n      responses:\n        "200": { description: ok }\n`,
    );
    const dir = path.join(temp.dir, "many");
    await mkdir(dir, { recursive: true });
    const spec = path.join(dir, "many.yaml");
    await writeFile(spec, `openapi: 3.0.3\ninfo: { title: many, version: "1" }\npaths:\n${paths.join("")}`);
    const result = await runCli(["generate", "--spec", spec, "--out", path.join(dir, "out")], dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.filter((l) => /^many\.yaml:\d+:\d+: error: path variable \{id\}/.test(l))).toHaveLength(50);
    expect(lines.at(-1)).toBe("… and 70 more errors");
  });
});
