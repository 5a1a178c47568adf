import { operationSchemas } from "@onelogin-mfa/schema";
import type { OperationSchemas } from "../../src/portable.js";

/**
 * `operationSchemas` of `@onelogin-mfa/schema`, typed as the suite expects it. The
 * assignment is the compile-time check that the package still has that shape
 * (per operationId: `requestBody` and `responses[status]`, each a schema or null).
 */
export async function loadSchemaPackage(): Promise<OperationSchemas> {
  const schemas: OperationSchemas = operationSchemas;
  return schemas;
}
