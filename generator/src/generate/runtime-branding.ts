import type { PackageIdentity } from "./package-identity.js";

/**
 * The shared runtime is written for our packages: its base error class is `OneLoginMfaError`,
 * its errors carry the `onelogin-mfa.error` brand, and the logger starts its lines with
 * `onelogin-mfa`. Another API's packages must not speak for OneLogin, nor share our brand (an
 * error of theirs would pass `instanceof` for ours), so their copy is renamed to a neutral
 * `SdkError` and branded with their own scope.
 */
export interface RuntimeBranding {
  /** Replaces `OneLoginMfa` in `OneLoginMfaError` and the names derived from it. */
  readonly errorPrefix: string;
  /** The `Symbol.for` key that marks the packages' errors, the same in every copy of them. */
  readonly brand: string;
  /** What the logger's lines start with. */
  readonly logPrefix: string;
  /** Package names the runtime's documentation uses as examples, by our name. */
  readonly packageNames: Readonly<Record<string, string>>;
}

/** The neutral base error name for another API's packages: stable whatever the spec's title says. */
const FOREIGN_ERROR_PREFIX = "Sdk";

/** Our spec's packages keep the runtime as written; another API's get a branding of their own. */
export function brandingFor(identity: PackageIdentity): RuntimeBranding | undefined {
  if (identity.own) return undefined;
  const fetchName = identity.packages.fetch.name;
  // `@acme/billing-fetch` → `@acme`; an unscoped name is its own scope.
  const scope = /^(@[^/]+)\//.exec(fetchName)?.[1] ?? fetchName;
  return {
    errorPrefix: FOREIGN_ERROR_PREFIX,
    brand: `${scope}.error`,
    logPrefix: scope.replace(/^@/, ""),
    packageNames: {
      "@onelogin-mfa/fetch": identity.packages.fetch.name,
      "@onelogin-mfa/axios": identity.packages.axios.name,
    },
  };
}

/** One runtime file's text under `branding`; unchanged without one. */
export function brandRuntimeSource(source: string, branding: RuntimeBranding | undefined): string {
  if (branding === undefined) return source;
  let text = source
    .replaceAll('Symbol.for("onelogin-mfa.error")', `Symbol.for(${JSON.stringify(branding.brand)})`)
    .replace(/\bOneLoginMfa(?=Error\b|ErrorOptions\b| Api )/g, branding.errorPrefix)
    .replaceAll("`onelogin-mfa ", `\`${branding.logPrefix} `);
  for (const [ours, theirs] of Object.entries(branding.packageNames)) text = text.replaceAll(ours, theirs);
  // Documentation examples of a base URL: OneLogin's hosts would mislead another API's users.
  text = text
    .replaceAll("https://acme.onelogin.com", "https://api.example.com")
    .replaceAll("https://{subdomain}.onelogin.com", "https://{tenant}.api.example.com");
  return text;
}
