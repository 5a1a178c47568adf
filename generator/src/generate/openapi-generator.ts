import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ToolError } from "../diagnostics.js";

const run = promisify(execFile);

/** One OpenAPI Generator target inside a batch run. */
export interface GeneratorJob {
  /** OpenAPI Generator's generator name, e.g. `typescript-fetch`. */
  generatorName: string;
  templateDir: string;
  outputDir: string;
  additionalProperties: Record<string, string | boolean>;
  typeMappings?: Record<string, string>;
  modelNameMappings?: Record<string, string>;
  /** operationId → function name, for operationIds that cannot be used as they are. */
  operationIdNameMappings?: Record<string, string>;
  /** Extra templates in `templateDir`, by template file: OpenAPI Generator's `files` setting. */
  files?: Record<string, { templateType: string; destinationFilename: string }>;
}

/** Where the pinned generator JAR lives, from openapitools.json (the wrapper's own config). */
export function locateGeneratorJar(repoRoot: string): { jar: string; version: string; cdsArchive: string } {
  const config = JSON.parse(readFileSync(path.join(repoRoot, "openapitools.json"), "utf8")) as {
    "generator-cli": { version: string; storageDir: string };
  };
  const { version, storageDir } = config["generator-cli"];
  const dir = path.resolve(repoRoot, storageDir);
  return { jar: path.join(dir, `${version}.jar`), version, cdsArchive: path.join(dir, `${version}.jsa`) };
}

/** Above this many operations plus models a run is long enough for the optimising compiler to pay off. */
export const LARGE_SPEC_SIZE = 150;

/**
 * OpenAPI Generator caches camelized and sanitised names in caches of 200 entries that expire
 * after 5 s. For each enum property it converts the name of every schema in the spec (a linear
 * search), so a spec with more schemas than that thrashes the cache and recomputes the same
 * regexes millions of times: this was most of GitHub's 19 minutes. One run, one spec: keep them all.
 */
const NAME_CACHE_FLAGS = [
  "-Dorg.openapitools.codegen.utils.namecache.cachesize=1000000",
  "-Dorg.openapitools.codegen.utils.namecache.expireafter.seconds=86400",
];

/**
 * JVM flags by the size of the work. A small spec is a short-lived run: the C1 compiler alone
 * warms up fastest and the serial collector costs least to start. A large one runs long enough
 * for the optimising compiler (C2) to pay for itself.
 * Either way a class-data-sharing archive made at set-up (scripts/fetch-openapi-generator.mjs)
 * skips most class loading. ONELOGIN_MFA_JVM_FLAGS replaces the choice (benchmarks only).
 */
export function jvmFlags(cdsArchive: string, size = 0): string[] {
  const override = process.env.ONELOGIN_MFA_JVM_FLAGS;
  const flags =
    override !== undefined
      ? override.split(" ").filter(Boolean)
      : [
          ...(size > LARGE_SPEC_SIZE ? ["-XX:+UseParallelGC"] : ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]),
          "-Xss4m",
          "-Dlog.level=warn",
          ...NAME_CACHE_FLAGS,
        ];
  if (existsSync(cdsArchive))
    flags.push(`-XX:SharedArchiveFile=${cdsArchive}`, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  return flags;
}

/** The Java launcher: `$JAVA_HOME/bin/java` when JAVA_HOME is set, as most JVM tools do; else `java` on PATH. */
export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, "bin", "java") : "java";
}

const JAVA_HINT =
  "OpenAPI Generator needs Java 11 or newer (17 recommended): install a JDK (e.g. `apt-get install openjdk-17-jre-headless`) and put it on PATH or in JAVA_HOME.";

/**
 * Turns a failed JVM start into one actionable line. Checked after the fact rather than with
 * a `java -version` probe first, which would cost a second JVM start on every run.
 */
