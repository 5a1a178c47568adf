import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBatchOutput } from "../../src/generate/batch.js";
import { readTree } from "../../src/generate/file-tree.js";
import { type CliResult, repoRoot, runCli } from "../support/run-cli.js";
import { linkAxios, makeTempDir } from "../support/temp-dir.js";

const run = promisify(execFile);

const examples = path.join(repoRoot, "generator", "node_modules", "@readme", "oas-examples");

/**
 * Public example specs that exercise what the MFA spec does not: query, header and cookie
 * parameters, enums, allOf/oneOf/anyOf, arrays of models, nullable and read-only fields,
 * 201/204/default responses, several tags and content types, server variables, cycles.
 */
const SPECS = [
  "3.0/petstore",
  "3.0/petstore-expanded",
  "3.0/polymorphism",
  "3.0/parameters-common",
  "3.0/parameters-cookies",
  "3.0/parameters-style",
  "3.0/http-status-codes",
  "3.0/response-multiple-mediatypes",
  "3.0/schema-additional-properties",
  "3.0/security-multiple",
  "3.0/server-variables",
  "3.0/circular",
  "3.0/uspto",
  // OpenAPI 3.1: webhooks (which clients skip), extensions Redocly types differently, optional responses.
  "3.1/train-travel",
  "3.1/webhooks",
  "3.1/readme-extensions",
];

const OWN_SPECS: Record<string, string> = {
  // Reserved words, odd names, quotes and comment terminators, form bodies.
  hostile: path.join(repoRoot, "generator", "test", "fixtures", "specs", "hostile.yaml"),
  // $refs into other files (parameters, schemas, a schema referring to a third file).
  split: path.join(repoRoot, "generator", "test", "fixtures", "specs", "split", "api.yaml"),
  // Valid constructs the structural lints refused: nullable without type, mapping by name, prototype names.
  "once-refused-30": path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "once-refused-30.yaml"),
  // `nullable` in 3.1 (an unknown keyword there, so allowed): a warning, not a refusal.
  "nullable-31": path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "nullable-31.yaml"),
  // Every parameter style, JSON content parameters, allowReserved, operation- and path-level servers.
  "parameter-styles": path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "parameter-styles.yaml"),
  // Tags with an acronym, a version and separators, which the two generators split differently.
  "tag-names": path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "tag-names.yaml"),
  // Names from published specs: keys starting with a digit, AWS's component next to its inline copy.
  "names-from-real-specs": path.join(
    repoRoot,
    "generator",
    "test",
    "fixtures",
    "specs",
    "valid",
    "names-from-real-specs.yaml",
  ),
  // $refs into a component's properties, a response's inline schema, `definitions`; x-internal schemas.
  "deep-refs": path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "deep-refs.yaml"),
  // operationIds `delete`, `default`, `constructor`; a server with two variables.
  "reserved-words": path.join(repoRoot, "generator", "test", "fixtures", "specs", "reserved-words.yaml"),
};

