import type { OpenApiDocument } from "./load-spec.js";
import { SDK_EXTENSIONS } from "./prepare-spec.js";
import { HTTP_METHODS, type JsonObject } from "./spec-walk.js";

/** Extension holding the operation descriptor's optional members, as ready-made TypeScript lines. */
export const DESCRIPTOR_EXTRAS = "x-sdk-descriptor-extras";

/** The runtime's defaults: a member that has its default is left out of the generated descriptor. */
const DEFAULT_MEDIA_TYPE = '"application/json"';
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/i;

/**
 * Adds {@link DESCRIPTOR_EXTRAS} to every operation of a spec prepared by
 * `prepareSpecForTemplates`: `mediaType`, `bodyRequired` and `responses`, each only when it
 * differs from the runtime's default (JSON body, optional, every response JSON). Every byte left
 * out here is a byte less per operation in users' bundles. Modifies and returns `spec`.
 */
export function annotateDescriptorExtras(spec: OpenApiDocument): OpenApiDocument {
  for (const pathItem of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (pathItem as JsonObject)[method] as JsonObject | undefined;
      if (!operation) continue;
      const lines: string[] = [];
      const mediaType = operation[SDK_EXTENSIONS.mediaType];
      if (mediaType !== "undefined" && mediaType !== DEFAULT_MEDIA_TYPE) lines.push(`mediaType: ${mediaType},`);
      if (operation[SDK_EXTENSIONS.bodyRequired] === "true") lines.push("bodyRequired: true,");
      const responses = JSON.parse(String(operation[SDK_EXTENSIONS.responses] ?? "{}")) as Record<
        string,
        string | null
      >;
      const allJson = Object.values(responses).every((media) => media !== null && JSON_MEDIA_TYPE.test(media));
      if (!allJson) lines.push(`responses: ${operation[SDK_EXTENSIONS.responses]},`);
      // Each line ends its own newline, so that no extras leave no blank line in the template.
      operation[DESCRIPTOR_EXTRAS] = lines.map((line) => `      ${line}\n`).join("");
    }
  }
  return spec;
}
