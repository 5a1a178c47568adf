import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..", "..", "..");

/** The part of a generated client's API the auth scenarios use; every fixture operation has this shape. */
export interface AuthFixtureClient {
  createClient(options: Record<string, unknown>): unknown;
  ApiError: abstract new (...args: never[]) => Error;
  [operation: string]: unknown;
}

/** Both clients generated from the auth-schemes fixture, and how to remove them. */
export interface GeneratedAuthClients {
  clients: { name: "fetch" | "axios"; module: AuthFixtureClient }[];
  remove(): Promise<void>;
}

/**
 * Generates the fetch and axios clients from `auth-schemes.yaml` with the real generator CLI
 * into a fresh temporary folder and imports their sources, so that the scenarios run what a user
 * of a spec with these schemes would get.
 */
export async function generateAuthClients(): Promise<GeneratedAuthClients> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-auth-schemes-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await runGenerator(["generate", "--spec", path.join(here, "auth-schemes.yaml"), "--out", dir, "--no-api-reports"]);
    // The axios client imports its peer from where it is installed, as a consumer's would be.
    await mkdir(path.join(dir, "node_modules"), { recursive: true });
    await symlink(path.join(here, "..", "..", "node_modules", "axios"), path.join(dir, "node_modules", "axios"), "dir");
    const load = async (name: "fetch" | "axios") => ({
      name,
      module: (await import(path.join(dir, name, "src", "index.gen.ts"))) as AuthFixtureClient,
    });
    return { clients: [await load("fetch"), await load("axios")], remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function runGenerator(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [path.join(repoRoot, "generator", "src", "cli.ts"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`generator exited with ${code}:\n${stderr}`)),
    );
  });
}
