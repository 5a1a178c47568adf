import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../../src/generate/file-tree.js";
import { type PackageReportJob, ReportPool } from "../../../src/release/api-report/report-package.js";
import { repoRoot } from "../../support/run-cli.js";

/** The committed packages' fresh sources as report jobs, each in its own folder under `root`. */
async function jobsFor(root: string): Promise<PackageReportJob[]> {
  const jobs: PackageReportJob[] = [];
  for (const folder of ["schema", "fetch"]) {
    const dir = path.join(root, folder);
    jobs.push({
      declarations: {
        tree: await readTree(path.join(repoRoot, "packages", folder, "src")),
        dir,
        packageDir: path.join(repoRoot, "packages", folder),
        entries: ["index.gen.ts"],
        packageName: `@test/${folder}`,
      },
      reports: [{ dir, entryPoint: `@test/${folder}`, entry: "index.gen.ts", reportName: "index.api.md" }],
    });
  }
  return jobs;
}

describe("the API report pool", () => {
  let temp: string;
  beforeAll(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-report-pool-"));
  });
  afterAll(() => rm(temp, { recursive: true, force: true }));

  it("packages reported each on its own report exactly what one shared program reports", async () => {
    const together = new ReportPool({ aloneFromBytes: Number.POSITIVE_INFINITY });
    const serial = (await jobsFor(path.join(temp, "serial"))).map((job) => together.run(job));
    together.flush();
    const a = await Promise.all(serial);
    // Workers are shared by every pool of the process: this one's go back first.
    await together.close();
    const workers = new ReportPool({ aloneFromBytes: 0 });
    const parallel = (await jobsFor(path.join(temp, "parallel"))).map((job) => workers.run(job));
    // One worker per package, up to a worker per core.
    expect(workers.activeWorkers).toBe(Math.min(2, Math.max(1, os.availableParallelism())));
    const b = await Promise.all(parallel);
    expect(a.map((texts) => texts.length)).toEqual([1, 1]);
    expect(a[0]![0]).toContain('API Report File for "@test/schema"');
    expect(a[1]![0]).toContain("export function createClient");
    expect(b).toEqual(a);
    await workers.close();
    expect(workers.activeWorkers).toBe(0);
  });

  it("pools alive at once share a worker per core; a pool without one gets one when another closes", async () => {
    const cores = Math.max(1, os.availableParallelism());
    const pools = Array.from({ length: cores + 1 }, () => new ReportPool({ aloneFromBytes: 0 }));
    expect(pools.reduce((sum, pool) => sum + pool.activeWorkers, 0)).toBe(cores);
    const last = pools.at(-1)!;
    expect(last.activeWorkers).toBe(0);
    const [job] = await jobsFor(path.join(temp, "shared"));
    const waiting = last.run(job!);
    await Promise.all(pools.slice(0, -1).map((pool) => pool.close()));
    const [report] = await waiting;
    expect(report).toContain('API Report File for "@test/schema"');
    await last.close();
  });

  it("close stops the running workers and rejects their jobs and any job after", async () => {
    const pool = new ReportPool({ aloneFromBytes: 0 });
    const [job] = await jobsFor(path.join(temp, "cancelled"));
    const running = pool.run(job!);
    expect(pool.activeWorkers).toBe(1);
    await pool.close();
    expect(pool.activeWorkers).toBe(0);
    await expect(running).rejects.toThrow();
    await expect(pool.run(job!)).rejects.toThrow(/cancelled/);
    // The stopped worker's place was given back once: a worker per core again, and no more.
    const cores = Math.max(1, os.availableParallelism());
    const pools = Array.from({ length: cores + 1 }, () => new ReportPool({ aloneFromBytes: 0 }));
    expect(pools.map((each) => each.activeWorkers)).toEqual([...Array(cores).fill(1), 0]);
    await Promise.all(pools.map((each) => each.close()));
  });
});
