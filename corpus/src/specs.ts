import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** One published API description of the corpus, read from an npm package pinned in this package. */
export interface CorpusSpec {
  /** Short id: the folder its packages are generated into. */
  id: string;
  /** The API's name as the README table shows it. */
  title: string;
  /** The npm package that ships the description (pinned in corpus/package.json). */
  npmPackage: string;
  /** The file inside that package. */
  fileInPackage: string;
  /** What it brings that the other specs do not, for the README table. */
  covers: string;
  /** A `--config` file in corpus/config naming places whose names would collide (`names:`). */
  config?: string;
}

/**
 * The corpus: real APIs of different sizes, both OpenAPI versions, form bodies, discriminators
 * and parameter styles. Chosen so every construct class of issue 10 meets at least one real spec.
 */
export const CORPUS: readonly CorpusSpec[] = [
  {
    id: "github",
    title: "GitHub REST API",
    npmPackage: "@octokit/openapi",
    fileInPackage: "generated/api.github.com.json",
    covers: "size; form bodies; a `render` / `render-raw` operation pair",
    config: "github.yaml",
  },
  {
    id: "rebilly",
    title: "Rebilly API",
    npmPackage: "@redocly/openapi-core",
    fileInPackage: "src/benchmark/benches/rebilly.yaml",
    covers: "discriminators (48); YAML; schema keys that meet in PascalCase",
    config: "rebilly.yaml",
  },
  {
    id: "stapi",
    title: "STAPI (Star Trek API)",
    npmPackage: "@readme/oas-examples",
    fileInPackage: "3.0/json/star-trek.json",
    covers: "form bodies (40 operations)",
  },
  {
    id: "dialogporten",
    title: "Dialogporten",
    npmPackage: "@digdir/dialogporten-schema",
    fileInPackage: "swagger.verified.json",
    covers: "parameter styles; a byte-order mark; models named like operations",
  },
  {
    id: "ideal-postcodes",
    title: "Ideal Postcodes API",
    npmPackage: "@ideal-postcodes/openapi",
    fileInPackage: "dist/openapi.json",
    covers: "parameter styles (51); non-ASCII property names",
  },
  {
    id: "readme",
    title: "ReadMe API",
    npmPackage: "@readme/oas-examples",
    fileInPackage: "3.1/json/readme.json",
    covers: "OpenAPI 3.1; form bodies; operations without parameters",
  },
  {
    id: "readme-legacy",
    title: "ReadMe API (legacy)",
    npmPackage: "@readme/oas-examples",
    fileInPackage: "3.0/json/readme-legacy.json",
    covers: "multipart uploads; operations without parameters",
  },
  {
    id: "scalar-galaxy",
    title: "Scalar Galaxy",
    npmPackage: "@scalar/galaxy",
    fileInPackage: "3.1.json",
    covers: "OpenAPI 3.1; a discriminator; a form body",
  },
];

/** Where a corpus spec's file is on disk. */
export function specFile(spec: CorpusSpec): string {
  return require.resolve(`${spec.npmPackage}/${spec.fileInPackage}`);
}

/** The `--config` file of a corpus spec, if it has one. */
export function configFile(spec: CorpusSpec): string | undefined {
  return spec.config === undefined ? undefined : fileURLToPath(new URL(`../config/${spec.config}`, import.meta.url));
}

/** The pinned version of the package a corpus spec comes from, as installed. */
export function packageVersion(spec: CorpusSpec): string {
  const file = specFile(spec);
  const marker = `${path.sep}node_modules${path.sep}${spec.npmPackage.split("/").join(path.sep)}${path.sep}`;
  const root = file.slice(0, file.lastIndexOf(marker) + marker.length);
  return (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}
