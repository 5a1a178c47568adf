import { toPointer } from "../../diagnostics.js";
import type { ClassifiedChange } from "../bump.js";

/** Collects classified changes as the classifiers find them. */
export class ChangeList {
  readonly items: ClassifiedChange[] = [];

  /** Records one change at the JSON pointer `tokens` (without the leading `#`). */
  add(bump: ClassifiedChange["bump"], kind: string, tokens: readonly (string | number)[], message: string): void {
    this.items.push({ bump, kind, where: `#${toPointer(tokens)}`, message });
  }
}

/**
 * Where in a spec a schema sits, for messages and pointers: the JSON pointer tokens into the
 * resolved document, the words naming its place ("the 200 response of get_user"), the property
 * path inside it, and whether the consumer sends it (request) or receives it (response). The
 * direction decides most classes: narrowing what a consumer may send breaks them, narrowing
 * what they receive does not.
 */
export interface SchemaPlace {
  tokens: readonly (string | number)[];
  of: string;
  path: readonly string[];
  direction: "request" | "response";
}

/** `the `a.b` property` / `the schema`, for messages. */
export function subject(place: SchemaPlace, child?: string): string {
  const names = child === undefined ? place.path : [...place.path, child];
  return names.length === 0 ? "the schema" : `the \`${names.join(".")}\` property`;
}

/** Code-formatted, comma-separated values for messages (enum values, scopes, statuses). */
export function listed(values: readonly unknown[]): string {
  return values.map((v) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``).join(", ");
}

/** Sorts changes into a fixed order: by place, then kind, then message. */
export function sortChanges(changes: readonly ClassifiedChange[]): ClassifiedChange[] {
  const key = (c: ClassifiedChange) => [c.where, c.kind, c.message];
  return [...changes].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}
