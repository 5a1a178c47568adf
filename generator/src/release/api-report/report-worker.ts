import { parentPort } from "node:worker_threads";
import { loadReportTools, type PackageReportJob, reportTogether } from "./report-package.js";

// A report worker (report-package.ts): loads its tools at once, then reports each batch of
// packages it is sent, until it is terminated.
void loadReportTools().catch(() => undefined);
parentPort?.on("message", (jobs: PackageReportJob[]) => {
  reportTogether(jobs).then(
    (texts) => parentPort?.postMessage({ texts }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
