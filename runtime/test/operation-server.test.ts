import { describe, expect, it } from "vitest";
import { makeClient, request } from "../src/client-core.js";
import type { OperationDescriptor } from "../src/operation.js";
import { operationServerUrl } from "../src/server.js";
import type { Transport, TransportRequest } from "../src/transport.js";

const UPLOADS = "https://uploads.example.com/v2";

const upload: OperationDescriptor = {
  operationId: "upload_file",
  method: "GET",
  path: "/files/{name}",
  pathParams: { name: "a b" },
  serverUrl: UPLOADS,
  security: [],
};

/** The URL a call of `operation` is sent to, by a client with base URL `https://proxy.test/api`. */
async function sentUrl(operation: OperationDescriptor): Promise<string> {
  const requests: TransportRequest[] = [];
  const transport: Transport = async (sent) => {
    requests.push(sent);
    return { status: 204, statusText: "", headers: {}, bodyText: "" };
  };
  await request(
    makeClient({ baseUrl: "https://proxy.test/api" }, transport, { url: "https://api.example.com" }),
    operation,
  );
  return requests[0]!.url;
}

describe("an operation's own server", () => {
  it("is used instead of the client's base URL", async () => {
    expect(await sentUrl(upload)).toBe(`${UPLOADS}/files/a%20b`);
  });

  it("leaves operations without one on the client's base URL", async () => {
    const { serverUrl: _none, ...plain } = upload;
    expect(await sentUrl(plain)).toBe("https://proxy.test/api/files/a%20b");
  });
});

describe("operationServerUrl", () => {
  it("is the client's serverUrls entry for the spec's URL, or the spec's URL", () => {
    const client = {
      options: { serverUrls: { [UPLOADS]: "https://proxy.test/uploads", "https://x.test": "https://y.test" } },
    };
    expect(operationServerUrl(client, UPLOADS)).toBe("https://proxy.test/uploads");
    expect(operationServerUrl(client, "https://other.example.com")).toBe("https://other.example.com");
    expect(operationServerUrl({ options: {} }, UPLOADS)).toBe(UPLOADS);
  });

  it.each([
    ["a relative URL", "/uploads", "must be an absolute http or https URL"],
    ["credentials", "https://user:secret@proxy.test", "must not contain credentials"],
    ["a query", "https://proxy.test/?token=secret", "must not have a query or fragment"],
  ])("refuses an entry with %s, without quoting it", (_name, url, problem) => {
    const client = { options: { serverUrls: { [UPLOADS]: url } } };
    expect(() => operationServerUrl(client, UPLOADS)).toThrow(
      new TypeError(`createClient: a serverUrls entry ${problem}`),
    );
  });
});
