/**
 * The scratch consumer's files: smoke scripts in ESM and CJS that call the fake server through
 * both clients, and one TypeScript file compiled under `node16` and `bundler` resolution.
 */

const SMOKE_BODY = `
const baseUrl = process.env.MFA_URL;
const accessToken = process.env.MFA_TOKEN;
const results = {};
for (const [name, Api, NotFound] of [["fetch", FetchApi, FetchNotFound], ["axios", AxiosApi, AxiosNotFound]]) {
  const mfa = new Api({ baseUrl, accessToken });
  const factors = await mfa.getEnrolledFactors({ userId: 1 });
  let missing;
  try {
    await mfa.getMfaFactors({ userId: 999 });
    missing = "resolved";
  } catch (error) {
    missing = \`\${error instanceof NotFound ? "NotFoundError" : "other"} \${error.status}\`;
  }
  results[name] = { factors, missing };
}
results.schemaOperations = Object.keys(operationSchemas).length;
console.log(JSON.stringify(results));
`;

/** `smoke.mjs`: ESM imports. */
export const SMOKE_ESM = `import { MultiFactorAuthenticationV1Api as FetchApi, NotFoundError as FetchNotFound } from "@onelogin-mfa/fetch";
import { MultiFactorAuthenticationV1Api as AxiosApi, NotFoundError as AxiosNotFound } from "@onelogin-mfa/axios";
import { operationSchemas } from "@onelogin-mfa/schema";
${SMOKE_BODY}`;

/** `smoke.cjs`: CommonJS requires, the body in an async function. */
export const SMOKE_CJS = `const { MultiFactorAuthenticationV1Api: FetchApi, NotFoundError: FetchNotFound } = require("@onelogin-mfa/fetch");
const { MultiFactorAuthenticationV1Api: AxiosApi, NotFoundError: AxiosNotFound } = require("@onelogin-mfa/axios");
const { operationSchemas } = require("@onelogin-mfa/schema");
(async () => {${SMOKE_BODY}})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** `consumer.ts`: uses the typed results, the error union and the schema types. */
export const CONSUMER_TS = `import { MultiFactorAuthenticationV1Api, ApiError } from "@onelogin-mfa/fetch";
import { MultiFactorAuthenticationV1Api as AxiosApi } from "@onelogin-mfa/axios";
import type { components, operations } from "@onelogin-mfa/schema";

export async function count(baseUrl: string): Promise<number> {
  const fetchClient = new MultiFactorAuthenticationV1Api({ baseUrl, accessToken: "t" });
  const axiosClient = new AxiosApi({ baseUrl, accessToken: async () => "t" });
  try {
    const a = await fetchClient.getEnrolledFactors({ userId: 1 });
    const b = await axiosClient.getEnrolledFactors({ userId: 1 }, { timeoutMs: 1000 });
    return JSON.stringify(a).length + JSON.stringify(b).length;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}
export type Names = keyof components["schemas"] | keyof operations;
`;

/** A tsconfig for `consumer.ts` under one module resolution. */
export function consumerTsconfig(resolution: "node16" | "bundler"): string {
  const module = resolution === "node16" ? "node16" : "esnext";
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "es2022",
        module,
        moduleResolution: resolution,
        lib: ["es2022", "dom"],
        strict: true,
        noEmit: true,
        types: [],
      },
      files: ["consumer.ts"],
    },
    null,
    2,
  )}\n`;
}
