import { readFile } from "node:fs/promises";
import path from "node:path";

/** The folders, under `packages/`, of the three packages released together. */
export const PUBLISHED_FOLDERS = ["schema", "fetch", "axios"] as const;

/** Name and version of one published package, as its package.json says. */
export interface PublishedPackage {
  folder: (typeof PUBLISHED_FOLDERS)[number];
  name: string;
  version: string;
}

/** Reads the three published packages' names and versions. */
export async function readPublishedPackages(root: string): Promise<PublishedPackage[]> {
  return Promise.all(
    PUBLISHED_FOLDERS.map(async (folder) => {
      const file = path.join(root, "packages", folder, "package.json");
      const { name, version } = JSON.parse(await readFile(file, "utf8")) as { name: string; version: string };
      return { folder, name, version };
    }),
  );
}

/**
 * Why these packages must not be published, or `undefined` when they may be. `0.0.0` marks a
 * package that was never versioned: the first release is 1.0.0, made by `changeset version` from
 * the first-release changeset. The three are versioned together, so their versions must agree.
 */
export function publishBlocker(packages: PublishedPackage[]): string | undefined {
  const unversioned = packages.filter((pkg) => pkg.version === "0.0.0");
  if (unversioned.length > 0) {
    const names = unversioned.map((pkg) => pkg.name).join(", ");
    return `refusing to publish version 0.0.0 (${names}): run \`pnpm changeset version\` first; the first release is 1.0.0`;
  }
  const versions = new Set(packages.map((pkg) => pkg.version));
  if (versions.size > 1) {
    const list = packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(", ");
    return `refusing to publish packages at different versions (${list}): they are released together`;
  }
  return undefined;
}