function javaProblem(error: NodeJS.ErrnoException & { stderr?: string }): ToolError | undefined {
  const java = javaExecutable();
  if (error.code === "ENOENT" || error.code === "EACCES") {
    return new ToolError(`java not found${java === "java" ? " on PATH" : ` at ${java}`}. ${JAVA_HINT}`);
  }
  const version = /UnsupportedClassVersionError|has been compiled by a more recent version/.test(error.stderr ?? "");
  return version ? new ToolError(`the Java at ${java} is too old. ${JAVA_HINT}`) : undefined;
}

/** One spec's generator jobs, as the generate command runs them. */
export interface GeneratorRun {
  repoRoot: string;
  specFile: string;
  workDir: string;
  jobs: GeneratorJob[];
  /** Operations plus component schemas: picks the JVM flags (jvmFlags). */
  size?: number;
  /** Aborting kills the JVM (used when validation, running alongside, fails). */
  signal?: AbortSignal;
}

/**
 * Runs every job in a single JVM with OpenAPI Generator's `batch` command, so the JVM
 * start-up and the spec parse are paid once for all targets.
 */
export async function runGeneratorBatch(options: GeneratorRun): Promise<void> {
  const configFiles = await writeBatchConfigs(options);
  await runBatchJvm({
    repoRoot: options.repoRoot,
    configFiles,
    threads: options.jobs.length,
    ...(options.size !== undefined && { size: options.size }),
    ...(options.signal !== undefined && { signal: options.signal }),
  });
}

/** Writes one `batch` config file per job into the run's work folder; returns their paths. */
export async function writeBatchConfigs(options: GeneratorRun): Promise<string[]> {
  const configFiles: string[] = [];
  for (const [index, job] of options.jobs.entries()) {
    const configFile = path.join(options.workDir, `batch-${index}-${job.generatorName}.json`);
    const config = {
      generatorName: job.generatorName,
      inputSpec: options.specFile,
      outputDir: job.outputDir,
      templateDir: job.templateDir,
      additionalProperties: job.additionalProperties,
      typeMappings: job.typeMappings ?? {},
      modelNameMappings: job.modelNameMappings ?? {},
      operationIdNameMappings: job.operationIdNameMappings ?? {},
      files: job.files ?? {},
      // The spec was validated already (Redocly, with locations); OpenAPI Generator's own
      // check is stricter than OpenAPI 3.1 in places (e.g. it demands \`responses\`).
      validateSpec: false,
      // Mapped-to types must count as primitives, or the generator imports them as models.
      languageSpecificPrimitives: [...new Set(Object.values(job.typeMappings ?? {}))].sort(),
      // Every inline model was named from its own place already (naming/inline-schemas.ts); the
      // generator must not merge equal shapes under one name again.
      inlineSchemaOptions: { SKIP_SCHEMA_REUSE: "true" },
      globalProperties: { apiDocs: "false", modelDocs: "false", apiTests: "false", modelTests: "false" },
    };
    await writeFile(configFile, JSON.stringify(config, null, 2));
    configFiles.push(configFile);
  }
  return configFiles;
}

/** One JVM running OpenAPI Generator's `batch` command over the given config files. */
export async function runBatchJvm(options: {
  repoRoot: string;
  configFiles: readonly string[];
  threads: number;
  size?: number;
  signal?: AbortSignal;
}): Promise<void> {
  const { jar, cdsArchive } = locateGeneratorJar(options.repoRoot);
  if (!existsSync(jar)) {
    throw new Error(
      `OpenAPI Generator JAR missing at ${path.relative(process.cwd(), jar)}: run \`node scripts/fetch-openapi-generator.mjs\` (part of the set-up command).`,
    );
  }
  const pending = run(
    javaExecutable(),
    [
      ...jvmFlags(cdsArchive, options.size),
      "-jar",
      jar,
      "batch",
      "--fail-fast",
      "--threads",
      String(options.threads),
      ...options.configFiles,
    ],
    {
      maxBuffer: 64 * 1024 * 1024,
      signal: options.signal,
    },
  );
  try {
    await pending;
  } catch (error) {
    if (options.signal?.aborted) {
      // The abort rejects at once, while the JVM may still be writing into the work folder that
      // the caller removes next: wait until the process has gone.
      const { child } = pending;
      if (child.exitCode === null && child.signalCode === null)
        await new Promise((resolve) => child.once("close", resolve));
      throw options.signal.reason;
    }
    const problem = javaProblem(error as NodeJS.ErrnoException & { stderr?: string });
    if (problem) throw problem;
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    const crash = GeneratorCrash.from(`${stderr}\n${stdout}`);
    if (crash) throw crash;
    const detail = failureSummary(`${stderr}\n${stdout}`);
    throw new ToolError(`OpenAPI Generator failed:\n${detail || stderr.slice(0, 4000) || stdout.slice(0, 4000)}`);
  }
}