/** Lint findings these specs are expected to print: advice, never a refusal. */
const EXPECTED_WARNINGS: Record<string, RegExp> = {
  "once-refused-30":
    /^[^\n]*once-refused-30\.yaml:\d+: warning: The `type` field must be defined when the `nullable` field is used\. \[struct\] \(at #\/components\/schemas\/Anything\/nullable\)\n$/,
  "nullable-31":
    /^[^\n]*nullable-31\.yaml:\d+:\d+: warning: Property `nullable` is not expected here\. \[struct\][^\n]*\n$/,
};

const NAMES = [...SPECS, ...Object.keys(OWN_SPECS)];
const specOf = (name: string): string =>
  OWN_SPECS[name] ?? path.join(examples, `${path.dirname(name)}/yaml/${path.basename(name)}.yaml`);

describe("generation from public example specs", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let batch: CliResult;
  let jobs: ReturnType<typeof parseBatchOutput>;

  // Every spec in one `generate --batch` run: one process and one JVM instead of one each, which
  // is the same generation for each spec (batch.test.ts checks that) at a third of the time.
  beforeAll(async () => {
    temp = await makeTempDir("examples");
    await linkAxios(temp.dir);
    const file = path.join(temp.dir, "batch.json");
    await writeFile(file, JSON.stringify({ jobs: NAMES.map((name) => ({ spec: specOf(name), out: name })) }));
    batch = await runCli(["generate", "--batch", file, "--no-api-reports"]);
    jobs = parseBatchOutput(batch.stdout);
  });
  afterAll(() => temp.remove());

  it("the batch succeeds, with nothing outside its jobs' own messages", () => {
    expect(batch.stderr).toBe("");
    expect(batch.stdout).toMatch(new RegExp(`^batch: ${NAMES.length} of ${NAMES.length} generated$`, "m"));
    expect(batch.code).toBe(0);
  });

  it.each(NAMES)("%s generates all three packages", async (name) => {
    const job = jobs.get(specOf(name));
    expect(job, `no output for ${name}`).toBeDefined();
    // The job's own messages, less the line that says where its files went.
    const messages = job!.text.replace(/^generated \d+ files in .*\n/m, "");
    if (EXPECTED_WARNINGS[name]) expect(messages).toMatch(EXPECTED_WARNINGS[name]);
    else expect(messages).toBe("");
    expect(job!.ok).toBe(true);
    for (const pkg of ["schema", "fetch", "axios"]) {
      const tree = await readTree(path.join(temp.dir, name, pkg, "src"));
      expect(tree.has("index.gen.ts")).toBe(true);
      for (const [file, content] of tree) {
        expect(content.startsWith("// Generated by @onelogin-mfa/generator from"), `${pkg}/src/${file}`).toBe(true);
      }
    }
  });

  it.each(NAMES)("%s: both clients' src trees have the same files", async (name) => {
    const files = async (pkg: string) => [...(await readTree(path.join(temp.dir, name, pkg, "src"))).keys()].sort();
    expect(await files("axios")).toEqual(await files("fetch"));
  });

  it.each(["fetch", "axios"])("%s: another API's errors are SdkErrors under its own brand, not ours", async (pkg) => {
    const src = path.join(temp.dir, "names-from-real-specs", pkg, "src");
    const errors = await readFile(path.join(src, "runtime", "errors.gen.ts"), "utf8");
    expect(errors).toContain("export class SdkError extends Error {");
    expect(errors).toContain('Symbol.for("@names-from-real-specs.error")');
    // The first line names the generator, which is ours; the code after it names nothing of ours.
    expect(errors.slice(errors.indexOf("\n"))).not.toMatch(/OneLoginMfa|onelogin-mfa/);
    expect(await readFile(path.join(src, "runtime", "public.gen.ts"), "utf8")).toMatch(/^ {2}SdkError,$/m);
  });

  it.each(["fetch", "axios"])("%s: x-enum-varnames become identifiers, or OpenAPI Generator's names", async (pkg) => {
    const src = path.join(temp.dir, "names-from-real-specs", pkg, "src", "models");
    const mode = await readFile(path.join(src, "deployment-project-selection-mode.gen.ts"), "utf8");
    expect(mode).toMatch(/\{\n {2}Any: 0,\n {2}OnlySelected: 1,\n {2}AllExceptSelected: 2,\n {2}_3rd: 3,\n\}/);
    // "Same Name" and "Same-Name" would both be SameName: the extension is dropped.
    // Values of mixed types keep their types; values without letters or digits still get names.
    const odd = await readFile(path.join(src, "odd-enum-values.gen.ts"), "utf8");
    expect(odd).toContain(
      '  Empty: "",\n  Value: " ",\n  Value2: "-",\n  Proto: "__proto__",\n  A: "a",\n  A2: "A",\n  NUMBER_1: 1,\n  NUMBER_1_DOT_5: 1.5,\n  True: true,\n  Null: null,\n',
    );
    const colliding = await readFile(path.join(src, "colliding-var-names.gen.ts"), "utf8");
    expect(colliding).toMatch(/\{\n {2}A: "a",\n {2}B: "b",\n\}/);
  });

  it.each(["fetch", "axios"])("%s: additionalProperties on a schema that is no object changes nothing", async (pkg) => {
    const src = path.join(temp.dir, "names-from-real-specs", pkg, "src", "models");
    const model = await readFile(path.join(src, "model200-ok.gen.ts"), "utf8");
    expect(model).toContain("dkimKeys?: Array<unknown> | null;");
    expect(model).toContain("label?: string;");
  });

  it.each(["fetch", "axios"])("%s: models whose kebab-case names are one get a file each", async (pkg) => {
    const src = path.join(temp.dir, "names-from-real-specs", pkg, "src", "models");
    // ResourceArn is its kebab name's words, so it keeps the file; ResourceARN starts a word at each capital.
    expect(await readFile(path.join(src, "resource-arn.gen.ts"), "utf8")).toMatch(/^export interface ResourceArn \{/m);
    expect(await readFile(path.join(src, "resource-a-r-n.gen.ts"), "utf8")).toMatch(
      /^export interface ResourceARN \{/m,
    );
    const barrel = await readFile(path.join(src, "index.gen.ts"), "utf8");
    expect(barrel).toContain('export * from "./resource-a-r-n.gen.js";\nexport * from "./resource-arn.gen.js";');
    expect(barrel.match(/resource-arn\.gen\.js/g)).toHaveLength(1);
  });

  it.each(["fetch", "axios"])(
    "%s: reserved-word operationIds become <word>Operation functions and methods",
    async (pkg) => {
      const api = await readFile(
        path.join(temp.dir, "reserved-words", pkg, "src", "apis", "default-api.gen.ts"),
        "utf8",
      );
      for (const word of ["delete", "default", "constructor"]) {
        expect(api).toContain(`export function ${word}Operation(`);
        expect(api).toMatch(new RegExp(`export (async )?function ${word}OperationRaw\\(`));
        expect(api).toMatch(new RegExp(`^  ${word}Operation\\(params`, "m"));
        expect(api).toContain(`operationId: "${word}"`);
      }
      const client = await readFile(path.join(temp.dir, "reserved-words", pkg, "src", "client.gen.ts"), "utf8");
      expect(client).toContain('{ baseUrl: string } | { tenant: string; region?: "eu" | "us"; version?: string }');
      expect(client).toContain('variables: ["tenant", "region", "version"]');
      expect(client).toContain('makeClient(Object.assign({ region: "eu", version: "v1" }, options)');
    },
  );

  it("server variables: a free-form host variable is required, an enum's default and a path variable's apply", async () => {
    const { createClient } = (await import(
      pathToFileURL(path.join(temp.dir, "reserved-words", "fetch", "src", "client.gen.ts")).href
    )) as { createClient: (options: Record<string, unknown>) => { baseUrl: string } };
    expect(createClient({ tenant: "acme" }).baseUrl).toBe("https://acme.eu.example.test/v1");
    expect(createClient({ tenant: "acme", region: "us", version: "v2" }).baseUrl).toBe(
      "https://acme.us.example.test/v2",
    );
    expect(() => createClient({ region: "us" })).toThrow(/`tenant` is missing/);
  });

  it.each(["fetch", "axios"])(
    "%s: createClient carries the spec's security schemes, importing only the appliers used",
    async (pkg) => {
      const client = await readFile(path.join(temp.dir, "3.0/security-multiple", pkg, "src", "client.gen.ts"), "utf8");
      expect(client).toContain('import { apiKeyScheme, basicScheme } from "./runtime/auth-schemes.gen.js";');
      for (const entry of [
        'apiKey_cookie: apiKeyScheme("cookie", "api_key")',
        'apiKey_header: apiKeyScheme("header", "X-API-KEY")',
        'apiKey_query: apiKeyScheme("query", "apiKey")',
        "basic: basicScheme",
        'bearer_jwt: "bearer"',
        'oauth2: "bearer"',
      ])
        expect(client).toContain(entry);
      const petstore = await readFile(path.join(temp.dir, "3.0/petstore", pkg, "src", "client.gen.ts"), "utf8");
      // petstore declares OAuth 2 and a header API key: no basic applier.
      expect(petstore).toContain('import { apiKeyScheme } from "./runtime/auth-schemes.gen.js";');
      expect(petstore).toContain('petstore_auth: "bearer"');
    },
  );

  it.each(["fetch", "axios"])(
    "%s: another API's /oauth2 entry exchanges at the spec's token endpoint with an RFC 6749 form grant",
    async (pkg) => {
      const src = path.join(temp.dir, "3.0/security-multiple", pkg, "src");
      const files = [...(await readTree(src)).keys()];
      // OneLogin's JSON grant stays in our own packages.
      expect(files).toContain("runtime/oauth2-standard.gen.ts");
      expect(files).not.toContain("runtime/oauth2-client-credentials.gen.ts");
      const { clientCredentials } = (await import(pathToFileURL(path.join(src, "oauth2.gen.ts")).href)) as {
        clientCredentials: (options: Record<string, unknown>) => (context: { signal: AbortSignal }) => Promise<string>;
      };
      const seen: { url: string; body: string; contentType: string }[] = [];
      const fetch = async (url: string, init: { body: string; headers: Record<string, string> }) => {
        seen.push({ url, body: init.body, contentType: init.headers["content-type"] ?? "" });
        return new Response(JSON.stringify({ access_token: "t", token_type: "Bearer", expires_in: 60 }));
      };
      const provider = clientCredentials({ clientId: "id", clientSecret: "secret", scope: ["write:things"], fetch });
      expect(await provider({ signal: new AbortController().signal })).toBe("t");
      expect(seen).toEqual([
        {
          url: "http://example.com/oauth/token",
          body: "grant_type=client_credentials&scope=write%3Athings",
          contentType: "application/x-www-form-urlencoded",
        },
      ]);
      // petstore's OAuth 2 flow is implicit: no token endpoint to default to, so tokenUrl is required.
      const petstore = await readFile(path.join(temp.dir, "3.0/petstore", pkg, "src", "oauth2.gen.ts"), "utf8");
      expect(petstore).toContain("standardClientCredentials as clientCredentials");
    },
  );

  // A full build (ESM, CJS and declarations) of a few, with each package's own build script.
  it.each(["3.0/petstore", "3.0/polymorphism", "hostile"])("%s packages build", async (name) => {
    for (const pkg of ["schema", "fetch", "axios"]) {
      const dir = path.join(temp.dir, name, pkg);
      const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
        scripts: { build: string };
      };
      const [tool, ...args] = manifest.scripts.build.split(" ");
      expect(tool).toBe("tsup");
      await run(path.join(repoRoot, "node_modules", ".bin", "tsup"), args, { cwd: dir });
      for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
        expect(existsSync(path.join(dir, "dist", file)), `${name}/${pkg}/dist/${file}`).toBe(true);
      }
    }
  });

  it("every generated package passes strict tsc, with the flags a consumer may add", async () => {
    // One program over all outputs: far cheaper than one tsc per package. The extra flags are
    // the ones a consumer's project may turn on: operations without parameters (petstore's
    // getInventory) must not leave an unused `params`, nor the axios transport pass `undefined`.
    await writeFile(
      path.join(temp.dir, "tsconfig.json"),
      JSON.stringify({
        extends: path.join(repoRoot, "tsconfig.base.json"),
        compilerOptions: {
          noEmit: true,
          types: [],
          exactOptionalPropertyTypes: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
        },
        include: ["**/src/**/*.ts"],
        exclude: ["**/dist", "node_modules"],
      }),
    );
    const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
    const { stdout } = await run(tsc, ["-p", temp.dir]).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? String(error),
    }));
    expect(stdout).toBe("");
  });
});
