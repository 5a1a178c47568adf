import { describe, expect, it } from "vitest";
import { makeClient, request } from "../src/client-core.js";
import type { OperationDescriptor } from "../src/operation.js";
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

/** The URL each call of `operation` is sent to, for a client made with `options`. */
async function sentUrl(options: Parameters<typeof makeClient>[0], operation = upload): Promise<string> {
  const requests: TransportRequest[] = [];
  const transport: Transport = async (sent) => {
    requests.push(sent);
    return { status: 204, statusText: "", headers: {}, bodyText: "" };
  };
  await request(makeClient(options, transport, { url: "https://api.example.com" }), operation);
  return requests[0]!.url;
}

describe("operation- and path-level servers", () => {
  it("send the operation to its own server instead of the client's base URL", async () => {
    expect(await sentUrl({ baseUrl: "https://proxy.test/api" })).toBe(`${UPLOADS}/files/a%20b`);
  });

  it("leave other operations on the client's base URL", async () => {
    const { serverUrl: _none, ...plain } = upload;
    expect(
      await sentUrl({ baseUrl: "https://proxy.test/api", serverUrls: { [UPLOADS]: "https://x.test" } }, plain),
    ).toBe("https://proxy.test/api/files/a%20b");
  });

  it("follow the client's serverUrls mapping, keyed by the spec's server URL", async () => {
    const serverUrls = { [UPLOADS]: "https://proxy.test/uploads/", "https://other.example.com": "https://x.test" };
    expect(await sentUrl({ serverUrls })).toBe("https://proxy.test/uploads/files/a%20b");
  });

  it.each([
    ["a relative URL", "/uploads", "must be an absolute http or https URL"],
    ["credentials", "https://user:secret@proxy.test", "must not contain credentials"],
    ["a query", "https://proxy.test/?token=secret", "must not have a query or fragment"],
  ])("refuse a serverUrls entry with %s when the client is made, without quoting it", (_name, url, problem) => {
    const make = () =>
      makeClient(
        { serverUrls: { [UPLOADS]: url } },
        async () => ({ status: 204, statusText: "", headers: {}, bodyText: "" }),
        { url: "https://api.example.com" },
      );
    expect(make).toThrow(new TypeError(`createClient: a serverUrls entry ${problem}`));
  });
});
