import { publishBlocker, readPublishedPackages } from "./published-packages.js";
import { publishEnv, releaseRegistry, withScopedRegistry } from "./registry.js";
import { runCommand } from "./run-command.js";

/** What `pnpm release` was asked to do. */
export interface ReleaseOptions {
  /** The repository root. */
  root: string;
  /** Skip version, regenerate, build and test: publish what is there (the rehearsal's step). */
  publishOnly: boolean;
  /** Ask for npm provenance attestations (needs a CI OIDC token). */
  provenance: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * `pnpm release`: `changeset version` → regenerate and build → test → `changeset publish`, to the
 * registry named by `RELEASE_REGISTRY` (unset: npm's configured default, normally the public
 * registry). Returns the registry used, `undefined` for the default.
 */
export async function release(options: ReleaseOptions): Promise<string | undefined> {
  const { root, env, log } = options;
  const registry = releaseRegistry(env);
  if (!options.publishOnly) {
    for (const args of [["changeset", "version"], ["generate"], ["run", "build"], ["test"]]) {
      log(`release: pnpm ${args.join(" ")}`);
      await runCommand("pnpm", args, { cwd: root, env });
    }
  }
  const packages = await readPublishedPackages(root);
  const blocker = publishBlocker(packages);
  if (blocker !== undefined) throw new Error(blocker);
  const where = registry ?? "the configured default registry";
  log(`release: publishing ${packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(", ")} to ${where}`);
  const publish = () =>
    runCommand("pnpm", ["changeset", "publish"], { cwd: root, env: publishEnv(env, registry, options.provenance) });
  if (registry === undefined) await publish();
  else await withScopedRegistry(root, registry, publish);
  return registry;
}
