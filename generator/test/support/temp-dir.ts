import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Makes `axios` resolvable from packages generated under a folder, as a workspace install would. */
export { linkAxios } from "@onelogin-mfa/corpus";

/** A fresh temporary folder; the returned function removes it. */
export async function makeTempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `onelogin-mfa-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
