import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { FileTree } from "../../generate/file-tree.js";
import type { PackageFolder } from "../../generate/layout.js";
import type { DeclarationJob } from "./declarations.js";
import type { ReportJob } from "./extract.js";

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

/**
 * Compiles each package's fresh `src/` tree and records the public API of every entry point with
 * API Extractor. Returns each package's report tree (file name → report).
 */
export async function buildApiReports(options: {
  repoRoot: string;
  outDir: string;
  workDir: string;
  trees: Map<PackageFolder, FileTree>;
}): Promise<Map<PackageFolder, FileTree>> {
  const declarations: DeclarationJob[] = [];
  const reportJobs: (ReportJob & { folder: PackageFolder; file: string })[] = [];
  for (const [folder, tree] of options.trees) {
    const packageDir = path.join(options.outDir, folder);
    const scaffoldDir = path.join(options.repoRoot, "templates", "packages", folder);
    const { name, entries } = await entryPointsOf(packageDir, scaffoldDir);
    const dir = path.join(options.workDir, "api", folder);
    await mkdir(dir, { recursive: true });
    // Peer types (axios) resolve from the workspace package, wherever the output goes.
    const modulesFrom = path.join(options.repoRoot, "packages", folder);
    declarations.push({ tree, dir, packageDir: modulesFrom, entries: entries.map((e) => e.source), packageName: name });
    for (const entry of entries) {
      const entryPoint = entry.subpath === "." ? name : `${name}/${entry.subpath.slice(2)}`;
      reportJobs.push({
        folder,
        file: reportFileOf(entry),
        dir,
        entryPoint,
        entry: entry.source,
        reportName: reportFileOf(entry),
      });
    }
  }
  // TypeScript and API Extractor take about 1.5 s to load: only runs that write reports pay for them.
  const [{ emitDeclarations }, { extractApiReports }] = await Promise.all([
    import("./declarations.js"),
    import("./extract.js"),
  ]);
  await emitDeclarations(declarations);
  const texts = await extractApiReports(reportJobs);
  const reports = new Map<PackageFolder, FileTree>();
  for (const folder of options.trees.keys()) reports.set(folder, new Map());
  for (const [index, job] of reportJobs.entries()) reports.get(job.folder)!.set(job.file, texts[index]!);
  return reports;
}
