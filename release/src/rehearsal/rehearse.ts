// `pnpm test:release`: the publish step of `pnpm release`, rehearsed against a local Verdaccio on a
// scratch copy of the repository with the pending changesets applied, then installed and used by a
// scratch consumer. Leaves no files and no process behind, and prints its wall time.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeServer } from "@onelogin-mfa/contract";
import { readPublishedPackages } from "../published-packages.js";
import { runCommand } from "../run-command.js";
import { checkPublished, checkSmokeOutput } from "./checks.js";
import { CONSUMER_TS, consumerTsconfig, SMOKE_CJS, SMOKE_ESM } from "./consumer-files.js";
import { type LocalRegistry, startLocalRegistry } from "./local-registry.js";
import { makeScratchRepo } from "./scratch-repo.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
// Nothing listens on port 9 (discard): a request that ignores the scoped registry fails loudly.
const BOGUS_REGISTRY = "http://127.0.0.1:9/";

function step(message: string): void {
  console.log(`rehearsal: ${message}`);
}

async function rehearse(work: string): Promise<void> {
  const repo = path.join(work, "repo");
  const consumer = path.join(work, "consumer");
  let registry: LocalRegistry | undefined;
  try {
    step("copying the working tree to a scratch repository and installing it offline");
    await makeScratchRepo(root, repo);

    step("applying the pending changesets there (changeset version)");
    await runCommand("pnpm", ["changeset", "version"], { cwd: repo, echo: false });
    const packages = await readPublishedPackages(repo);
    for (const pkg of packages) step(`  ${pkg.name}@${pkg.version}`);

    step("starting Verdaccio on 127.0.0.1 with temporary storage");
    registry = await startLocalRegistry(path.join(work, "verdaccio"));
    await writeFile(path.join(repo, ".npmrc"), `${registry.authLine}\n`);

    step(`publishing through \`pnpm release --publish-only\` to ${registry.url}`);
    const publishEnv = {
      ...process.env,
      RELEASE_REGISTRY: registry.url,
      npm_config_registry: BOGUS_REGISTRY,
      pnpm_config_registry: BOGUS_REGISTRY,
    };
    await runCommand("pnpm", ["release", "--publish-only"], {
      cwd: repo,
      env: publishEnv,
      echo: false,
    });
    if ((await readFile(path.join(repo, ".npmrc"), "utf8")) !== `${registry.authLine}\n`) {
      throw new Error("pnpm release did not restore .npmrc");
    }
    await checkPublished(registry.url, packages, work);
    step("all three are on the local registry, with dist, README, LICENSE and CHANGELOG");

    step("installing the scope from the local registry in a scratch consumer (axios as usual)");
    await mkdir(consumer, { recursive: true });
    await writeFile(path.join(consumer, "package.json"), '{ "name": "consumer", "private": true }\n');
    await writeFile(path.join(consumer, ".npmrc"), `@onelogin-mfa:registry=${registry.url}\n`);
    const axiosVersion = JSON.parse(await readFile(path.join(root, "packages/axios/package.json"), "utf8"))
      .devDependencies.axios as string;
    const specs = packages.map((pkg) => `${pkg.name}@${pkg.version}`);
    await runCommand("npm", ["install", "--no-audit", "--no-fund", ...specs, `axios@${axiosVersion}`], {
      cwd: consumer,
      echo: false,
    });

    await writeFile(path.join(consumer, "smoke.mjs"), SMOKE_ESM);
    await writeFile(path.join(consumer, "smoke.cjs"), SMOKE_CJS);
    await writeFile(path.join(consumer, "consumer.ts"), CONSUMER_TS);
    const server = await startFakeServer();
    try {
      server.state.addUser({ id: 1, devices: [{ id: "phone-1", factor: "sms", phoneNumber: "+14155550100" }] });
      const env = { ...process.env, MFA_URL: server.url, MFA_TOKEN: server.token };
      for (const script of ["smoke.mjs", "smoke.cjs"]) {
        step(`running ${script} against the fake server`);
        const { stdout } = await runCommand(process.execPath, [script], { cwd: consumer, env, echo: false });
        checkSmokeOutput(script, stdout);
      }
      if (server.state.violations.length > 0) {
        throw new Error(`the fake server recorded spec violations: ${JSON.stringify(server.state.violations)}`);
      }
    } finally {
      await server.close();
    }

    const tsc = path.join(root, "node_modules", ".bin", "tsc");
    for (const resolution of ["node16", "bundler"] as const) {
      step(`compiling a TypeScript consumer with moduleResolution ${resolution}`);
      const config = path.join(consumer, `tsconfig.${resolution}.json`);
      await writeFile(config, consumerTsconfig(resolution));
      await runCommand(tsc, ["-p", config], { cwd: consumer, echo: false });
    }
  } finally {
    await registry?.close();
  }
}

const started = performance.now();
const work = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-rehearsal-"));
let failed = false;
try {
  await rehearse(work);
} catch (error) {
  failed = true;
  console.error(`rehearsal failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`rehearsal: ${failed ? "FAILED" : "passed"} in ${seconds} s wall time`);
process.exit(failed ? 1 : 0);
