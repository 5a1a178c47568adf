/**
 * The one seam between the contract suite and a client package. The suite only speaks
 * {@link MfaClient}; each client package gets a tiny adapter file that constructs its
 * `MultiFactorAuthenticationV1Api` and hands over its error classes. A new client joins
 * the suite by adding an adapter to `index.ts`.
 */

/** Names of the clients the suite runs against. */
export type ClientName = "fetch" | "axios" | "fetch functions" | "axios functions";

/** Per-call options every client accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** What a `...Raw` method resolves to. */
export interface RawResult<T = unknown> {
  data: T;
  status: number;
  /** Response headers by lower-case name. */
  headers: Record<string, string>;
}

/** activate_mfa_factors request body (wire names). */
export interface ActivateFactorBody {
  state_token_expires_in?: number;
  numeric_sms_otp?: boolean;
  sms_message?: string;
}

/** enroll_mfa_factor request body (the spec's OtpDevice). */
export interface EnrollFactorBody {
  number: string;
  factor_id: number;
  display_name: string;
  verified?: boolean;
}

/** generate_mf_atoken request body. */
export interface GenerateMfaTokenBody {
  expires_in?: number;
  reusable?: boolean;
}

/** verify_mfa_factor request body. */
export interface VerifyFactorBody {
  state_token?: string;
  otp_token?: string;
}

/** Path parameters of user-scoped operations. */
export interface UserParams {
  userId: number;
}

/** Path parameters of device-scoped operations. */
export interface DeviceParams extends UserParams {
  deviceId: string;
}

/**
 * The client surface the suite drives, declared structurally so that any generated
 * `MultiFactorAuthenticationV1Api` fits it. Success values are `unknown` on purpose:
 * the suite checks them against what the server sent and against the spec, so it needs
 * no opinion on the clients' model types.
 */
export interface MfaClient {
  activateMfaFactors(params: DeviceParams & { body?: ActivateFactorBody }, options?: CallOptions): Promise<unknown>;
  activateMfaFactorsRaw(
    params: DeviceParams & { body?: ActivateFactorBody },
    options?: CallOptions,
  ): Promise<RawResult>;
  enrollMfaFactor(params: UserParams & { body?: EnrollFactorBody }, options?: CallOptions): Promise<unknown>;
  enrollMfaFactorRaw(params: UserParams & { body?: EnrollFactorBody }, options?: CallOptions): Promise<RawResult>;
  generateMfAtoken(params: UserParams & { body?: GenerateMfaTokenBody }, options?: CallOptions): Promise<unknown>;
  generateMfAtokenRaw(params: UserParams & { body?: GenerateMfaTokenBody }, options?: CallOptions): Promise<RawResult>;
  getEnrolledFactors(params: UserParams, options?: CallOptions): Promise<unknown>;
  getEnrolledFactorsRaw(params: UserParams, options?: CallOptions): Promise<RawResult>;
  getMfaFactors(params: UserParams, options?: CallOptions): Promise<unknown>;
  getMfaFactorsRaw(params: UserParams, options?: CallOptions): Promise<RawResult>;
  removeMfaFactors(params: DeviceParams, options?: CallOptions): Promise<unknown>;
  removeMfaFactorsRaw(params: DeviceParams, options?: CallOptions): Promise<RawResult>;
  verifyMfaFactor(params: DeviceParams & { body?: VerifyFactorBody }, options?: CallOptions): Promise<unknown>;
  verifyMfaFactorRaw(params: DeviceParams & { body?: VerifyFactorBody }, options?: CallOptions): Promise<RawResult>;
}

/** Client method name of each spec operation (the Raw twin appends `Raw`). */
export const OPERATION_METHODS = {
  activate_mfa_factors: "activateMfaFactors",
  enroll_mfa_factor: "enrollMfaFactor",
  generate_mf_atoken: "generateMfAtoken",
  get_enrolled_factors: "getEnrolledFactors",
  get_mfa_factors: "getMfaFactors",
  remove_mfa_factors: "removeMfaFactors",
  verify_mfa_factor: "verifyMfaFactor",
} as const;

/** A spec operationId the clients implement. */
export type OperationId = keyof typeof OPERATION_METHODS;

