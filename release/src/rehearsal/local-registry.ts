import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A running Verdaccio with a publishing user. */
export interface LocalRegistry {
  /** With a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** A bearer token of the user created for publishing. */
  token: string;
  /** The `.npmrc` line that authenticates to this registry with {@link token}. */
  authLine: string;
  /** Stops the process; safe to call twice. */
  close(): Promise<void>;
}

// No uplinks: nothing is proxied, so a package found here can only have been published here.
function configYaml(dir: string): string {
  return `storage: ${JSON.stringify(path.join(dir, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(dir, "htpasswd"))}
    max_users: 1
uplinks: {}
packages:
  "@onelogin-mfa/*":
    access: $all
    publish: $authenticated
  "**":
    access: $all
log: { type: stdout, format: pretty, level: error }
`;
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`Verdaccio exited with ${code} before listening:\n${output}`)));
    child.on("error", reject);
  });
}

/** Creates the publishing user through the registry's CouchDB-style user API and returns its token. */
async function createUser(url: string): Promise<string> {
  const name = "rehearsal";
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}`, type: "user", roles: [] }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || body.token === undefined) {
    throw new Error(`creating the Verdaccio user failed: HTTP ${response.status} ${body.error ?? ""}`);
  }
  return body.token;
}

/** Starts Verdaccio in a child process with storage and config under `dir` (which it creates). */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  await mkdir(dir, { recursive: true });
  const configPath = path.join(dir, "config.yaml");
  await writeFile(configPath, configYaml(dir));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "verdaccio-server.ts"), configPath], {
    cwd: here,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    const port = await waitForPort(child);
    const url = `http://127.0.0.1:${port}/`;
    const token = await createUser(url);
    return { url, token, authLine: `//127.0.0.1:${port}/:_authToken=${token}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
