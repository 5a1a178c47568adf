#!/usr/bin/env node
// Puts the pinned OpenAPI Generator JAR where openapitools.json says, then records a
// class-data-sharing archive for it so later JVM starts skip most class loading.
// The wrapper's download asks Maven Central's search service first, which some networks
// block even where Maven's own client works; Maven's dependency:copy is the fallback.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version, storageDir } = JSON.parse(readFileSync(path.join(root, "openapitools.json"), "utf8"))["generator-cli"];
const dir = path.resolve(root, storageDir);
const jar = path.join(dir, `${version}.jar`);
const archive = path.join(dir, `${version}.jsa`);

function fail(message) {
  process.stderr.write(`fetch-openapi-generator: ${message}\n`);
  process.exit(1);
}

function javaMajor() {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) return 0;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = Number(match?.[1] ?? 0);
  return major === 1 ? Number(match?.[2] ?? 0) : major;
}

function looksLikeJar(file) {
  if (!existsSync(file) || statSync(file).size < 1_000_000) return false;
  const head = readFileSync(file).subarray(0, 2).toString("latin1");
  return head === "PK";
}

function viaWrapper() {
  const bin = path.join(root, "generator", "node_modules", ".bin", "openapi-generator-cli");
  if (!existsSync(bin)) return false;
  const result = spawnSync(bin, ["version"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return result.status === 0 && looksLikeJar(jar);
}

function viaMaven() {
  const tmp = path.join(os.tmpdir(), `openapi-generator-${process.pid}`);
  const result = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "dependency:copy",
      `-Dartifact=org.openapitools:openapi-generator-cli:${version}`,
      `-DoutputDirectory=${tmp}`,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  const copied = path.join(tmp, `openapi-generator-cli-${version}.jar`);
  if (result.status !== 0 || !looksLikeJar(copied)) {
    rmSync(tmp, { recursive: true, force: true });
    return false;
  }
  mkdirSync(dir, { recursive: true });
  renameSync(copied, jar);
  rmSync(tmp, { recursive: true, force: true });
  return true;
}

const major = javaMajor();
if (major < 11) {
  fail(
    major === 0
      ? "no Java found on PATH; OpenAPI Generator needs Java 11+ (17 recommended): install a JDK, e.g. `apt-get install openjdk-17-jre-headless`."
      : `Java ${major} found; OpenAPI Generator needs Java 11+ (17 recommended).`,
  );
}

mkdirSync(dir, { recursive: true });
if (!looksLikeJar(jar)) {
  rmSync(jar, { force: true });
  if (!viaWrapper() && !viaMaven()) {
    fail(`could not download OpenAPI Generator ${version} (tried the npm wrapper and \`mvn dependency:copy\`).`);
  }
  process.stdout.write(`OpenAPI Generator ${version} ready\n`);
}

// A dynamic CDS archive (JDK 13+) recorded from one real run of the generator.
if (major >= 13 && !existsSync(archive)) {
  const sample = path.join(os.tmpdir(), `og-cds-${process.pid}`);
  try {
    mkdirSync(sample, { recursive: true });
    const spec = path.join(sample, "spec.json");
    writeFileSync(
      spec,
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "cds", version: "1" },
        paths: {
          "/a/{id}": {
            get: {
              operationId: "a",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              responses: {
                200: {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } },
                },
              },
            },
          },
        },
        components: { schemas: { A: { type: "object", properties: { b: { type: "string" } } } } },
      }),
    );
    const configs = ["typescript-fetch", "typescript-axios"].map((generatorName) => {
      const file = path.join(sample, `${generatorName}.json`);
      writeFileSync(
        file,
        JSON.stringify({ generatorName, inputSpec: spec, outputDir: path.join(sample, generatorName) }),
      );
      return file;
    });
    execFileSync(
      "java",
      [
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        `-XX:ArchiveClassesAtExit=${archive}`,
        "-jar",
        jar,
        "batch",
        "--threads",
        "2",
        ...configs,
      ],
      { stdio: "ignore", timeout: 300_000 },
    );
  } catch {
    // Only a speed-up: without it generation still works, just starts slower.
    rmSync(archive, { force: true });
  } finally {
    rmSync(sample, { recursive: true, force: true });
  }
}
