import type {
  CallOptions,
  ClientFactoryOptions,
  DeviceParams,
  MfaClient,
  OperationId,
  RawResult,
  UserParams,
} from "../adapters/client-adapter.js";
import { AccessTokenError, apiErrorFor, ConnectionError, RequestValidationError, TimeoutError } from "./errors.js";

type Method = "GET" | "POST" | "DELETE";

/**
 * A deliberately plain, hand-written client with the generated clients' surface. It
 * exists to check the contract suite and the fake against each other: when a scenario
 * fails for a generated client but passes here, the client is the suspect.
 */
/** The reference client's name/version in its user-agent. */
export const REFERENCE_PRODUCT = "contract-reference-client/0.0.0";

export class ReferenceMfaClient implements MfaClient {
  private readonly options: ClientFactoryOptions;

  constructor(options: ClientFactoryOptions) {
    this.options = options;
  }

  activateMfaFactors = (p: DeviceParams & { body?: object }, o?: CallOptions) =>
    this.data(this.activateMfaFactorsRaw(p, o));
  activateMfaFactorsRaw = (p: DeviceParams & { body?: object }, o?: CallOptions) =>
    this.send("activate_mfa_factors", "POST", (operationId) => devicePath(operationId, p, "/trigger"), p.body, o);
  enrollMfaFactor = (p: UserParams & { body?: object }, o?: CallOptions) => this.data(this.enrollMfaFactorRaw(p, o));
  enrollMfaFactorRaw = (p: UserParams & { body?: object }, o?: CallOptions) =>
    this.send("enroll_mfa_factor", "POST", (operationId) => `${userPath(operationId, p)}/otp_devices`, p.body, o);
  generateMfAtoken = (p: UserParams & { body?: object }, o?: CallOptions) => this.data(this.generateMfAtokenRaw(p, o));
  generateMfAtokenRaw = (p: UserParams & { body?: object }, o?: CallOptions) =>
    this.send("generate_mf_atoken", "POST", (operationId) => `${userPath(operationId, p)}/mfa_token`, p.body, o);
  getEnrolledFactors = (p: UserParams, o?: CallOptions) => this.data(this.getEnrolledFactorsRaw(p, o));
  getEnrolledFactorsRaw = (p: UserParams, o?: CallOptions) =>
    this.send("get_enrolled_factors", "GET", (operationId) => `${userPath(operationId, p)}/otp_devices`, undefined, o);
  getMfaFactors = (p: UserParams, o?: CallOptions) => this.data(this.getMfaFactorsRaw(p, o));
  getMfaFactorsRaw = (p: UserParams, o?: CallOptions) =>
    this.send("get_mfa_factors", "GET", (operationId) => `${userPath(operationId, p)}/auth_factor`, undefined, o);
  removeMfaFactors = (p: DeviceParams, o?: CallOptions) => this.data(this.removeMfaFactorsRaw(p, o));
  removeMfaFactorsRaw = (p: DeviceParams, o?: CallOptions) =>
    this.send("remove_mfa_factors", "DELETE", (operationId) => devicePath(operationId, p, ""), undefined, o);
  verifyMfaFactor = (p: DeviceParams & { body?: object }, o?: CallOptions) => this.data(this.verifyMfaFactorRaw(p, o));
  verifyMfaFactorRaw = (p: DeviceParams & { body?: object }, o?: CallOptions) =>
    this.send("verify_mfa_factor", "POST", (operationId) => devicePath(operationId, p, "/verify"), p.body, o);

  private async data(raw: Promise<RawResult>): Promise<unknown> {
    return (await raw).data;
  }

  private async send(
    operationId: OperationId,
    method: Method,
    buildPath: (operationId: OperationId) => string,
    body: object | undefined,
    options: CallOptions = {},
  ): Promise<RawResult> {
    // Built here, inside the async function, so invalid arguments reject instead of throwing.
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}${buildPath(operationId)}`;
    const provider = typeof this.options.accessToken === "function" ? this.options.accessToken : undefined;
    const first = await this.attempt(operationId, method, url, body, options);
    // A 401 with a provider that can go stale: one fresh token, one more try.
    if (first.status === 401 && provider?.invalidate) {
      provider.invalidate();
      return this.finish(operationId, method, url, await this.attempt(operationId, method, url, body, options));
    }
    return this.finish(operationId, method, url, first);
  }

  private async tokenOf(operationId: OperationId, signal: AbortSignal): Promise<string> {
    const { accessToken } = this.options;
    if (typeof accessToken !== "function") return accessToken;
    try {
      return await accessToken({ signal });
    } catch (cause) {
      throw new AccessTokenError(`${operationId}: the accessToken provider failed`, { cause });
    }
  }

  private async attempt(
    operationId: OperationId,
    method: Method,
    url: string,
    body: object | undefined,
    options: CallOptions,
  ): Promise<Response> {
    const token = await this.tokenOf(operationId, options.signal ?? new AbortController().signal);
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${token}`,
      // Runs in Node only (the suite's self-check), so it always names itself.
      "user-agent": [this.options.userAgent, REFERENCE_PRODUCT].filter(Boolean).join(" "),
      ...options.headers,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
    const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
      });
    } catch (cause) {
      if (timeout?.aborted && !options.signal?.aborted) {
        throw new TimeoutError(`${operationId}: no answer within ${options.timeoutMs} ms`, { cause });
      }
      throw new ConnectionError(`${operationId}: no response from ${url}`, { cause });
    }
    return response;
  }

  private async finish(operationId: OperationId, method: Method, url: string, response: Response): Promise<RawResult> {
    const text = await response.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    if (response.status < 200 || response.status > 299) {
      throw apiErrorFor({ status: response.status, body: parsed, headers: responseHeaders, operationId, method, url });
    }
    return { data: parsed, status: response.status, headers: responseHeaders };
  }
}

function userPath(operationId: OperationId, params: UserParams): string {
  if (!Number.isInteger(params.userId)) throw new RequestValidationError(operationId, "userId must be an integer");
  return `/api/1/users/${params.userId}`;
}

// "", "." and ".." cannot travel as a path segment: URL parsers drop or collapse them.
function devicePath(operationId: OperationId, params: DeviceParams, suffix: string): string {
  if (["", ".", ".."].includes(params.deviceId)) {
    throw new RequestValidationError(
      operationId,
      `deviceId ${JSON.stringify(params.deviceId)} cannot be a path segment`,
    );
  }
  return `${userPath(operationId, params)}/otp_devices/${encodeURIComponent(params.deviceId)}${suffix}`;
}
