import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClientOptions } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import type { OperationDescriptor } from "../src/operation.js";
import type { TransportRequest } from "../src/transport.js";

const OPERATION: OperationDescriptor = { operationId: "ping", method: "GET", path: "/ping", security: [] };
const SERVER = { url: "https://x.test", userAgent: "@acme/fetch/1.2.3" };

/** The user-agent one call sends with these client options and per-call headers. */
async function userAgentSent(options: ClientOptions, headers?: Record<string, string>): Promise<string | undefined> {
  const sent: TransportRequest[] = [];
  const client = makeClient(
    options,
    async (req) => {
      sent.push(req);
      return { status: 204, statusText: "", headers: {}, bodyText: "" };
    },
    SERVER,
  );
  await request(client, OPERATION, headers ? { headers } : {});
  return sent[0]?.headers["user-agent"];
}

describe("user-agent", () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each<[string, { options: ClientOptions; headers?: Record<string, string>; want: string | undefined }]>([
    ["names the package and version", { options: {}, want: "@acme/fetch/1.2.3" }],
    ["puts the caller's product first", { options: { userAgent: "myapp/2.0" }, want: "myapp/2.0 @acme/fetch/1.2.3" }],
    ["gives way to a client header", { options: { headers: { "User-Agent": "mine/1" } }, want: "mine/1" }],
    ["gives way to a per-call header", { options: {}, headers: { "user-agent": "call/1" }, want: "call/1" }],
  ])("%s", async (_name, { options, headers, want }) => {
    expect(await userAgentSent(options, headers)).toBe(want);
  });

  it("is left to the browser in a browser", async () => {
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140" });
    expect(await userAgentSent({ userAgent: "myapp/2.0" })).toBeUndefined();
  });

  it("is still sent on runtimes whose navigator names themselves", async () => {
    vi.stubGlobal("navigator", { userAgent: "Node.js/22" });
    expect(await userAgentSent({})).toBe("@acme/fetch/1.2.3");
  });
});
