import type { ClientAdapter, MfaClient, OperationId, RawResult } from "../adapters/client-adapter.js";
import { OPERATION_METHODS } from "../adapters/client-adapter.js";
import { errorSignature, type ShapeLedger, shapeOf } from "./shape-ledger.js";

/** One body a client handed to its caller: a success value or an ApiError's `body`. */
export interface ReceivedBody {
  scenario: string;
  operationId: OperationId;
  status: number;
  body: unknown;
}

/** Where the recording client writes. */
export interface RecordingSinks {
  received: ReceivedBody[];
  ledger: ShapeLedger | undefined;
  clientName: string;
  /** Name of the running scenario, without the client's describe prefix. */
  scenario(): string;
}

/**
 * Wraps a client so every answer it gives is recorded: bodies (for the schema-package
 * check) and shapes (for the cross-client comparison). Calls pass through unchanged.
 */
export function recordingClient(client: MfaClient, adapter: ClientAdapter<string>, sinks: RecordingSinks): MfaClient {
  const wrapped: Partial<Record<keyof MfaClient, unknown>> = {};
  for (const [operationId, method] of Object.entries(OPERATION_METHODS) as Array<[OperationId, keyof MfaClient]>) {
    for (const raw of [false, true]) {
      const name = (raw ? `${method}Raw` : method) as keyof MfaClient;
      const original = client[name] as (...args: unknown[]) => Promise<unknown>;
      wrapped[name] = async (...args: unknown[]) => {
        const scenario = sinks.scenario();
        try {
          const value = await original.apply(client, args);
          const result = raw ? (value as RawResult) : { data: value, status: 200 };
          sinks.received.push({ scenario, operationId, status: result.status, body: result.data });
          sinks.ledger?.record(sinks.clientName, scenario, `${name} resolves ${resultSignature(raw, value)}`);
          return value;
        } catch (error) {
          if (error instanceof adapter.errorClasses.ApiError) {
            const { status, body } = error as Error & { status: number; body: unknown };
            sinks.received.push({ scenario, operationId, status, body });
          }
          sinks.ledger?.record(sinks.clientName, scenario, `${name} ${errorSignature(error)}`);
          throw error;
        }
      };
    }
  }
  return wrapped as MfaClient;
}

// Raw results carry transport headers (date, keep-alive…) that legitimately differ between
// HTTP stacks; only the status, the body's shape and the presence of content-type must agree.
function resultSignature(raw: boolean, value: unknown): string {
  if (!raw) return shapeOf(value);
  const { data, status, headers } = value as RawResult;
  const contentType = typeof headers === "object" && headers !== null && "content-type" in headers;
  return `{data:${shapeOf(data)},status:${String(status)},headers:${typeof headers}${contentType ? " with content-type" : ""}}`;
}
