import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";
import { linkAxios, makeTempDir } from "../support/temp-dir.js";

const run = promisify(execFile);
const fixtures = path.join(repoRoot, "generator", "test", "fixtures", "specs", "types");

/** Generated output of the type fixtures: wrong or missing types, and clients that did not compile. */
describe("generated types of constructs the clients typed wrongly", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    temp = await makeTempDir("model-types");
    await linkAxios(temp.dir);
    // One batch: one process and one JVM for the three specs (a batch generates each exactly as a
    // run of its own does, batch.test.ts); the types are what is checked here, not the API reports.
    const batch = path.join(temp.dir, "batch.json");
    const names = ["types-30", "types-31", "unions-31"];
    await writeFile(
      batch,
      JSON.stringify({ jobs: names.map((name) => ({ spec: path.join(fixtures, `${name}.yaml`), out: name })) }),
    );
    const result = await runCli(["generate", "--batch", batch, "--no-api-reports"], temp.dir);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
  afterAll(() => temp.remove());

  it.each([
    ["const string", { file: "types-31/fetch/src/models/shape.gen.ts", want: 'kind: "circle";' }],
    ["const number", { file: "types-31/fetch/src/models/shape.gen.ts", want: "version?: 2;" }],
    [
      "prefixItems with items: false",
      { file: "types-31/fetch/src/models/shape.gen.ts", want: "point: [number?, string?];" },
    ],
    ["mixed enum", { file: "types-31/fetch/src/models/shape.gen.ts", want: 'mixed: "a" | 1 | true | null;' }],
    ["$ref to type null", { file: "types-31/fetch/src/models/shape.gen.ts", want: "nothing?: null;" }],
    [
      "contentMediaType bytes, base64 text and text",
      {
        file: "types-31/fetch/src/apis/default-api.gen.ts",
        want: "    avatar?: Blob;\n    encoded?: string;\n    note?: string;\n",
      },
    ],
    ["mixed enum (axios)", { file: "types-31/axios/src/models/shape.gen.ts", want: 'mixed: "a" | 1 | true | null;' }],
    ["allOf [$ref] + nullable", { file: "types-30/fetch/src/models/owner.gen.ts", want: "pet?: Pet | null;" }],
    [
      "oneOf of $refs with a discriminator",
      { file: "unions-31/fetch/src/models/post-pet-request.gen.ts", want: "export type PostPetRequest = Cat | Dog;" },
    ],
    ["anyOf of $refs", { file: "unions-31/axios/src/models/pet.gen.ts", want: "export type Pet = Cat | Dog;" }],
    [
      "oneOf of scalars and an array",
      {
        file: "unions-31/fetch/src/models/id-or-names.gen.ts",
        want: "export type IdOrNames = string | number | Array<string>;",
      },
    ],
    [
      "oneOf with an inline object and an inline enum",
      {
        file: "unions-31/axios/src/models/cat-or-none.gen.ts",
        want: 'export type CatOrNone = CatOrNoneOneOf | "none";',
      },
    ],
    [
      "oneOf that only constrains keeps the properties",
      { file: "unions-31/fetch/src/models/one-of-two-required.gen.ts", want: "  a?: string;\n  b?: string;\n" },
    ],
    [
      "own properties beside a oneOf: both",
      {
        file: "unions-31/fetch/src/models/owned-pet.gen.ts",
        want: "export type OwnedPet = OwnedPetAllOf & OwnedPetAllOf1;",
      },
    ],
    [
      "own properties beside an inline anyOf",
      {
        file: "unions-31/axios/src/models/holder-inline-owned.gen.ts",
        want: "export type HolderInlineOwned = HolderInlineOwnedAllOf & HolderInlineOwnedAllOf1;",
      },
    ],
    [
      "own properties beside a oneOf: the own part",
      { file: "unions-31/axios/src/models/owned-pet-all-of.gen.ts", want: "  owner: string;\n" },
    ],
    [
      "own properties beside a oneOf: the union part",
      { file: "unions-31/fetch/src/models/owned-pet-all-of1.gen.ts", want: "export type OwnedPetAllOf1 = Cat | Dog;" },
    ],
    [
      "3.1 list of scalar types (model)",
      { file: "unions-31/fetch/src/models/score.gen.ts", want: "export type Score = number | string;" },
    ],
    [
      "3.1 list of scalar types (property)",
      { file: "unions-31/axios/src/models/holder.gen.ts", want: "inlineScore?: number | boolean | null;" },
    ],
    [
      "2xx responses with and without a body",
      { file: "types-30/fetch/src/apis/default-api.gen.ts", want: "): Promise<ApiResponse<Pet | undefined>> {" },
    ],
    [
      "2xx responses of two schemas",
      { file: "types-30/axios/src/apis/default-api.gen.ts", want: "): Promise<ApiResponse<Pet | Owner>> {" },
    ],
    [
      "2xx responses of one schema",
      {
        file: "types-30/fetch/src/apis/default-api.gen.ts",
        want: "export function postJob(client: Client, params: PostJobParams = {}, options?: RequestOptions): Promise<Pet> {",
      },
    ],
    [
      "a path item $ref to components.pathItems",
      { file: "unions-31/fetch/src/apis/default-api.gen.ts", want: 'path: "/pets/{id}",' },
    ],
  ])("%s", async (_name, { file, want }) => {
    expect(await readFile(path.join(temp.dir, file), "utf8")).toContain(want);
  });

  it.each([
    ["an optional form body", "submitForm"],
    ["an optional multipart body", "upload"],
  ])("%s stays optional in the params type", async (_name, operation) => {
    for (const file of ["types-30/fetch/src/apis/default-api.gen.ts", "types-30/axios/src/apis/default-api.gen.ts"]) {
      const source = await readFile(path.join(temp.dir, file), "utf8");
      const params = new RegExp(
        `export interface ${operation[0]!.toUpperCase()}${operation.slice(1)}Params \\{[\\s\\S]*?\\n\\}`,
      ).exec(source)?.[0];
      expect(params, file).toMatch(/\n {2}body\?: \{/);
    }
  });

  it("a property named __proto__ stays an own property in the spec and schema exports", async () => {
    const schemaSrc = path.join(temp.dir, "types-31", "schema", "src");
    const { spec } = (await import(pathToFileURL(path.join(schemaSrc, "spec.gen.ts")).href)) as {
      spec: { components: { schemas: { Shape: { properties: object } } } };
    };
    expect(Object.hasOwn(spec.components.schemas.Shape.properties, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(spec.components.schemas.Shape.properties)).toBe(Object.prototype);
    const { operationSchemas } = (await import(
      pathToFileURL(path.join(schemaSrc, "operation-schemas.gen.ts")).href
    )) as {
      operationSchemas: { postShape: { requestBody: { definitions: { Shape: { properties: object } } } } };
    };
    expect(Object.hasOwn(operationSchemas.postShape.requestBody.definitions.Shape.properties, "__proto__")).toBe(true);
  });

  it("all nine packages pass strict tsc, and the unions type what the spec allows and nothing else", async () => {
    // Each flavour's union types in use: every member alone is a valid value (as one interface
    // of all members' properties, a cat needed `barks`), and what no member allows is an error.
    await mkdir(path.join(temp.dir, "usage", "src"), { recursive: true });
    await writeFile(path.join(temp.dir, "usage", "package.json"), JSON.stringify({ type: "module" }));
    for (const flavor of ["fetch", "axios"]) {
      await writeFile(
        path.join(temp.dir, "usage", "src", `unions-${flavor}.ts`),
        [
          `import { type CatOrNone, type IdOrNames, type OneOfTwoRequired, type OwnedPet, type PostPetRequest, type Score, getPet } from "../../unions-31/${flavor}/src/index.gen.js";`,
          'export const cat: PostPetRequest = { kind: "cat", meows: true };',
          'export const dog: PostPetRequest = { kind: "dog", barks: 2 };',
          "// @ts-expect-error a cat does not bark",
          'export const barkingCat: PostPetRequest = { kind: "cat", barks: 2 };',
          'export const ids: IdOrNames[] = ["a", 1, ["b"]];',
          'export const none: CatOrNone[] = ["none", { name: "Tom" }];',
          "// @ts-expect-error only the literal none",
          'export const other: CatOrNone = "other";',
          'export const either: OneOfTwoRequired = { a: "x" };',
          'export const scores: Score[] = [1, "2"];',
          'export const owned: OwnedPet = { owner: "ana", kind: "cat", meows: true };',
          "// @ts-expect-error the schema's own required property",
          'export const unowned: OwnedPet = { kind: "cat", meows: true };',
          "export const fetchPet = getPet;",
          "",
        ].join("\n"),
      );
    }
    await writeFile(
      path.join(temp.dir, "tsconfig.json"),
      JSON.stringify({
        extends: path.join(repoRoot, "tsconfig.base.json"),
        compilerOptions: { noEmit: true, types: [], noUnusedLocals: false },
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
