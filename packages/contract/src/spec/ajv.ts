import type { ErrorObject } from "ajv";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS with a `default` property; under NodeNext the default import is the
// module object, so take `.default` when present.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * A draft-07 ajv instance configured the same way everywhere in this package:
 * all errors reported (messages list every problem), formats from ajv-formats
 * (date-time, int32, …). `strict: false` because the spec is written by others and
 * an unknown `format` in it should be a warning, not a crash of every test.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  return ajv;
}

/** Renders ajv errors as short, readable lines such as `/expires_in must be integer`. */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).map((error) => {
    const where = `${root}${error.instancePath}`;
    const extra =
      error.keyword === "additionalProperties"
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : "";
    return `${where} ${error.message ?? "is invalid"}${extra}`;
  });
}
