import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";
import { linkAxios, makeTempDir } from "../support/temp-dir.js";

const SPEC = path.join(repoRoot, "generator", "test", "fixtures", "specs", "valid", "binary-bodies.yaml");

type Operation = (client: unknown, params: Record<string, unknown>) => Promise<unknown>;

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  accept: string | undefined;
  body: Buffer;
}

/** Every byte value, and bytes that are not valid UTF-8, which decoding as text would have replaced. */
const BYTES = Uint8Array.from({ length: 256 }, (_, index) => index);

describe("binary request and response bodies on the wire, through both generated clients", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: Server;
  let baseUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    temp = await makeTempDir("binary-bodies");
    await linkAxios(temp.dir);
    const result = await runCli(["generate", "--spec", SPEC, "--out", path.join(temp.dir, "out"), "--no-api-reports"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks);
        received.push({
          method: request.method ?? "",
          url: request.url ?? "",
          contentType: request.headers["content-type"],
          accept: request.headers.accept,
          body,
        });
        if (request.method === "GET" && request.url === "/files/present")
          response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(BYTES));
        else if (request.method === "GET" && request.url === "/images/present")
          response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from(BYTES));
        else if (request.method === "GET")
          response
            .writeHead(404, { "content-type": "application/json" })
            .end(JSON.stringify({ message: "no such file" }));
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await temp?.remove();
  });

  async function call(pkg: string, name: string, params: Record<string, unknown>): Promise<unknown> {
    const sdk = (await import(pathToFileURL(path.join(temp.dir, "out", pkg, "src", "index.gen.ts")).href)) as Record<
      string,
      unknown
    >;
    const client = (sdk.createClient as (options: object) => unknown)({ baseUrl, maxRetries: 0 });
    received.length = 0;
    return (sdk[name] as Operation)(client, params);
  }

  describe.each(["fetch", "axios"])("%s", (pkg) => {
    it.each([
      ["a Blob", new Blob([BYTES])],
      ["a Uint8Array", BYTES],
      ["an ArrayBuffer", BYTES.slice().buffer],
    ])("uploads %s as its bytes, with the operation's media type", async (_kind, body) => {
      await call(pkg, "uploadRaw", { id: "x", body });
      expect(received).toHaveLength(1);
      expect(received[0]!.contentType).toBe("application/octet-stream");
      expect([...received[0]!.body]).toEqual([...BYTES]);
    });

    it("sends a multipart form: a file part, a JSON part, one part per array item, a text part", async () => {
      const file = new Blob([BYTES], { type: "image/png" });
      await call(pkg, "uploadForm", {
        body: { file, meta: { owner: "ana" }, tags: ["a", "b"], note: "hi", skipped: undefined },
      });
      const { contentType, body } = received[0]!;
      expect(contentType).toMatch(/^multipart\/form-data; ?boundary=/);
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType! } }).formData();
      const part = form.get("file") as Blob;
      expect(part.type).toBe("image/png");
      expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...BYTES]);
      const meta = form.get("meta") as Blob;
      expect(meta.type).toBe("application/json");
      expect(JSON.parse(await meta.text())).toEqual({ owner: "ana" });
      expect(form.getAll("tags")).toEqual(["a", "b"]);
      expect(form.get("note")).toBe("hi");
      expect(form.has("skipped")).toBe(false);
    });

    it("sends a FormData as it is", async () => {
      const form = new FormData();
      form.append("note", "as built");
      await call(pkg, "uploadForm", { body: form });
      const { contentType, body } = received[0]!;
      const parsed = await new Response(new Uint8Array(body), { headers: { "content-type": contentType! } }).formData();
      expect(parsed.get("note")).toBe("as built");
    });

    it("reads a binary download as a Blob of the exact bytes", async () => {
      const blob = (await call(pkg, "downloadFile", { id: "present" })) as Blob;
      expect(blob).toBeInstanceOf(Blob);
      expect(blob.type).toBe("application/octet-stream");
      expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...BYTES]);
    });

    it("carries an image body and download with no schema (any content) as bytes", async () => {
      await call(pkg, "putImage", { id: "x", body: new Blob([BYTES]) });
      expect(received[0]!.contentType).toBe("image/png");
      expect([...received[0]!.body]).toEqual([...BYTES]);
      const blob = (await call(pkg, "getImage", { id: "present" })) as Blob;
      expect(blob).toBeInstanceOf(Blob);
      expect(blob.type).toBe("image/png");
      expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...BYTES]);
      expect(received[0]!.accept).toBe("image/png");
    });

    it("asks for the media types the operation's responses declare, and for JSON when they declare none", async () => {
      await call(pkg, "downloadFile", { id: "present" });
      expect(received[0]!.accept).toBe("application/octet-stream, application/json");
      await call(pkg, "uploadRaw", { id: "x", body: BYTES });
      expect(received[0]!.accept).toBe("application/json");
    });

    it("still reads a binary operation's error body as JSON", async () => {
      const error = (await call(pkg, "downloadFile", { id: "absent" }).catch((caught: unknown) => caught)) as {
        name: string;
        status: number;
        body: unknown;
      };
      expect(error.name).toBe("NotFoundError");
      expect(error.status).toBe(404);
      expect(error.body).toEqual({ message: "no such file" });
    });

    it("refuses a stream body before sending anything", async () => {
      await expect(call(pkg, "uploadForm", { body: new ReadableStream() })).rejects.toThrow(/stream request bodies/);
      expect(received).toHaveLength(0);
    });
  });
});
