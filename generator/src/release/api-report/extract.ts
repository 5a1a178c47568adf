import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

/**
 * API Extractor's report of one entry point (`dist/<entry>.d.ts` under `dir`): every exported
 * declaration, with its doc comment's release tags, in a stable text form. Messages about our own
 * docs' TSDoc style are not API facts, so they stay out of the report.
 */
export async function extractApiReport(options: {
  dir: string;
  packageName: string;
  /** Entry file relative to `src/`, e.g. `index.gen.ts`. */
  entry: string;
  reportName: string;
}): Promise<string> {
  const { dir, entry, reportName } = options;
  const reportFolder = path.join(dir, "reports");
  await mkdir(reportFolder, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: dir,
      mainEntryPointFilePath: path.join(dir, "dist", entry.replace(/\.ts$/, ".d.ts")),
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
          include: ["dist"],
        },
      },
      apiReport: {
        enabled: true,
        reportFolder,
        reportTempFolder: path.join(dir, "reports-temp"),
        reportFileName: reportName,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(dir, "package.json"),
    ignoreMissingEntryPoint: false,
  });
  const errors: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    showVerboseMessages: false,
    messageCallback: (message) => {
      if (message.logLevel === ExtractorLogLevel.Error) errors.push(message.formatMessageWithoutLocation());
      message.handled = true;
    },
  });
  if (!result.succeeded || errors.length > 0) {
    throw new Error(`API Extractor could not report ${options.packageName} (${entry}):\n${errors.join("\n")}`);
  }
  return readFile(path.join(reportFolder, reportName), "utf8");
}