const SUMMARY_LINES = 20;

/**
 * What explains a failed run, without the chatter: the generator's INFO/WARN progress, Java
 * stack frames, and the schema dumps (indented `class Schema {` blocks, hundreds of thousands
 * of lines for a large spec) that follow its ERROR lines. Repeated messages are shown once, and
 * at most 20 lines, with a count of the rest.
 */
export function failureSummary(output: string): string {
  const kept: string[] = [];
  for (const line of output.split("\n")) {
    const text = line.trimEnd();
    if (text.trim() === "" || /^\s/.test(text) || /^[}\]),]/.test(text)) continue;
    if (/^\[[^\]]+\] (INFO|WARN|DEBUG) /.test(text)) continue;
    // The same message from each generator thread is one message.
    const message = text.replace(/^\[pool-\d+-thread-\d+\] /, "");
    const shown = message.length > 300 ? `${message.slice(0, 300)}…` : message;
    if (!kept.includes(shown)) kept.push(shown);
  }
  const more = kept.length - SUMMARY_LINES;
  return [...kept.slice(0, SUMMARY_LINES), ...(more > 0 ? [`(${more} more lines)`] : [])].join("\n");
}

/**
 * OpenAPI Generator gave up on one model or operation of a spec that passed validation. The
 * command turns it into a located error; the Java stack trace is never shown.
 */
export class GeneratorCrash extends Error {
  /** `model` or `operation`, and its name as OpenAPI Generator spelled it. */
  readonly kind: "model" | "operation";
  readonly subject: string;
  /** The innermost Java exception, e.g. `StringIndexOutOfBoundsException: begin 7, end 0`. */
  readonly javaCause: string;
  /** For an operation, its method and path as the spec writes them, when the JVM said. */
  readonly resource: { method: string; path: string } | undefined;

  constructor(
    kind: "model" | "operation",
    subject: string,
    cause: string,
    resource?: { method: string; path: string },
  ) {
    super(`OpenAPI Generator could not process ${kind} ${JSON.stringify(subject)} (${cause})`);
    this.name = "GeneratorCrash";
    this.kind = kind;
    this.subject = subject;
    this.javaCause = cause;
    this.resource = resource;
  }

  /**
   * Recognises `Could not process model 'X'` / `operation 'X'` in the JVM's output, and the
   * block form of newer versions: `Could not process operation:` followed by `Operation: X`
   * and `Resource: post /path` lines (and a dump of every schema, which is never shown).
   */
  static from(output: string): GeneratorCrash | undefined {
    const causes = [...output.matchAll(/Caused by: (?:[\w$]+\.)*([\w$]+(?:: [^\n]*)?)/g)];
    const cause =
      causes.at(-1)?.[1]?.trim() ?? /^ {2}Exception: ([^\n]+)/m.exec(output)?.[1]?.trim() ?? "no cause given";
    const quoted = /Could not process (model|operation) '([^']+)'/.exec(output);
    if (quoted) return new GeneratorCrash(quoted[1] as "model" | "operation", quoted[2]!, cause);
    const block =
      /Could not process operation:\n(?:[^\n]*\n)*? {2}Operation: (\S+)\n(?: {2}Resource: (\w+) (\S+)\n)?/.exec(output);
    if (!block) return undefined;
    const resource = block[2] && block[3] ? { method: block[2].toLowerCase(), path: block[3] } : undefined;
    return new GeneratorCrash("operation", block[1]!, cause, resource);
  }
}
