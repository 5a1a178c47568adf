import { parentPort, workerData } from "node:worker_threads";
import { type PackageReportJob, reportPackage } from "./report-package.js";

// One package's API reports in a thread of its own (see report-package.ts for why).
const job = workerData as PackageReportJob;
reportPackage(job).then(
  (texts) => parentPort?.postMessage({ texts }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
