import path from "node:path";
import { InputError } from "../../diagnostics.js";
import { type LoadedSpec, readSpec } from "../../generate/load-spec.js";
import { validateDocument } from "../../generate/validate-document.js";

/**
 * Reads and validates both specs with the generator's own loader, so a bad file is reported the
 * same way as by `pnpm generate` (file, line, JSON pointer). Problems in both files are reported
 * together.
 */
export async function loadPair(oldFile: string, newFile: string): Promise<[LoadedSpec, LoadedSpec]> {
  const results = await Promise.allSettled([loadOne(oldFile), loadOne(newFile)]);
  const problems = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  const unexpected = problems.find((p) => !(p instanceof InputError));
  if (unexpected !== undefined) throw unexpected;
  if (problems.length > 0) throw new InputError(problems.flatMap((p) => (p as InputError).diagnostics));
  return [
    (results[0] as PromiseFulfilledResult<LoadedSpec>).value,
    (results[1] as PromiseFulfilledResult<LoadedSpec>).value,
  ];
}

async function loadOne(file: string): Promise<LoadedSpec> {
  const spec = await readSpec(file);
  validateDocument(spec.document, path.relative(process.cwd(), spec.file) || spec.file, spec.text);
  return spec;
}
