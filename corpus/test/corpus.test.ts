import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSpec, CORPUS, generateSpecs, linkAxios, PACKAGES, type StepResult, strictTsc } from "../src/index.js";
import { startLoopback, type WireRequest } from "./loopback.js";

const ids = CORPUS.map((spec) => spec.id);

/**
 * Issue 10's corpus: published API descriptions, read from the npm packages pinned in
 * corpus/package.json (never copies), generated as a user would, all in one `pnpm generate --batch`
 * (one process, one JVM). Each spec is generated once per run; one strict tsc program then checks
 * every output together.
 */
describe("real-world corpus", () => {
  let outDir: string;
  const generated = new Map<string, StepResult>();

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-corpus-"));
    for (const [id, result] of await generateSpecs(CORPUS, outDir)) generated.set(id, result);
  });
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each(ids)("%s generates all three packages", (id) => {
    const result = generated.get(id)!;
    expect(result.ok, result.output).toBe(true);
    expect(result.output).not.toMatch(/: error: /);
    for (const pkg of PACKAGES) expect(existsSync(path.join(outDir, id, pkg, "src", "index.gen.ts")), pkg).toBe(true);
  });

  // ESM and CJS with each package's own build script; its declaration pass is the strict tsc below.
  it.each(ids)("%s packages build", async (id) => {
    const result = await buildSpec(outDir, id, { declarations: false });
    expect(result.ok, result.output).toBe(true);
    for (const pkg of PACKAGES)
      for (const file of ["index.js", "index.cjs"])
        expect(existsSync(path.join(outDir, id, pkg, "dist", file)), `${id}/${pkg}/dist/${file}`).toBe(true);
  });

  // A sample operation of three specs, called through each generated client against a loopback
  // server: the request must be serialised as the spec says (path encoding, query styles, form body).
  type Call = (client: unknown, params: Record<string, unknown>) => Promise<unknown>;
  const wireCases: {
    id: string;
    operation: string;
    /** The API file that holds it: importing it alone is far cheaper than GitHub's whole index. */
    apiFile: string;
    params: Record<string, unknown>;
    basePath?: string;
    reply?: unknown;
    check: (request: WireRequest) => void;
  }[] = [
    {
      id: "github",
      operation: "issuesListForRepo",
      apiFile: "issues-api",
      params: { owner: "octo cat", repo: "hello-world", labels: "bug,ui", state: "open", perPage: 5 },
      reply: [],
      check: ({ method, target }) => {
        expect(method).toBe("GET");
        const [pathname, search = ""] = target.split("?");
        expect(pathname).toBe("/repos/octo%20cat/hello-world/issues");
        // form style, explode: comma-separated labels are one value, so the commas are data.
        expect(search.split("&").sort()).toEqual(["labels=bug%2Cui", "per_page=5", "state=open"]);
      },
    },
    {
      id: "ideal-postcodes",
      operation: "postcodes",
      apiFile: "uk-api",
      params: { postcode: "SW1A 2AA", apiKey: "ak_test", filter: "line_1,line_2", page: 0 },
      check: ({ method, target }) => {
        expect(method).toBe("GET");
        expect(target).toBe("/postcodes/SW1A%202AA?api_key=ak_test&filter=line_1%2Cline_2&page=0");
      },
    },
    {
      id: "stapi",
      operation: "postAnimalSearch",
      apiFile: "animal-api",
      basePath: "/api/v1/rest",
      params: { pageNumber: 0, pageSize: 5, body: { name: "Cat & Mouse", earthAnimal: true } },
      check: ({ method, target, contentType, body }) => {
        expect(method).toBe("POST");
        expect(target).toBe("/api/v1/rest/animal/search?pageNumber=0&pageSize=5");
        expect(contentType).toMatch(/^application\/x-www-form-urlencoded\b/);
        expect([...new URLSearchParams(body)]).toEqual([
          ["name", "Cat & Mouse"],
          ["earthAnimal", "true"],
        ]);
      },
    },
  ];

  it.each(wireCases.flatMap((wire) => (["fetch", "axios"] as const).map((flavor) => ({ ...wire, flavor }))))(
    "$id: $operation is serialised as the spec says ($flavor client)",
    async ({ id, flavor, operation, apiFile, params, basePath = "", reply, check }) => {
      await linkAxios(outDir);
      const src = path.join(outDir, id, flavor, "src");
      const sdk = {
        ...((await import(path.join(src, "client.gen.ts"))) as Record<string, unknown>),
        ...((await import(path.join(src, "apis", `${apiFile}.gen.ts`))) as Record<string, unknown>),
      };
      const server = await startLoopback(reply);
      try {
        const client = (sdk.createClient as (options: object) => unknown)({
          baseUrl: `${server.url}${basePath}`,
          maxRetries: 0,
        });
        await (sdk[operation] as Call)(client, params);
        const request = server.last();
        expect(request).toBeDefined();
        check(request as WireRequest);
      } finally {
        await server.close();
      }
    },
  );

  it("every output passes strict tsc (tsconfig.base.json + exactOptionalPropertyTypes, noUnusedLocals, noUnusedParameters)", async () => {
    const { errors } = await strictTsc(outDir, ids);
    expect(Object.fromEntries(errors)).toEqual(Object.fromEntries(ids.map((id) => [id, []])));
  });
});
