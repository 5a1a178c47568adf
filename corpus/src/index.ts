export {
  type BatchJob,
  buildPackage,
  buildSpec,
  generateBatch,
  generateSpec,
  generateSpecs,
  linkAxios,
  PACKAGES,
  repoRoot,
  STRICT_FLAGS,
  type StepResult,
  strictTsc,
} from "./run.js";
export { describeSpec, type SpecFacts } from "./spec-facts.js";
export { CORPUS, type CorpusSpec, configFile, packageVersion, specFile } from "./specs.js";
