import { spawn } from "node:child_process";

/** Options of {@link runCommand}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Print the child's output as it comes (the default) or only collect it. */
  echo?: boolean;
}

/** What a finished command printed. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command; rejects with the command, exit code and output tail when it fails. */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    const echo = options.echo ?? true;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (echo) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else {
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-20).join("\n");
        reject(new Error(`\`${command} ${args.join(" ")}\` exited with ${code} in ${options.cwd}\n${tail}`));
      }
    });
  });
}
