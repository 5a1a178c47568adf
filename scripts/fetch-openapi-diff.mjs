#!/usr/bin/env node
// Installs the spec-diff engine: the openapi-diff jars pinned in
// generator/src/release/spec-diff/engine/pom.xml (via Maven's dependency:copy-dependencies), our
// small batch driver compiled against them, and a class-data-sharing archive for faster starts.
// Everything goes into one folder of .cache/ named by a hash of the pom and the driver, so an edit
// of either installs afresh; generator/src/release/spec-diff/engine-install.ts computes the same name.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engineDir = path.join(root, "generator", "src", "release", "spec-diff", "engine");
const pom = path.join(engineDir, "pom.xml");
const driver = path.join(engineDir, "SpecDiffBatch.java");

function fail(message) {
  process.stderr.write(`fetch-openapi-diff: ${message}\n`);
  process.exit(1);
}

const hash = createHash("sha256")
  .update(readFileSync(pom))
  .update("\0")
  .update(readFileSync(driver))
  .digest("hex")
  .slice(0, 16);
const target = path.join(root, ".cache", "openapi-diff", hash);
if (existsSync(path.join(target, "ready"))) process.exit(0);

const jdkTool = (name) => (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", name) : name);
const javac = jdkTool("javac");
const jarTool = jdkTool("jar");
if (spawnSync(javac, ["-version"], { encoding: "utf8" }).status !== 0) {
  fail(
    "no javac found: the spec-diff engine is compiled at set-up and needs a JDK 11+ (17 recommended), e.g. `apt-get install openjdk-17-jdk-headless`.",
  );
}

const work = path.join(root, ".cache", `openapi-diff.tmp-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
  const maven = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      pom,
      "dependency:copy-dependencies",
      "-DincludeScope=runtime",
      `-DoutputDirectory=${path.join(work, "lib")}`,
    ],
    { encoding: "utf8", timeout: 600_000 },
  );
  if (maven.error || maven.status !== 0) {
    fail(
      `could not download the openapi-diff jars with \`mvn dependency:copy-dependencies\`:\n${maven.error?.message ?? ""}${maven.stdout}${maven.stderr}`,
    );
  }
  const classpath = path.join(work, "lib", "*");
  const classes = path.join(work, "classes");
  execFileSync(javac, ["--release", "11", "-nowarn", "-cp", classpath, "-d", classes, driver], { stdio: "inherit" });
  // Into a jar beside the engine's: class-data sharing archives classes from jars only.
  execFileSync(jarTool, ["--create", "--file", path.join(work, "lib", "spec-diff-batch.jar"), "-C", classes, "."], {
    stdio: "inherit",
  });
  rmSync(classes, { recursive: true });

  writeFileSync(path.join(work, "ready"), `${hash}\n`);
  // Installs for earlier versions of the pom or driver are of no further use.
  rmSync(path.dirname(target), { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(work, target);
} finally {
  rmSync(work, { recursive: true, force: true });
}
recordClassDataArchive();
process.stdout.write("openapi-diff engine ready\n");

/**
 * Records a dynamic class-data-sharing archive (JDK 13+) from one real diff, in the final folder:
 * the JVM only uses an archive whose class path matches the one it was recorded with, and a
 * wildcard class path is not allowed, so the jars are listed one by one in a fixed order
 * (engine-install.ts lists them the same way).
 * Only a speed-up: without it the engine works, just starts slower.
 */
function recordClassDataArchive() {
  const jars = readdirSync(path.join(target, "lib"))
    .filter((name) => name.endsWith(".jar"))
    .sort()
    .map((name) => path.join(target, "lib", name));
  const classpath = jars.join(path.delimiter);
  const sample = path.join(target, "sample.json");
  writeFileSync(
    sample,
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "cds", version: "1" },
      paths: { "/a": { get: { responses: { 200: { description: "ok" } } } } },
    }),
  );
  const java = jdkTool("java");
  const archive = path.join(target, "engine.jsa");
  const result = spawnSync(
    java,
    [
      "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC",
      `-XX:ArchiveClassesAtExit=${archive}`,
      "-cp",
      classpath,
      "SpecDiffBatch",
      sample,
      sample,
    ],
    { stdio: "ignore", timeout: 300_000 },
  );
  if (result.status !== 0) rmSync(archive, { force: true });
  rmSync(sample, { force: true });
}
