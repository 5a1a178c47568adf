import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { type CorpusSpec, specFile } from "./specs.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** What the README table says about a spec, read from the file itself. */
export interface SpecFacts {
  openapi: string;
  operations: number;
}

/** The OpenAPI version and the operation count of a corpus spec. */
export function describeSpec(spec: CorpusSpec): SpecFacts {
  const text = readFileSync(specFile(spec), "utf8").replace(/^\uFEFF/, "");
  const document = (/\.json$/i.test(specFile(spec)) ? JSON.parse(text) : parseYaml(text)) as {
    openapi: string;
    paths?: Record<string, Record<string, unknown> | null>;
  };
  let operations = 0;
  for (const item of Object.values(document.paths ?? {}))
    for (const key of Object.keys(item ?? {})) if (METHODS.includes(key)) operations++;
  return { openapi: document.openapi, operations };
}
