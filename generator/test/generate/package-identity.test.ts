import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configProblems,
  renderScaffoldFile,
  resolveIdentity,
  scopeFromTitle,
} from "../../src/generate/package-identity.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("scopeFromTitle", () => {
  it.each([
    ["words", { given: "Swagger Petstore", want: "@swagger-petstore" }],
    ["punctuation and accents", { given: "  Café — Orders API (v2)!", want: "@cafe-orders-api-v2" }],
    ["nothing usable", { given: "☃", want: "@api" }],
    ["no title", { given: undefined, want: "@api" }],
  ])("%s", (_name, { given, want }) => {
    expect(scopeFromTitle(given)).toBe(want);
  });
});

describe("resolveIdentity", () => {
  it.each([
    [
      "our spec keeps our names",
      { given: { ownSpec: true, specTitle: "x" }, want: ["@onelogin-mfa/schema", "@onelogin-mfa/fetch"] },
    ],
    [
      "another spec gets a scope from its title",
      { given: { ownSpec: false, specTitle: "Acme Billing" }, want: ["@acme-billing/schema", "@acme-billing/fetch"] },
    ],
    [
      "--scope wins over the config",
      {
        given: { ownSpec: false, specTitle: "x", scope: "@flag", config: { scope: "@file" } },
        want: ["@flag/schema", "@flag/fetch"],
      },
    ],
    [
      "a configured name wins for its package only",
      {
        given: {
          ownSpec: false,
          specTitle: "x",
          config: { scope: "@acme", packages: { fetch: { name: "acme-client" } } },
        },
        want: ["@acme/schema", "acme-client"],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const identity = resolveIdentity(given);
    expect([identity.packages.schema.name, identity.packages.fetch.name]).toEqual(want);
  });

  it("descriptions name the spec's API", () => {
    expect(resolveIdentity({ ownSpec: false, specTitle: "Acme Billing" }).packages.axios.description).toBe(
      "Typed client for the Acme Billing API on axios (a peer dependency).",
    );
  });

  it("refuses a scope npm would refuse", () => {
    expect(() => resolveIdentity({ ownSpec: false, specTitle: "x", scope: "Acme" })).toThrow(/not an npm scope/);
  });
});

describe("configProblems", () => {
  it.each([
    [
      "a valid config",
      {
        given: {
          scope: "@acme",
          apiTitle: "the Acme API",
          packages: { fetch: { name: "@acme/web", description: "d" } },
        },
        want: [],
      },
    ],
    ["a typo in a key", { given: { scoep: "@acme" }, want: ['/scoep: unknown key "scoep"'] }],
    [
      "an unknown package",
      {
        given: { packages: { node: {} } },
        want: ['/packages/node: unknown package "node"; expected one of schema, fetch, axios'],
      },
    ],
    [
      "an invalid name",
      {
        given: { packages: { axios: { name: "Acme Client" } } },
        want: [
          "/packages/axios/name: name must be a valid npm package name (lowercase, URL-safe, at most 214 characters)",
        ],
      },
    ],
    ["not an object", { given: ["@acme"], want: [": config must be an object"] }],
    [
      "names by JSON pointer",
      { given: { names: { "#/paths/~1a/get": "listA", "#/components/schemas/a": "ModelA" } }, want: [] },
    ],
    [
      "a name that is no identifier, and a place that is no pointer",
      {
        given: { names: { "#/paths/~1a/get": "list-a", "components/schemas/a": "ModelA" } },
        want: [
          '/names/#~1paths~1~01a~1get: must be a plain identifier that is not a reserved word, got "list-a"',
          '/names/components~1schemas~1a: "components/schemas/a" is not a JSON pointer into the spec (#/…)',
        ],
      },
    ],
    ["repository and author", { given: { repository: "https://example.com/a.git", author: "Acme Inc." }, want: [] }],
    [
      "a repository on two lines, an empty author",
      {
        given: { repository: "a\nb", author: " " },
        want: [
          "/repository: repository must be a non-empty string on one line",
          "/author: author must be a non-empty string on one line",
        ],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(configProblems(given).map((p) => `${p.pointer}: ${p.message}`)).toEqual(want);
  });
});

describe("renderScaffoldFile", () => {
  const manifest = JSON.stringify({
    name: "@onelogin-mfa/fetch",
    repository: { type: "git", url: "ours" },
    homepage: "ours",
    bugs: { url: "ours" },
  });
  const license = "MIT License\n\nCopyright (c) 2026 OneLogin MFA SDK contributors\n";
  const other = (config = {}) => resolveIdentity({ ownSpec: false, specTitle: "Pets", config });

  it("gives another API's packages none of our links, and its own repository and author when configured", () => {
    expect(JSON.parse(renderScaffoldFile("fetch", "package.json", manifest, other()))).toEqual({
      name: "@pets/fetch",
      description: "Typed client for the Pets API on the Fetch API. No runtime dependencies.",
      keywords: ["openapi", "sdk", "fetch"],
    });
    const configured = other({ repository: "https://example.com/pets.git", author: "Acme Inc." });
    const written = JSON.parse(renderScaffoldFile("fetch", "package.json", manifest, configured));
    expect(written.repository).toEqual({ type: "git", url: "https://example.com/pets.git" });
    expect(written.author).toBe("Acme Inc.");
  });

  it("names another API's copyright holder, never us", () => {
    expect(renderScaffoldFile("axios", "LICENSE", license, other())).toBe(
      "MIT License\n\nCopyright (c) 2026 the authors of the SDK for Pets API\n",
    );
    expect(renderScaffoldFile("axios", "LICENSE", license, other({ author: "Acme Inc." }))).toBe(
      "MIT License\n\nCopyright (c) 2026 Acme Inc.\n",
    );
    const own = resolveIdentity({ ownSpec: true, specTitle: "x" });
    expect(renderScaffoldFile("axios", "LICENSE", license, own)).toBe(license);
    expect(JSON.parse(renderScaffoldFile("fetch", "package.json", manifest, own)).repository).toEqual({
      type: "git",
      url: "ours",
    });
  });
});

describe("generate --config / --scope", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("identity");
  });
  afterAll(() => temp.remove());

  it("scaffolds the packages with the configured names and descriptions", async () => {
    const config = path.join(temp.dir, "sdk.json");
    await writeFile(
      config,
      JSON.stringify({ scope: "@acme", apiTitle: "the Acme Pet API", packages: { axios: { name: "acme-axios" } } }),
    );
    const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "types", "types-30.yaml");
    const out = path.join(temp.dir, "out");
    const result = await runCli(
      ["generate", "--spec", spec, "--out", out, "--config", config, "--no-api-reports"],
      temp.dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const manifest = async (pkg: string) => JSON.parse(await readFile(path.join(out, pkg, "package.json"), "utf8"));
    expect((await manifest("schema")).name).toBe("@acme/schema");
    expect((await manifest("fetch")).description).toBe(
      "Typed client for the Acme Pet API on the Fetch API. No runtime dependencies.",
    );
    expect((await manifest("axios")).name).toBe("acme-axios");
    const readme = await readFile(path.join(out, "axios", "README.md"), "utf8");
    expect(readme).toContain("npm install axios acme-axios");
    expect(readme).toContain("`@acme/schema` and `@acme/fetch`");
    expect(readme).not.toMatch(/onelogin|MultiFactor/i);
    expect((await manifest("fetch")).keywords).toEqual(["openapi", "sdk", "fetch"]);
  });

  it("the first generation into a fresh folder reports the API under the configured names, as every later one does", async () => {
    const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "types", "types-30.yaml");
    const out = path.join(temp.dir, "reported");
    const titles = async () => {
      const titleOf = async (pkg: string) =>
        (await readFile(path.join(out, pkg, "api-report", "index.api.md"), "utf8")).split("\n")[0];
      return [await titleOf("schema"), await titleOf("fetch"), await titleOf("axios")];
    };
    const first = await runCli(["generate", "--spec", spec, "--out", out, "--scope", "@acme"], temp.dir);
    expect(first.code, first.stderr).toBe(0);
    const expected = ["schema", "fetch", "axios"].map((pkg) => `## API Report File for "@acme/${pkg}"`);
    expect(await titles()).toEqual(expected);
    const second = await runCli(["generate", "--spec", spec, "--out", out, "--scope", "@acme", "--check"], temp.dir);
    expect(second.code, second.stderr).toBe(0);
  });

  it("a config with a typo stops the run before anything is written, naming the key", async () => {
    const config = path.join(temp.dir, "typo.yaml");
    await writeFile(config, "scope: '@acme'\npackges: {}\n");
    const out = path.join(temp.dir, "typo-out");
    const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "types", "types-30.yaml");
    const result = await runCli(["generate", "--spec", spec, "--out", out, "--config", config], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('typo.yaml: error: unknown key "packges" (at #/packges)');
  });
});
