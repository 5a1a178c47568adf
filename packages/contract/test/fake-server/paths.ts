import type { SpecOperation } from "../../src/index.js";

/** Fills a spec path template, percent-encoding each value as one segment. */
export function fillPath(operation: SpecOperation, values: Record<string, string | number>): string {
  return operation.pathTemplate.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
