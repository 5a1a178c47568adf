import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

/** One entry point to report: `dir/dist/<entry .d.ts>` of a package compiled by emitDeclarations. */
export interface ReportJob {
  dir: string;
  /** For messages, e.g. `@onelogin-mfa/fetch/oauth2`. */
  entryPoint: string;
  /** Entry file relative to `src/`, e.g. `index.gen.ts`. */
  entry: string;
  reportName: string;
}

function configFor(job: ReportJob, include: string[]): ExtractorConfig {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: job.dir,
      newlineKind: "lf",
      mainEntryPointFilePath: path.join(job.dir, "dist", job.entry.replace(/\.ts$/, ".d.ts")),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: "ES2022",
            module: "NodeNext",
            moduleResolution: "NodeNext",
            lib: ["ES2022", "DOM"],
            types: [],
            skipLibCheck: true,
          },
          include,
        },
      },
      apiReport: {
        enabled: true,
        reportFolder: path.join(job.dir, "reports"),
        reportTempFolder: path.join(job.dir, "reports-temp"),
        reportFileName: job.reportName,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        // Our doc comments' TSDoc style is not an API fact; an unexported type the API uses is.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(job.dir, "package.json"),
  });
}

/**
 * API Extractor's report of each entry point: every exported declaration with its release tags,
 * in a stable text form. One compiler state serves all of them, so the declarations and libs are
 * analysed once.
 */
export async function extractApiReports(jobs: readonly ReportJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const include = [...new Set(jobs.map((job) => path.join(job.dir, "dist")))];
  const configs = jobs.map((job) => configFor(job, include));
  const compilerState = CompilerState.create(configs[0]!, {
    additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
  });
  const reports: string[] = [];
  for (const [index, job] of jobs.entries()) {
    await mkdir(path.join(job.dir, "reports"), { recursive: true });
    const errors: string[] = [];
    const result = Extractor.invoke(configs[index]!, {
      localBuild: true,
      compilerState,
      showVerboseMessages: false,
      messageCallback: (message) => {
        if (message.logLevel === ExtractorLogLevel.Error) errors.push(message.formatMessageWithoutLocation());
        message.handled = true;
      },
    });
    if (!result.succeeded || errors.length > 0) {
      throw new Error(`API Extractor could not report ${job.entryPoint}:\n${errors.join("\n")}`);
    }
    reports.push(await readFile(path.join(job.dir, "reports", job.reportName), "utf8"));
  }
  return reports;
}
