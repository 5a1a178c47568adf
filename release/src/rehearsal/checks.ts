import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { PublishedPackage } from "../published-packages.js";
import { runCommand } from "../run-command.js";

/** What every published tarball must hold (npm puts a package's files under `package/`). */
export const REQUIRED_TARBALL_FILES = [
  "package/package.json",
  "package/README.md",
  "package/LICENSE",
  "package/CHANGELOG.md",
  "package/dist/index.js",
  "package/dist/index.cjs",
  "package/dist/index.d.ts",
  "package/dist/index.d.cts",
];

/** Files from {@link REQUIRED_TARBALL_FILES} missing from a tarball listing. */
export function missingTarballFiles(listing: string[]): string[] {
  const present = new Set(listing.map((line) => line.trim()));
  return REQUIRED_TARBALL_FILES.filter((file) => !present.has(file));
}

/**
 * Checks where the publish went: each package's version is on the local registry, and its tarball
 * is served from there and holds the required files. (The publish ran with bogus default
 * registries, so an upload that ignored the scoped registry would have failed.)
 */
export async function checkPublished(registryUrl: string, packages: PublishedPackage[], work: string): Promise<void> {
  for (const pkg of packages) {
    const response = await fetch(new URL(pkg.name.replace("/", "%2f"), registryUrl));
    if (!response.ok) throw new Error(`${pkg.name} is not on the local registry (HTTP ${response.status})`);
    const packument = (await response.json()) as { versions?: Record<string, { dist?: { tarball?: string } }> };
    const tarball = packument.versions?.[pkg.version]?.dist?.tarball;
    if (tarball === undefined) throw new Error(`${pkg.name}@${pkg.version} is not on the local registry`);
    if (!tarball.startsWith(registryUrl)) throw new Error(`${pkg.name}'s tarball is served from ${tarball}`);
    const file = path.join(work, `${pkg.folder}.tgz`);
    await writeFile(file, Buffer.from(await (await fetch(tarball)).arrayBuffer()));
    const { stdout } = await runCommand("tar", ["-tzf", file], { cwd: work, echo: false });
    const missing = missingTarballFiles(stdout.split("\n"));
    if (missing.length > 0) throw new Error(`${pkg.name}@${pkg.version}'s tarball lacks ${missing.join(", ")}`);
  }
}

/** Checks a smoke script's JSON line: both clients got the same factors and a typed 404. */
export function checkSmokeOutput(script: string, stdout: string): void {
  const result = JSON.parse(stdout.trim()) as Record<string, { factors: unknown; missing: string }> & {
    schemaOperations: number;
  };
  const { fetch, axios } = result;
  const problems: string[] = [];
  if (fetch === undefined || axios === undefined) problems.push("a client is missing from the output");
  else {
    if (JSON.stringify(fetch.factors) !== JSON.stringify(axios.factors)) problems.push("the clients disagree");
    if (!JSON.stringify(fetch.factors).includes("phone-1")) problems.push("the seeded device is missing");
    for (const [name, client] of [
      ["fetch", fetch],
      ["axios", axios],
    ] as const) {
      if (client.missing !== "NotFoundError 404") problems.push(`${name}: unknown user gave ${client.missing}`);
    }
  }
  if (!(result.schemaOperations > 0)) problems.push("the schema package exports no operation schemas");
  if (problems.length > 0) throw new Error(`${script}: ${problems.join("; ")}\n${stdout}`);
}
