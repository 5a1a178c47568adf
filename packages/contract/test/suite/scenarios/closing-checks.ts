import type { ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { createAjv, documentedStatuses, type OperationSchemas, responseFor } from "../../../src/portable.js";
import type { ContractContext } from "../contract-context.js";

/** Where the suite takes per-operation JSON Schemas from, and what to call that source in messages. */
export interface SchemaSource {
  name: string;
  load(): Promise<OperationSchemas>;
}

/**
 * Checks over the whole run of one client; registered last so every scenario has run.
 * (They read what earlier tests observed, so running a single test with `-t` makes
 * them fail by design: a partial run does not cover the spec.)
 */
export function closingChecks(context: ContractContext, schemaSource: SchemaSource): void {
  describe("closing checks", () => {
    it("every status the spec documents for every operation was produced by some scenario", () => {
      // Derived from the spec now, so a status added to the spec fails here until a scenario provokes it.
      const documented = context.server.spec.operations.flatMap((op) =>
        documentedStatuses(op).map((status) => `${op.operationId} ${status}`),
      );
      expect(documented.length).toBeGreaterThan(0);
      const missing = documented.filter((pair) => !context.observed.has(pair));
      expect(missing, "documented (operationId status) pairs no scenario produced").toEqual([]);
    });

    it(`every body the client returned or threw validates against ${schemaSource.name}`, async () => {
      expect(context.received.length).toBeGreaterThan(0);
      const schemas = await schemaSource.load();
      const ajv = createAjv();
      const compiled = new Map<unknown, ValidateFunction>();
      const problems: string[] = [];
      for (const { scenario, operationId, status, body } of context.received) {
        const entry = schemas[operationId];
        const schema = entry?.responses[String(status)];
        const where = `${operationId} ${status} in "${scenario}"`;
        if (schema === undefined) {
          // Only a status the spec does not document may lack a schema (the fake's deliberate
          // 400/401 on generate_mf_atoken); a documented one missing from the package is a bug.
          const operation = context.server.spec.operation(operationId);
          if (operation === undefined || responseFor(operation, status) !== undefined)
            problems.push(`${where}: no schema exported`);
          continue;
        }
        if (schema === null) {
          if (body !== undefined) problems.push(`${where}: schema says no body, got ${JSON.stringify(body)}`);
          continue;
        }
        const validate = compiled.get(schema) ?? ajv.compile(schema);
        compiled.set(schema, validate);
        if (!validate(body)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(problems).toEqual([]);
    });
  });
}
