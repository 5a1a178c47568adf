import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the generator CLI (this checkout's, or `cli` of a clone) the way `pnpm generate` does, in a child process. */
export function runCli(
  args: string[],
  cwd = repoRoot,
  env: NodeJS.ProcessEnv = {},
  cli = path.join(repoRoot, "generator", "src", "cli.ts"),
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [cli, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A spec of the OAS example collection (`@readme/oas-examples`), e.g. `oasExample("3.0", "petstore")`. */
export const oasExample = (version: "3.0" | "3.1", name: string): string =>
  path.join(repoRoot, "generator", "node_modules", "@readme", "oas-examples", version, "yaml", `${name}.yaml`);
