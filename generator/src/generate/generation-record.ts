import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { readTree } from "./file-tree.js";
import type { OpenApiDocument } from "./load-spec.js";
import { locateGeneratorJar } from "./openapi-generator.js";

/** What a generated package was made from; written to `src/generation.gen.ts` and shipped in dist. */
export interface GenerationRecord {
  /** SHA-256 of the spec as the generator read it (external `$ref`s bundled), as JSON. */
  specSha256: string;
  generator: { name: string; version: string };
  openapiGenerator: string;
  openapiTypescript: string;
  /** SHA-256 over every file of `templates/` and `runtime/src/`, by path and content. */
  templatesSha256: string;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The record for a generation from `spec` with this repository's generator, templates and runtime. */
export async function generationRecord(repoRoot: string, spec: OpenApiDocument): Promise<GenerationRecord> {
  const generatorPackage = JSON.parse(await readFile(path.join(repoRoot, "generator", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const require = createRequire(path.join(repoRoot, "generator", "package.json"));
  const openapiTypescript = (
    JSON.parse(readFileSync(require.resolve("openapi-typescript/package.json"), "utf8")) as { version: string }
  ).version;
  const hash = createHash("sha256");
  for (const folder of ["templates", path.join("runtime", "src")]) {
    const tree = await readTree(path.join(repoRoot, folder));
    for (const file of [...tree.keys()].sort()) hash.update(`${folder}/${file}\0${tree.get(file)}\0`);
  }
  return {
    specSha256: sha256(JSON.stringify(spec)),
    generator: { name: generatorPackage.name, version: generatorPackage.version },
    openapiGenerator: locateGeneratorJar(repoRoot).version,
    openapiTypescript,
    templatesSha256: hash.digest("hex"),
  };
}

/** The record as a module; its type is declared, not inferred, so new hashes never change the API. */
export function generationRecordSource(header: string, record: GenerationRecord): string {
  return `${header}
/**
 * What this package was generated from: the spec's hash, the generators' versions and a hash of
 * the templates and runtime. This is a build record, not npm's provenance attestation, which says
 * where and how the published tarball was built.
 */
export interface GenerationRecord {
  readonly specSha256: string;
  readonly generator: { readonly name: string; readonly version: string };
  readonly openapiGenerator: string;
  readonly openapiTypescript: string;
  readonly templatesSha256: string;
}

/** The {@link GenerationRecord} of this package. */
export const generationRecord: GenerationRecord = ${JSON.stringify(record, null, 2)};
`;
}

/** Where the record goes in every package's tree, and the line that re-exports it from the index. */
export const GENERATION_RECORD_FILE = "generation.gen.ts";
export const GENERATION_RECORD_EXPORT =
  'export { type GenerationRecord, generationRecord } from "./generation.gen.js";\n';
