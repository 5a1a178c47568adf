import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import type { FileTree } from "../../generate/file-tree.js";
import { PACKAGE_FOLDERS, type PackageFolder } from "../../generate/layout.js";
import type { OpenApiDocument } from "../../generate/load-spec.js";
import { prepareSpec } from "../../generate/prepare-spec.js";
import { classifyApiChanges, type Role } from "../api-report/classify-api.js";
import { API_REPORT_DIR } from "../api-report/index.js";
import { exportRoles } from "../api-report/roles.js";
import { type ClassifiedChange, maxBump } from "../bump.js";
import { diffSpecs } from "../spec-diff/index.js";
import { fileAt, filesAt } from "./baseline.js";
import type { PendingChange } from "./write-changeset.js";

/**
 * The pending change between the baseline commit and a fresh generation: the spec layer
 * (spec:diff) and the API layer (the packages' API reports), the bump being the larger of the two.
 */
export async function pendingChange(options: {
  repoRoot: string;
  workDir: string;
  baseline: string;
  /** Repo-relative path of the spec, e.g. `spec/openapi.yaml`. */
  specPath: string;
  newSpecFile: string;
  newSpec: OpenApiDocument;
  reports: Map<PackageFolder, FileTree>;
  packageNames: Map<PackageFolder, string>;
}): Promise<PendingChange> {
  const { repoRoot, baseline } = options;
  let specChanges: ClassifiedChange[] = [];
  const oldSpecText = await fileAt(repoRoot, baseline, options.specPath);
  let oldSpec: OpenApiDocument | undefined;
  const newSpecText = await readFile(options.newSpecFile, "utf8");
  // The same text has no differences; that saves the diff engine's JVM on most regenerations.
  if (oldSpecText !== undefined && oldSpecText !== newSpecText) {
    const oldSpecFile = path.join(options.workDir, `baseline${path.extname(options.specPath) || ".yaml"}`);
    await writeFile(oldSpecFile, oldSpecText);
    specChanges = (await diffSpecs(oldSpecFile, options.newSpecFile)).changes;
  }
  if (oldSpecText !== undefined) oldSpec = parse(oldSpecText) as OpenApiDocument;
  const roleOf = combinedRoles([options.newSpec, oldSpec]);
  const byMessage = new Map<string, { change: ClassifiedChange; entryPoints: string[] }>();
  // Package order, whatever order the reports arrived in, so that the changeset's text is stable.
  for (const folder of PACKAGE_FOLDERS) {
    const fresh = options.reports.get(folder);
    if (fresh === undefined) continue;
    const name = options.packageNames.get(folder) ?? folder;
    const reportFolder = `packages/${folder}/${API_REPORT_DIR}`;
    const committed = new Set(await filesAt(repoRoot, baseline, reportFolder));
    // A package with no report at the baseline has nothing to compare with yet.
    if (committed.size === 0) continue;
    for (const file of [...new Set([...committed, ...fresh.keys()])].sort()) {
      const entryPoint = file === "index.api.md" ? name : `${name}/${file.replace(/\.api\.md$/, "")}`;
      const before = committed.has(file) ? ((await fileAt(repoRoot, baseline, `${reportFolder}/${file}`)) ?? "") : "";
      const after = fresh.get(file) ?? "";
      for (const change of classifyApiChanges({ entryPoint, before, after, roleOf })) {
        const key = `${change.bump}\0${change.message}`;
        const seen = byMessage.get(key);
        if (seen) seen.entryPoints.push(entryPoint);
        else byMessage.set(key, { change, entryPoints: [entryPoint] });
      }
    }
  }
  const apiChanges = [...byMessage.values()];
  return {
    bump: maxBump(...specChanges.map((c) => c.bump), ...apiChanges.map((c) => c.change.bump)),
    specChanges,
    apiChanges,
  };
}

/**
 * The schema package's openapi-typescript interfaces describe the API as a whole: a new path,
 * operation or schema in them is a new capability, not a narrowed input.
 */
const DESCRIPTION_TYPES = new Map<string, Role>([
  ["paths", "output"],
  ["operations", "output"],
  ["components", "output"],
  ["webhooks", "output"],
  ["$defs", "output"],
]);

/** Roles from every spec given; a name whose role differs between them counts as both. */
function combinedRoles(specs: (OpenApiDocument | undefined)[]): (name: string) => Role {
  const lookups: ((name: string) => Role | undefined)[] = [];
  for (const spec of specs) {
    if (!spec) continue;
    try {
      const prepared = prepareSpec(spec, "spec");
      lookups.push(exportRoles(prepared.document, prepared.modelNames));
    } catch {
      // A baseline our current rules refuse gives no roles; the new spec's still count.
    }
  }
  // Unknown names (a class, a runtime export) count as both: the strictest reading.
  return (name) => {
    const described = DESCRIPTION_TYPES.get(name);
    if (described) return described;
    const roles = new Set(lookups.map((lookup) => lookup(name)).filter((role) => role !== undefined));
    return roles.size === 1 ? [...roles][0]! : "both";
  };
}
