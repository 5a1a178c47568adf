import { cp, mkdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningFakeServer, startFakeServer } from "@onelogin-mfa/contract";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISHED_FOLDERS } from "../src/published-packages.js";
import { checkSmokeOutput } from "../src/rehearsal/checks.js";
import { CONSUMER_TS, consumerTsconfig, SMOKE_CJS, SMOKE_ESM } from "../src/rehearsal/consumer-files.js";
import { runCommand } from "../src/run-command.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ranges = path.join(root, "release", "support-ranges", "node_modules");
const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8"));

const axiosManifest = await readJson(path.join(root, "packages", "axios", "package.json"));
const peerRange: string = axiosManifest.peerDependencies.axios;
const enginesMinimum = semver.minVersion((await readJson(path.join(root, "package.json"))).engines.node)!.version;
const readme = await readFile(path.join(root, "README.md"), "utf8");
const namedTypeScript = /TypeScript (\d+\.\d+) or newer/.exec(readme)?.[1];

const ALIASES = { lowest: "axios-lowest", highest: "axios-highest" } as const;
const nodeBinary = path.join(ranges, `node-${process.platform}-${process.arch}-engines-minimum`, "bin", "node");

/**
 * A consumer folder holding copies of the built packages (so that their `import "axios"` resolves
 * from here) and `axios` linked to the version under test.
 */
async function makeConsumer(axiosAlias: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await import("node:fs/promises").then((fs) => fs.mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-range-")));
  for (const folder of PUBLISHED_FOLDERS) {
    const target = path.join(dir, "node_modules", "@onelogin-mfa", folder);
    await mkdir(target, { recursive: true });
    await cp(path.join(root, "packages", folder, "package.json"), path.join(target, "package.json"));
    await cp(path.join(root, "packages", folder, "dist"), path.join(target, "dist"), { recursive: true });
  }
  await symlink(await realpath(path.join(ranges, axiosAlias)), path.join(dir, "node_modules", "axios"), "dir");
  await writeFile(path.join(dir, "package.json"), '{ "name": "consumer", "private": true }\n');
  await writeFile(path.join(dir, "smoke.mjs"), SMOKE_ESM);
  await writeFile(path.join(dir, "smoke.cjs"), SMOKE_CJS);
  await writeFile(path.join(dir, "consumer.ts"), CONSUMER_TS);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer();
  server.state.addUser({ id: 1, devices: [{ id: "phone-1", factor: "sms", phoneNumber: "+14155550100" }] });
});
afterAll(() => server.close());

async function smoke(node: string, dir: string, script: string): Promise<void> {
  const env = { ...process.env, MFA_URL: server.url, MFA_TOKEN: server.token };
  const { stdout } = await runCommand(node, [script], { cwd: dir, env, echo: false });
  checkSmokeOutput(script, stdout);
  expect(server.state.violations).toEqual([]);
}

describe("the declared support ranges are the ones tested", () => {
  it("axios aliases sit at both ends of the peer range", async () => {
    const lowest = (await readJson(path.join(ranges, ALIASES.lowest, "package.json"))).version;
    const highest = (await readJson(path.join(ranges, ALIASES.highest, "package.json"))).version;
    expect(lowest).toBe(semver.minVersion(peerRange)!.version);
    expect(semver.satisfies(highest, peerRange)).toBe(true);
    // The newest allowed version is the one the workspace develops against.
    expect(highest).toBe(axiosManifest.devDependencies.axios);
  });

  it("the README names the lowest TypeScript, and that is the version installed for the test", async () => {
    expect(namedTypeScript).toBeDefined();
    const installed = (await readJson(path.join(ranges, "typescript-lowest", "package.json"))).version as string;
    expect(`${semver.major(installed)}.${semver.minor(installed)}`).toBe(namedTypeScript);
  });

  it("the Node binary is the engines minimum", async () => {
    const { stdout } = await runCommand(nodeBinary, ["--version"], { cwd: root, echo: false });
    expect(stdout.trim()).toBe(`v${enginesMinimum}`);
  });
});

describe.each(Object.entries(ALIASES))("with axios at the %s end of its peer range", (_end, alias) => {
  let consumer: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    consumer = await makeConsumer(alias);
  });
  afterAll(() => consumer.remove());

  it.each(["smoke.mjs", "smoke.cjs"])("%s calls the fake server through both clients", async (script) => {
    await smoke(process.execPath, consumer.dir, script);
  });
});

describe("at the lowest supported Node and TypeScript", () => {
  let consumer: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    consumer = await makeConsumer(ALIASES.lowest);
  });
  afterAll(() => consumer.remove());

  it.each(["smoke.mjs", "smoke.cjs"])(`%s runs on Node ${enginesMinimum}`, async (script) => {
    await smoke(nodeBinary, consumer.dir, script);
  });

  it.each(["node16", "bundler"] as const)(
    "a consumer compiles with the lowest TypeScript under %s",
    async (resolution) => {
      const config = path.join(consumer.dir, `tsconfig.${resolution}.json`);
      await writeFile(config, consumerTsconfig(resolution));
      const tsc = path.join(ranges, "typescript-lowest", "bin", "tsc");
      const result = await runCommand(nodeBinary, [tsc, "-p", config], { cwd: consumer.dir, echo: false }).catch(
        (error: Error) => ({ stdout: error.message, stderr: "" }),
      );
      expect(result.stdout).toBe("");
    },
  );
});
