import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, InputError, ToolError } from "../diagnostics.js";
import { PACKAGE_FOLDERS, type PackageFolder } from "./layout.js";
import { type NameOverrides, nameOverrideProblems } from "./naming/name-overrides.js";
import { parseDataText } from "./parse-data-file.js";

/** The npm name and description each generated package is scaffolded with. */
export interface PackageIdentity {
  /** Our own spec: the scaffolds' MFA examples and keywords apply as written. */
  own: boolean;
  /** What the packages are for, as prose: "the Acme Billing API". */
  apiTitle: string;
  packages: Record<PackageFolder, { name: string; description: string }>;
  /** The packages' source repository (package.json `repository`); ours only for our spec. */
  repository?: string;
  /** Who holds the copyright the LICENSE states, and the package.json `author`. */
  author?: string;
}

/** Whom the scaffolds' LICENSE names: right for our packages only. */
const OWN_COPYRIGHT_HOLDER = "OneLogin MFA SDK contributors";

/** Our own packages' names: the default for our spec, and the text the scaffolds are written in. */
export const OWN_SCOPE = "@onelogin-mfa";
const OWN_TITLE = "the OneLogin Multi-Factor Authentication v1 API";

/** Our spec, wherever it is read from (a copy passed with `--spec` is still ours). */
export function isOwnSpec(document: { info?: { title?: unknown } }): boolean {
  return document.info?.title === "OneLogin Multi-Factor Authentication v1 API";
}

/** A package config file (`--config`): every field optional; flags win over it. */
export interface PackageConfig {
  scope?: string;
  apiTitle?: string;
  packages?: Partial<Record<PackageFolder, { name?: string; description?: string }>>;
  /** Exported names for places in the spec, by JSON pointer (naming/name-overrides.ts). */
  names?: NameOverrides;
  /** The packages' source repository, e.g. `https://github.com/acme/billing-sdk.git`. */
  repository?: string;
  /** The copyright holder and package author, e.g. `Acme Inc.`. */
  author?: string;
}

// npm's rules: lowercase, URL-safe, at most 214 characters including the scope.
const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;
const NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

function describe(folder: PackageFolder, title: string): string {
  if (folder === "schema") return `Types, the OpenAPI document and per-operation JSON Schemas for ${title}.`;
  if (folder === "fetch") return `Typed client for ${title} on the Fetch API. No runtime dependencies.`;
  return `Typed client for ${title} on axios (a peer dependency).`;
}

/**
 * The scope a spec's own packages get when nobody names one: its title in kebab case
 * (`Swagger Petstore` → `@swagger-petstore`), never ours, which would claim someone else's API.
 */
export function scopeFromTitle(title: unknown): string {
  const slug =
    typeof title === "string"
      ? title
          .normalize("NFKD")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "")
          .slice(0, 60)
          .replace(/-+$/, "")
      : "";
  return `@${slug || "api"}`;
}

/**
 * Decides the packages' names and descriptions: the config file, then `--scope`, then the
 * defaults (ours for our spec; a scope from `info.title` for any other).
 */
export function resolveIdentity(options: {
  ownSpec: boolean;
  specTitle: unknown;
  config?: PackageConfig;
  scope?: string;
}): PackageIdentity {
  const scope =
    options.scope ?? options.config?.scope ?? (options.ownSpec ? OWN_SCOPE : scopeFromTitle(options.specTitle));
  if (!SCOPE.test(scope) || scope.length > 200) {
    throw new ToolError(`--scope ${JSON.stringify(scope)} is not an npm scope (like @acme: lowercase, URL-safe)`);
  }
  const apiTitle =
    options.config?.apiTitle ??
    (options.ownSpec ? OWN_TITLE : typeof options.specTitle === "string" ? `the ${options.specTitle} API` : "the API");
  const packages = Object.fromEntries(
    PACKAGE_FOLDERS.map((folder) => {
      const configured = options.config?.packages?.[folder];
      return [
        folder,
        {
          name: configured?.name ?? `${scope}/${folder}`,
          description: configured?.description ?? describe(folder, apiTitle),
        },
      ];
    }),
  ) as PackageIdentity["packages"];
  return {
    own: options.ownSpec,
    apiTitle,
    packages,
    ...(options.config?.repository !== undefined && { repository: options.config.repository }),
    ...(options.config?.author !== undefined && { author: options.config.author }),
  };
}

/** Reads and checks a package config file (JSON or YAML), naming the file and pointer of each problem. */
export async function readPackageConfig(file: string): Promise<PackageConfig> {
  const shown = path.relative(process.cwd(), file) || file;
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError([
      { severity: "error", file: shown, message: `cannot read config: ${error.code ?? error.message}` },
    ]);
  });
  const value = parseDataText(text, file, shown, "cannot parse config");
  const problems = configProblems(value).map((p): Diagnostic => ({ severity: "error", file: shown, ...p }));
  if (problems.length > 0) throw new InputError(problems);
  return value as PackageConfig;
}

