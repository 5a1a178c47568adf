import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";
import { linkAxios, makeTempDir } from "../support/temp-dir.js";

const SPEC = path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "parameter-styles.yaml");

/** The values of the OpenAPI table of style values (3.0.3 §4.7.12.4). */
const prim = "blue";
const list = ["blue", "black", "brown"];
const obj = { R: 100, G: 200, B: 150 };
const JSON_OBJ = encodeURIComponent(JSON.stringify(obj));

type Operation = (client: unknown, params: Record<string, unknown>) => Promise<unknown>;

interface Received {
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One row per operation of the fixture: the call's parameters and what the server must receive,
 * the raw request target (path and query exactly as sent) and, for header and cookie parameters,
 * those header values.
 */
const CASES: [string, { params: Record<string, unknown>; target: string; headers?: Record<string, string> }][] = [
  [
    "queryForm",
    {
      params: { prim, list, obj },
      target: "/query/form?prim=blue&list=blue&list=black&list=brown&R=100&G=200&B=150",
    },
  ],
  [
    "queryFormUnexploded",
    {
      params: { prim, list, obj },
      target: "/query/form-unexploded?prim=blue&list=blue,black,brown&obj=R,100,G,200,B,150",
    },
  ],
  [
    "querySpace",
    { params: { list, obj }, target: "/query/space?list=blue%20black%20brown&obj=R%20100%20G%20200%20B%20150" },
  ],
  ["queryPipe", { params: { list, obj }, target: "/query/pipe?list=blue|black|brown&obj=R|100|G|200|B|150" }],
  // deepObject is the core's bracket form, brackets percent-encoded (RFC 3986 §3.4 does not allow them raw).
  ["queryDeep", { params: { obj }, target: "/query/deep?obj%5BR%5D=100&obj%5BG%5D=200&obj%5BB%5D=150" }],
  ["queryJson", { params: { filter: obj, page: 2 }, target: `/query/json?filter=${JSON_OBJ}&page=2` }],
  ["queryReserved", { params: { at: "a/b:c@d,e", plain: "a/b" }, target: "/query/reserved?plain=a%2Fb&at=a/b:c@d,e" }],
  ["pathSimple", { params: { prim, list, obj }, target: "/path/simple/blue/blue,black,brown/R,100,G,200,B,150" }],
  [
    "pathSimpleExploded",
    { params: { prim, list, obj }, target: "/path/simple-exploded/blue/blue,black,brown/R=100,G=200,B=150" },
  ],
  ["pathLabel", { params: { prim, list, obj }, target: "/path/label/.blue/.blue,black,brown/.R,100,G,200,B,150" }],
  [
    "pathLabelExploded",
    { params: { prim, list, obj }, target: "/path/label-exploded/.blue/.blue.black.brown/.R=100.G=200.B=150" },
  ],
  [
    "pathMatrix",
    { params: { prim, list, obj }, target: "/path/matrix/;prim=blue/;list=blue,black,brown/;obj=R,100,G,200,B,150" },
  ],
  [
    "pathMatrixExploded",
    {
      params: { prim, list, obj },
      target: "/path/matrix-exploded/;prim=blue/;list=blue;list=black;list=brown/;R=100;G=200;B=150",
    },
  ],
  ["pathJson", { params: { filter: obj }, target: `/path/json/${JSON_OBJ}` }],
  // The header default (simple, explode false) is the core's own; the row guards it next to the exploded one.
  [
    "headerSimple",
    {
      params: { xPrim: prim, xList: list, xObj: obj },
      target: "/header/simple",
      headers: { "x-prim": "blue", "x-list": "blue,black,brown", "x-obj": "R,100,G,200,B,150" },
    },
  ],
  [
    "headerSimpleExploded",
    {
      params: { xPrim: prim, xList: list, xObj: obj, xJson: obj },
      target: "/header/simple-exploded",
      headers: {
        "x-prim": "blue",
        "x-list": "blue,black,brown",
        "x-obj": "R=100,G=200,B=150",
        "x-json": JSON.stringify(obj),
      },
    },
  ],
  // Cookie pairs are separated by "; " (RFC 6265 §4.2.1); the core's scalar cookies come after the pre-serialized ones.
  [
    "cookieForm",
    {
      params: { prim, list, obj },
      target: "/cookie/form",
      headers: { cookie: "list=blue; list=black; list=brown; R=100; G=200; B=150; prim=blue" },
    },
  ],
  [
    "cookieFormUnexploded",
    {
      params: { prim, list, obj, json: obj },
      target: "/cookie/form-unexploded",
      headers: { cookie: `list=blue,black,brown; obj=R,100,G,200,B,150; prim=blue; json=${JSON_OBJ}` },
    },
  ],
  // A path key's literal query string comes first, each pair percent-encoded once; then the parameters.
  [
    "restPhotosSearch",
    { params: { text: "red fox" }, target: "/rest?method=photos.search&format=json&text=red%20fox" },
  ],
  ["restPhotosGetInfo", { params: {}, target: "/rest?method=photos%20get%20info&nojsoncallback" }],
  // `query={query}` in the key is the query parameter itself, sent once, after the literal pairs.
  ["searchByQuery", { params: { query: "red fox" }, target: "/search?format=json&query=red%20fox" }],
  // An `in: path` parameter standing only in the key's query string is that query pair; an array
  // is comma-separated there, as RFC 6570 expands `{name}`, and the property keeps its name.
  ["exportFile", { params: { filename: "a b.csv" }, target: "/export?filename=a%20b.csv" }],
  // Names every object inherits take their location (`constructorQuery`), so that `{}` is a valid
  // params object and a left-out one is not `Object`; `__proto__` is a parameter, not the literal's prototype.
  ["inheritedNames", { params: {}, target: "/inherited" }],
  [
    "inheritedNames",
    {
      params: { constructorQuery: "c", proto: "p", toStringHeader: "t" },
      target: "/inherited?constructor=c&__proto__=p",
      headers: { tostring: "t" },
    },
  ],
  [
    "searchPlaces",
    { params: { country: "AU", query: ["red fox", "owl"] }, target: "/places/AU/?format=json&q=red%20fox,owl" },
  ],
];

describe("parameter styles and operation servers on the wire, through both generated clients", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: Server;
  let baseUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    temp = await makeTempDir("parameter-styles");
    await linkAxios(temp.dir);
    const result = await runCli(["generate", "--spec", SPEC, "--out", path.join(temp.dir, "out"), "--no-api-reports"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on("end", () => {
        received.push({ target: request.url ?? "", headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await temp?.remove();
  });

  async function load(pkg: string): Promise<Record<string, unknown>> {
    return (await import(pathToFileURL(path.join(temp.dir, "out", pkg, "src", "index.gen.ts")).href)) as Record<
      string,
      unknown
    >;
  }

  /** Calls one operation of a generated client and returns what the server received. */
  async function send(pkg: string, name: string, params: Record<string, unknown>, options = {}): Promise<Received> {
    const sdk = await load(pkg);
    const client = (sdk.createClient as (options: object) => unknown)({ baseUrl, ...options });
    received.length = 0;
    await (sdk[name] as Operation)(client, params);
    expect(received).toHaveLength(1);
    return received[0]!;
  }

  describe.each(["fetch", "axios"])("%s", (pkg) => {
    it.each(CASES)("%s", async (name, { params, target, headers = {} }) => {
      const request = await send(pkg, name, params);
      expect(request.target).toBe(target);
      for (const [header, value] of Object.entries(headers)) expect(request.headers[header], header).toBe(value);
    });

    it("writes each property of a form body as its encoding's style says, and the others the usual way", async () => {
      const request = await send(pkg, "formEncoded", {
        body: {
          list,
          piped: list,
          spaced: list,
          obj,
          reserved: "a/b?c",
          repeated: ["x y", "z"],
          plain: "p&q",
        },
      });
      expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(request.body).toBe(
        "list=blue,black,brown&piped=blue|black|brown&spaced=blue%20black%20brown&R=100&G=200&B=150&reserved=a/b?c&repeated=x+y&repeated=z&plain=p%26q",
      );
    });

    it("sends a form body without properties as given: a string, URLSearchParams, a free-form object", async () => {
      const raw = await send(pkg, "formRaw", { body: "q=es&source=en" });
      expect(raw.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(raw.body).toBe("q=es&source=en");
      expect((await send(pkg, "formRaw", { body: new URLSearchParams({ q: "a b" }) })).body).toBe("q=a+b");
      const free = await send(pkg, "formFree", { body: { a: "x y", b: "1&2" } });
      expect(free.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(free.body).toBe("a=x+y&b=1%262");
    });

    it("sends a multipart body without properties as the FormData given", async () => {
      const form = new FormData();
      form.append("file", new Blob(["hello"], { type: "text/plain" }), "a.txt");
      const request = await send(pkg, "formMultipartAny", { body: form });
      expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(request.body).toContain('Content-Disposition: form-data; name="file"; filename="a.txt"');
      expect(request.body).toContain("hello");
    });

    it("sends operation- and path-level server operations to their server, mapped by serverUrls", async () => {
      const serverUrls = {
        "https://uploads.example.com/operation": `${baseUrl}/operation-level`,
        "https://uploads.example.com/v2": `${baseUrl}/path-level`,
      };
      expect((await send(pkg, "uploadFile", { name: "a b" }, { serverUrls })).target).toBe(
        "/operation-level/uploads/a%20b",
      );
      expect((await send(pkg, "getUpload", { name: "a b" }, { serverUrls })).target).toBe("/path-level/uploads/a%20b");
      // Operations without servers of their own keep the client's base URL.
      expect((await send(pkg, "queryDeep", {}, { serverUrls })).target).toBe("/query/deep");
    });

    it("rejects, as the core does, when a style function or a serverUrls entry refuses", async () => {
      const sdk = await load(pkg);
      const client = (sdk.createClient as (options: object) => unknown)({
        baseUrl,
        serverUrls: { "https://uploads.example.com/v2": "/relative" },
      });
      received.length = 0;
      // A promise that rejects, not a synchronous throw: callers chaining .catch() see it too.
      const empty = (sdk.pathLabel as Operation)(client, { prim: "", list, obj });
      await expect(empty).rejects.toThrow(/path parameter "prim" must not be empty/);
      const relative = (sdk.getUpload as Operation)(client, { name: "x" });
      await expect(relative).rejects.toThrow(
        new TypeError("createClient: a serverUrls entry must be an absolute http or https URL"),
      );
      expect(received).toHaveLength(0);
    });
  });
});
