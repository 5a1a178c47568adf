/**
 * Records the *shape* of what each client returned or threw, per scenario, so the
 * contract file can assert at the end that every client produced identical shapes
 * (same keys, same value types, same error classes and fields) for the same scenario.
 * Values themselves differ between runs (random tokens), shapes must not.
 */
export class ShapeLedger {
  private readonly byClient = new Map<string, Map<string, string[]>>();

  /** Notes one outcome of `scenario` for `client`. */
  record(client: string, scenario: string, signature: string): void {
    const scenarios = this.byClient.get(client) ?? new Map<string, string[]>();
    this.byClient.set(client, scenarios);
    const list = scenarios.get(scenario) ?? [];
    list.push(signature);
    scenarios.set(scenario, list);
  }

  /** Client names seen so far. */
  clients(): string[] {
    return [...this.byClient.keys()];
  }

  /** Per scenario, the sorted signatures of one client (order-free: concurrent calls finish in any order). */
  outcomes(client: string): Record<string, string[]> {
    const scenarios = this.byClient.get(client) ?? new Map<string, string[]>();
    return Object.fromEntries([...scenarios].map(([name, list]) => [name, [...list].sort()]));
  }
}

/** A stable textual description of a JSON-ish value's structure. */
export function shapeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    const items = [...new Set(value.map(shapeOf))].sort();
    return `[${items.join("|")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${key}:${shapeOf((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return typeof value;
}

/** Signature of a thrown error: class name, own field names, status and body shape. */
export function errorSignature(error: unknown): string {
  if (!(error instanceof Error)) return `non-error ${shapeOf(error)}`;
  const fields = error as Error & { status?: unknown; body?: unknown; headers?: unknown };
  return [
    `throws ${error.name}`,
    `fields ${Object.keys(error).sort().join(",")}`,
    `status ${String(fields.status)}`,
    `body ${shapeOf(fields.body)}`,
    `headers ${typeof fields.headers}`,
  ].join("; ");
}