/** What is wrong with a parsed config, by JSON pointer. Unknown keys are refused: a typo must not pass silently. */
export function configProblems(value: unknown): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(value)) return [{ pointer: "", message: "config must be an object" }];
  for (const key of Object.keys(value)) {
    if (!["scope", "apiTitle", "packages", "names", "repository", "author"].includes(key))
      problems.push({ pointer: `/${key}`, message: `unknown key ${JSON.stringify(key)}` });
  }
  if (value.scope !== undefined && (typeof value.scope !== "string" || !SCOPE.test(value.scope)))
    problems.push({ pointer: "/scope", message: "scope must be an npm scope like @acme (lowercase, URL-safe)" });
  if (value.apiTitle !== undefined && typeof value.apiTitle !== "string")
    problems.push({ pointer: "/apiTitle", message: "apiTitle must be a string" });
  if (value.names !== undefined) problems.push(...nameOverrideProblems(value.names));
  for (const key of ["repository", "author"] as const) {
    const text = value[key];
    // One line: both end up in package.json and the LICENSE's copyright line.
    if (text !== undefined && (typeof text !== "string" || text.trim() === "" || /[\r\n]/.test(text)))
      problems.push({ pointer: `/${key}`, message: `${key} must be a non-empty string on one line` });
  }
  if (value.packages !== undefined) {
    if (!isObject(value.packages)) problems.push({ pointer: "/packages", message: "packages must be an object" });
    else {
      for (const [folder, entry] of Object.entries(value.packages)) {
        const at = `/packages/${folder}`;
        if (!(PACKAGE_FOLDERS as readonly string[]).includes(folder)) {
          problems.push({
            pointer: at,
            message: `unknown package ${JSON.stringify(folder)}; expected one of ${PACKAGE_FOLDERS.join(", ")}`,
          });
          continue;
        }
        if (!isObject(entry)) {
          problems.push({ pointer: at, message: "must be an object with name and/or description" });
          continue;
        }
        for (const key of Object.keys(entry)) {
          if (key !== "name" && key !== "description")
            problems.push({ pointer: `${at}/${key}`, message: `unknown key ${JSON.stringify(key)}` });
        }
        if (
          entry.name !== undefined &&
          (typeof entry.name !== "string" || !NAME.test(entry.name) || entry.name.length > 214)
        )
          problems.push({
            pointer: `${at}/name`,
            message: "name must be a valid npm package name (lowercase, URL-safe, at most 214 characters)",
          });
        if (entry.description !== undefined && typeof entry.description !== "string")
          problems.push({ pointer: `${at}/description`, message: "description must be a string" });
      }
    }
  }
  return problems;
}

/**
 * A scaffold file (templates/packages/…) as it should be written for these packages: the
 * manifest gets its name and description. Another API's packages get a README of their own
 * and neutral keywords, since the scaffolds' examples call MFA operations.
 */
export function renderScaffoldFile(
  folder: PackageFolder,
  relative: string,
  content: string,
  identity: PackageIdentity,
): string {
  const { name, description } = identity.packages[folder];
  if (relative === "package.json") {
    const manifest = JSON.parse(content) as Record<string, unknown>;
    manifest.name = name;
    manifest.description = description;
    if (!identity.own) {
      manifest.keywords = ["openapi", "sdk", ...(folder === "schema" ? ["types"] : [folder])];
      // Our repository's links would send another API's users to us.
      delete manifest.homepage;
      delete manifest.bugs;
      delete manifest.repository;
    }
    if (identity.repository !== undefined) manifest.repository = { type: "git", url: identity.repository };
    if (identity.author !== undefined) manifest.author = identity.author;
    return `${JSON.stringify(manifest, null, 2)}\n`;
  }
  if (relative === "LICENSE" && !identity.own)
    return content.replace(
      OWN_COPYRIGHT_HOLDER,
      identity.author ?? `the authors of the SDK for ${identity.apiTitle.replace(/^the /, "")}`,
    );
  if (relative !== "README.md") return content;
  if (identity.own) {
    let text = content.replaceAll(OWN_TITLE, identity.apiTitle);
    for (const other of PACKAGE_FOLDERS) text = text.replaceAll(`${OWN_SCOPE}/${other}`, identity.packages[other].name);
    return text;
  }
  const install = folder === "axios" ? `npm install axios ${name}` : `npm install ${name}`;
  const twins = PACKAGE_FOLDERS.filter((other) => other !== folder).map(
    (other) => `\`${identity.packages[other].name}\``,
  );
  return `# ${name}\n\n${description}\n\n\`\`\`sh\n${install}\n\`\`\`\n\nGenerated from the API's OpenAPI document, together with ${twins.join(" and ")}.\n`;
}