/** Any class, abstract or not, whose instances are errors. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes every client package exports under these names. */
export interface ErrorClasses {
  /** Root of everything the SDK throws. */
  OneLoginMfaError: ErrorClass;
  /** Any non-2xx answer. */
  ApiError: ErrorClass;
  BadRequestError: ErrorClass;
  AuthenticationError: ErrorClass;
  NotFoundError: ErrorClass;
  /** No HTTP answer at all (refused, reset, DNS…). */
  ConnectionError: ErrorClass;
  /** Arguments rejected before sending. */
  RequestValidationError: ErrorClass;
}

/** A token provider as the clients accept it; `invalidate()` asks for a fresh token after a 401. */
export type TokenProvider = ((context: { signal: AbortSignal }) => string | Promise<string>) & {
  invalidate?: () => void;
};

/** How the suite constructs a client. */
export interface ClientFactoryOptions {
  baseUrl: string;
  accessToken: string | TokenProvider;
  /** The caller's product token, sent before the client's own in the user-agent. */
  userAgent?: string;
}

/** What a client package's `/oauth2` subpath exports that the suite needs. */
export interface OAuth2Module {
  clientCredentials(options: { baseUrl: string; clientId: string; clientSecret: string }): TokenProvider;
  OAuth2TokenError: ErrorClass;
}

/** One client package, as the suite sees it. */
export interface ClientAdapter<Name extends string = ClientName> {
  name: Name;
  create(options: ClientFactoryOptions): MfaClient;
  errorClasses: ErrorClasses;
  /** The package's OAuth2 client-credentials helper (its `/oauth2` subpath). */
  oauth2: OAuth2Module;
  /** The `name/version` the client names itself by in its user-agent outside browsers. */
  product: string;
}

/** A standalone operation function: the package's client first, then the method's arguments. */
type OperationFunction = (client: never, params: never, options?: CallOptions) => Promise<unknown>;

/** What a client package exports that the suite needs for its API class: the class and its error classes. */
export type ClientModule = ErrorClasses & {
  MultiFactorAuthenticationV1Api: new (options: ClientFactoryOptions) => MfaClient;
};

/** What the suite needs for the standalone entry point: `createClient` and one function per operation, with `Raw` twins. */
export type FunctionsModule = ErrorClasses & {
  createClient: (options: ClientFactoryOptions) => unknown;
} & Record<
    (typeof OPERATION_METHODS)[OperationId] | `${(typeof OPERATION_METHODS)[OperationId]}Raw`,
    OperationFunction
  >;

const ERROR_CLASS_NAMES = [
  "OneLoginMfaError",
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "NotFoundError",
  "ConnectionError",
  "RequestValidationError",
] as const satisfies readonly (keyof ErrorClasses)[];

/** The adapter for a client package's API class, from the package's own exports (`import * as client`). */
export function adapterFromModule<Name extends string>(
  name: Name,
  client: ClientModule,
  oauth2: OAuth2Module,
  product: string,
): ClientAdapter<Name> {
  return {
    name,
    oauth2,
    product,
    create: (options) => new client.MultiFactorAuthenticationV1Api(options),
    errorClasses: errorClassesOf(client),
  };
}

/**
 * The adapter for a client package's standalone functions: `createClient`, then each
 * operation's function called with that client, so the same scenarios drive the tree-shakable
 * entry point too.
 */
export function functionsAdapterFromModule<Name extends string>(
  name: Name,
  client: FunctionsModule,
  oauth2: OAuth2Module,
  product: string,
): ClientAdapter<Name> {
  return {
    name,
    oauth2,
    product,
    create: (options) => {
      const handle = client.createClient(options);
      const methods = Object.values(OPERATION_METHODS).flatMap((method) => [method, `${method}Raw` as const]);
      return Object.fromEntries(
        methods.map((method) => [
          method,
          (params: never, callOptions?: CallOptions) => client[method](handle as never, params, callOptions),
        ]),
      ) as unknown as MfaClient;
    },
    errorClasses: errorClassesOf(client),
  };
}

function errorClassesOf(client: ErrorClasses): ErrorClasses {
  return Object.fromEntries(ERROR_CLASS_NAMES.map((key) => [key, client[key]])) as unknown as ErrorClasses;
}
