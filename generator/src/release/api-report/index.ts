import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { FileTree } from "../../generate/file-tree.js";
import { PACKAGE_FOLDERS, type PackageFolder } from "../../generate/layout.js";
import { type PackageReportJob, ReportPool } from "./report-package.js";

/** Folder beside `src/` that holds a package's committed API reports, one per entry point. */
export const API_REPORT_DIR = "api-report";

/** A published entry point: its subpath (`.` or `./oauth2`) and its source file in `src/`. */
export interface EntryPoint {
  subpath: string;
  source: string;
}

/**
 * The entry points a package publishes, from its build script's `--entry.<name> src/<file>` flags
 * (the package's own package.json, or its scaffold before it exists): `index` is `.`, any other
 * name the subpath `./<name>`.
 */
export async function entryPointsOf(
  packageDir: string,
  scaffoldDir: string,
): Promise<{ name: string; entries: EntryPoint[] }> {
  const file = existsSync(path.join(packageDir, "package.json")) ? packageDir : scaffoldDir;
  const manifest = JSON.parse(await readFile(path.join(file, "package.json"), "utf8")) as {
    name: string;
    scripts?: Record<string, string>;
  };
  const flags = [...(manifest.scripts?.build ?? "").matchAll(/--entry\.([\w-]+)[= ]src\/(\S+)/g)];
  const entries = flags
    .map(([, name = "", source = ""]) => ({ subpath: name === "index" ? "." : `./${name}`, source }))
    .sort((a, b) => (a.subpath < b.subpath ? -1 : a.subpath > b.subpath ? 1 : 0));
  return { name: manifest.name, entries: entries.length > 0 ? entries : [{ subpath: ".", source: "index.gen.ts" }] };
}

/** The report file for an entry point: `index.api.md`, `oauth2.api.md`. */
export const reportFileOf = (entry: EntryPoint): string =>
  `${entry.subpath === "." ? "index" : entry.subpath.slice(2)}.api.md`;

/** Each package's report tree: file name (`index.api.md`) → report. */
export type ApiReportTrees = Map<PackageFolder, FileTree>;

/**
 * Records the public API of every entry point with API Extractor, package by package as each
 * fresh `src/` tree is ready: the schema package's can start while the JVM still makes the
 * clients'. `finish` returns every report; `cancel` stops the work (and waits for its threads),
 * so that nothing writes into the work folder once the caller removes it.
 */
export interface ApiReports {
  add(folder: PackageFolder, tree: FileTree): void;
  finish(): Promise<ApiReportTrees>;
  cancel(): Promise<void>;
}

export function startApiReports(options: ReportOptions): ApiReports {
  // Its first worker starts loading TypeScript and API Extractor now, while the packages are made.
  const pool = new ReportPool();
  const pending: Promise<{ folder: PackageFolder; job: PackageReportJob; texts: Promise<string[]> }>[] = [];
  const cancel = async (): Promise<void> => {
    await pool.close();
    // A job still being set up creates its folder in the work folder: let it finish first.
    await Promise.allSettled(pending);
  };
  return {
    add(folder, tree) {
      const started = packageJob(options, folder, tree).then((job) => ({ folder, job, texts: pool.run(job) }));
      // Settled in finish (or cancel); meanwhile a failure must not count as unhandled.
      started.then((entry) => entry.texts).catch(() => undefined);
      pending.push(started);
    },
    async finish() {
      try {
        const entries = await Promise.all(pending);
        pool.flush();
        const reports: ApiReportTrees = new Map();
        // In package order, not in the order the trees were ready (the schema's may come last under
        // load): the changeset lists changes in this order, and must be the same bytes every run.
        entries.sort((a, b) => PACKAGE_FOLDERS.indexOf(a.folder) - PACKAGE_FOLDERS.indexOf(b.folder));
        for (const { folder, job, texts } of entries) {
          const done = await texts;
          reports.set(folder, new Map(job.reports.map((report, at) => [report.reportName, done[at]!])));
        }
        return reports;
      } finally {
        // Its threads would keep the process alive.
        await cancel();
      }
    },
    cancel,
  };
}

interface ReportOptions {
  repoRoot: string;
  outDir: string;
  workDir: string;
  /** Each package's npm name when it is not scaffolded yet (its scaffold has our own names). */
  packageNames: Readonly<Record<PackageFolder, string>>;
}

async function packageJob(options: ReportOptions, folder: PackageFolder, tree: FileTree): Promise<PackageReportJob> {
  const packageDir = path.join(options.outDir, folder);
  const scaffoldDir = path.join(options.repoRoot, "templates", "packages", folder);
  const found = await entryPointsOf(packageDir, scaffoldDir);
  const { entries } = found;
  // A package written before keeps the name in its package.json (a maintainer may have changed it).
  const name = existsSync(path.join(packageDir, "package.json")) ? found.name : options.packageNames[folder];
  const dir = path.join(options.workDir, "api", folder);
  await mkdir(dir, { recursive: true });
  // Peer types (axios) resolve from the workspace package, wherever the output goes.
  const modulesFrom = path.join(options.repoRoot, "packages", folder);
  return {
    declarations: { tree, dir, packageDir: modulesFrom, entries: entries.map((e) => e.source), packageName: name },
    reports: entries.map((entry) => ({
      dir,
      entryPoint: entry.subpath === "." ? name : `${name}/${entry.subpath.slice(2)}`,
      entry: entry.source,
      reportName: reportFileOf(entry),
    })),
  };
}
