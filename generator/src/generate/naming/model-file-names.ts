/**
 * Model file names. A model's file is its name in kebab case, words split where the case changes
 * (`GetEnrolledFactors200Response` → `get-enrolled-factors200-response`), the way OpenAPI
 * Generator names it. Kebab case loses case, so two models can share one (`ResourceARN` and
 * `ResourceArn` are both `resource-arn`): OpenAPI Generator then numbers the second file in the
 * order it met them, and its barrel exports the first twice. Such names are told apart by their
 * own spelling instead, never by order: the one whose name is its kebab name's words put back
 * together (`ResourceArn`) keeps it, and the others start a word at every capital
 * (`ResourceARN` → `resource-a-r-n`), which keeps names that differ only in case apart.
 */

/** Runs of letters and digits split where the case changes, lower-cased and joined by `-`. */
export function kebabFileName(name: string): string {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1-$2")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/** A word at every capital; every other character kept (`ResourceARN` → `resource-a-r-n`). */
function everyCapitalFileName(name: string): string {
  return name.replace(/\p{Lu}/gu, (capital) => `-${capital.toLowerCase()}`).replace(/^-/, "");
}

/** Whether `name` is exactly its kebab file name's words, each with a capital first letter. */
function isKebabRoundTrip(name: string, kebab: string): boolean {
  return (
    kebab
      .split("-")
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join("") === name
  );
}

/**
 * The file name (without `.gen.ts`) of each model name. Distinct names may still share one (a
 * name that differs from another only in its first letter's case, or in `_` against a capital):
 * {@link sharedFileNames} finds them, and the generator refuses them before OpenAPI Generator runs.
 */
export function modelFileNames(names: Iterable<string>): Map<string, string> {
  const byKebab = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const kebab = kebabFileName(name);
    byKebab.set(kebab, [...(byKebab.get(kebab) ?? []), name]);
  }
  const files = new Map<string, string>();
  for (const [kebab, group] of byKebab) {
    for (const name of group)
      files.set(name, group.length === 1 || isKebabRoundTrip(name, kebab) ? kebab : everyCapitalFileName(name));
  }
  return files;
}

/** Groups of names whose files would be one on a case-insensitive file system. */
export function sharedFileNames(files: ReadonlyMap<string, string>): string[][] {
  const byFile = new Map<string, string[]>();
  for (const [name, file] of files) byFile.set(file.toLowerCase(), [...(byFile.get(file.toLowerCase()) ?? []), name]);
  return [...byFile.values()].filter((group) => group.length > 1);
}
