import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-paths.js";

// Runs the CLI as `pnpm fake-server` would (through tsx) and talks to it like a person would.
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

async function readUntil(stream: NodeJS.ReadableStream, marker: string): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes(marker)) return text;
  }
  throw new Error(`stream ended before ${JSON.stringify(marker)}; got:\n${text}`);
}

describe("pnpm fake-server", () => {
  it("prints a URL, a token and a working curl line, and stops on Ctrl-C", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "--port", "0"], {
      cwd: packageRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const banner = await readUntil(child.stdout as NodeJS.ReadableStream, "Ctrl-C to stop");

    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    const token = /Bearer token: (\S+)/.exec(banner)?.[1];
    const curl = /curl -H 'Authorization: Bearer (\S+)' (\S+)/.exec(banner);
    expect(url).toBeDefined();
    expect(token).toBeDefined();
    expect(curl?.[1]).toBe(token);
    expect(banner).toMatch(/Demo users: 1001 .*, 1002 /);

    const response = await fetch(curl?.[2] as string, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { otp_devices: unknown[] } };
    expect(body.data.otp_devices).toHaveLength(2);

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
