import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bump } from "../../../src/release/bump.js";
import { diffSpecPairs, type SpecDiffDetail } from "../../../src/release/spec-diff/index.js";
import { renderSpecDiff } from "../../../src/release/spec-diff/render.js";
import { makeTempDir } from "../../support/temp-dir.js";
import { baseSpec, FACTORS, type Spec } from "./base-spec.js";

interface Row {
  /** Edits a copy of the base spec into the new spec. */
  given: (spec: Spec) => void;
  want: {
    bump: Bump;
    /** The change kind that decides the bump (absent for `none`). */
    kind?: string;
    /** Words the printed report must contain: the thing that changed. */
    mentions?: string;
    /** openapi-diff's own verdict, where our class corrects it. */
    engineIncompatible?: boolean;
  };
}

const get = (s: Spec) => s.paths[FACTORS].get;
const post = (s: Spec) => s.paths[FACTORS].post;
const body = (s: Spec) => post(s).requestBody.content["application/json"].schema;
const factor = (s: Spec) => s.components.schemas.Factor;

const ROWS: [string, Row][] = [
  // none
  ["nothing changed", { given: () => {}, want: { bump: "none" } }],
  [
    "keys reordered",
    {
      given: (s) => {
        const { responses, ...rest } = get(s);
        s.paths[FACTORS].get = { responses, ...Object.fromEntries(Object.entries(rest).reverse()) };
      },
      want: { bump: "none" },
    },
  ],
  [
    "a $ref replaced by the same schema inline",
    {
      given: (s) => {
        get(s).responses["404"].content["application/json"].schema = structuredClone(s.components.schemas.Error);
      },
      want: { bump: "none" },
    },
  ],
  // patch
  [
    "operation description",
    {
      given: (s) => {
        get(s).description = "Lists every factor.";
      },
      want: { bump: "patch", kind: "description-changed", mentions: "description of get_factors" },
    },
  ],
  [
    "operation summary",
    {
      given: (s) => {
        get(s).summary = "All factors";
      },
      want: { bump: "patch", kind: "summary-changed", mentions: "summary of get_factors" },
    },
  ],
  [
    "parameter description",
    {
      given: (s) => {
        get(s).parameters[1].description = "How many.";
      },
      want: { bump: "patch", kind: "description-changed", mentions: "query parameter `limit`" },
    },
  ],
  [
    "response property description",
    {
      given: (s) => {
        factor(s).properties.id.description = "Id.";
      },
      want: { bump: "patch", kind: "description-changed", mentions: "`[].id` property" },
    },
  ],
  [
    "response description",
    {
      given: (s) => {
        get(s).responses["404"].description = "Unknown user.";
      },
      want: { bump: "patch", kind: "description-changed", mentions: "404 response of get_factors" },
    },
  ],
  [
    "response example",
    {
      given: (s) => {
        get(s).responses["200"].content["application/json"].example = [];
      },
      want: { bump: "patch", kind: "example-changed", mentions: "example of the 200 response of get_factors" },
    },
  ],
  [
    "operation deprecated",
    {
      given: (s) => {
        get(s).deprecated = true;
      },
      want: { bump: "patch", kind: "deprecated-changed", mentions: "get_factors is deprecated" },
    },
  ],
  [
    "parameter deprecated",
    {
      given: (s) => {
        get(s).parameters[1].deprecated = true;
      },
      want: { bump: "patch", kind: "deprecated-changed", mentions: "`limit`" },
    },
  ],
  [
    "property deprecated",
    {
      given: (s) => {
        factor(s).properties.name.deprecated = true;
      },
      want: { bump: "patch", kind: "deprecated-changed", mentions: "`[].name` property" },
    },
  ],
  [
    "server URL keeping its variables",
    {
      given: (s) => {
        s.servers[0].url = "https://{subdomain}.example.org";
      },
      want: { bump: "patch", kind: "server-url-changed", mentions: "example.org" },
    },
  ],
  [
    "API description (engine blind: info)",
    {
      given: (s) => {
        s.info.description = "MFA factors.";
      },
      want: { bump: "patch", kind: "info-description-changed", mentions: "API's description" },
    },
  ],
  [
    "tag description (engine blind: tags)",
    {
      given: (s) => {
        s.tags[0].description = "Factors.";
      },
      want: { bump: "patch", kind: "description-changed", mentions: "tag `Factors`" },
    },
  ],
  [
    "operation externalDocs (seen by no rule: the safety net reports it)",
    {
      given: (s) => {
        get(s).externalDocs = { url: "https://docs.example.com/factors" };
      },
      want: { bump: "patch", kind: "unclassified-difference", mentions: "/get/externalDocs" },
    },
  ],
  // minor
  [
    "operation added",
    {
      given: (s) => {
        s.paths["/health"] = { get: { operationId: "health", responses: { "204": { description: "Up." } } } };
      },
      want: { bump: "minor", kind: "operation-added", mentions: "`health`" },
    },
  ],
  [
    "optional query parameter added",
    {
      given: (s) => {
        get(s).parameters.push({ name: "type", in: "query", schema: { type: "string" } });
      },
      want: { bump: "minor", kind: "optional-parameter-added", mentions: "optional query parameter `type`" },
    },
  ],
  [
    "optional request property added",
    {
      given: (s) => {
        body(s).properties.phone = { type: "string" };
      },
      want: { bump: "minor", kind: "optional-property-added", mentions: "`phone` property" },
    },
  ],
  [
    "response property added",
    {
      given: (s) => {
        factor(s).properties.created_at = { type: "string" };
      },
      want: { bump: "minor", kind: "optional-property-added", mentions: "`[].created_at` property" },
    },
  ],
  [
    "response enum value added (engine: breaking)",
    {
      given: (s) => {
        factor(s).properties.status.enum.push("locked");
      },
      want: { bump: "minor", kind: "response-enum-value-added", mentions: "`locked`", engineIncompatible: true },
    },
  ],
  [
    "request enum value added",
    {
      given: (s) => {
        body(s).properties.kind.enum.push("email");
      },
      want: { bump: "minor", kind: "request-enum-value-added", mentions: "`email`" },
    },
  ],
  [
    "response status added",
    {
      given: (s) => {
        get(s).responses["429"] = { description: "Slow down." };
      },
      want: { bump: "minor", kind: "response-added", mentions: "429 response" },
    },
  ],
  [
    "response header added",
    {
      given: (s) => {
        get(s).responses["200"].headers = { "X-Total": { schema: { type: "integer" } } };
      },
      want: { bump: "minor", kind: "response-header-added", mentions: "`X-Total` header" },
    },
  ],
  [
    "security requirement removed",
    {
      given: (s) => {
        get(s).security = [];
      },
      want: { bump: "minor", kind: "security-requirement-removed", mentions: "no longer requires `bearer`" },
    },
  ],
  [
    "server variable added with a default (engine blind: servers)",
    {
      given: (s) => {
        s.servers[0].url = "https://{subdomain}.example.com/{base}";
        s.servers[0].variables.base = { default: "v1" };
      },
      want: { bump: "minor", kind: "server-variable-added", mentions: "`base`" },
    },
  ],
  [
    "required request property made optional",
    {
      given: (s) => {
        // OpenAPI 3.0's schema object wants at least one entry in `required`, so the list goes.
        delete body(s).required;
      },
      want: { bump: "minor", kind: "property-made-optional", mentions: "`factor_id` property" },
    },
  ],
  [
    "request maxLength widened",
    {
      given: (s) => {
        body(s).properties.display_name.maxLength = 128;
      },
      want: { bump: "minor", kind: "maxLength-changed", mentions: "`display_name` property" },
    },
  ],
  // major
  [
    "operation removed",
    {
      given: (s) => {
        delete s.paths[FACTORS].post;
      },
      want: { bump: "major", kind: "operation-removed", mentions: "`enroll_factor`" },
    },
  ],
  [
    "operationId renamed",
    {
      given: (s) => {
        get(s).operationId = "list_factors";
      },
      want: { bump: "major", kind: "operation-renamed", mentions: "`get_factors` to `list_factors`" },
    },
  ],
  [
    "parameter removed",
    {
      given: (s) => {
        get(s).parameters.splice(1, 1);
      },
      want: { bump: "major", kind: "parameter-removed", mentions: "query parameter `limit`" },
    },
  ],
  [
    "parameter renamed",
    {
      given: (s) => {
        get(s).parameters[1].name = "page_size";
      },
      want: { bump: "major", kind: "parameter-removed", mentions: "`limit`" },
    },
  ],
  [
    "required query parameter added",
    {
      given: (s) => {
        get(s).parameters.push({ name: "type", in: "query", required: true, schema: { type: "string" } });
      },
      want: { bump: "major", kind: "required-parameter-added", mentions: "required query parameter `type`" },
    },
  ],
  [
    "optional parameter made required",
    {
      given: (s) => {
        get(s).parameters[1].required = true;
      },
      want: { bump: "major", kind: "parameter-made-required", mentions: "query parameter `limit`" },
    },
  ],
  [
    "request property removed",
    {
      given: (s) => {
        delete body(s).properties.display_name;
      },
      want: { bump: "major", kind: "property-removed", mentions: "`display_name` property" },
    },
  ],
  [
    "required request property added",
    {
      given: (s) => {
        body(s).properties.phone = { type: "string" };
        body(s).required.push("phone");
      },
      want: { bump: "major", kind: "required-property-added", mentions: "`phone` property" },
    },
  ],
  [
    "optional request property made required",
    {
      given: (s) => {
        body(s).required.push("kind");
      },
      want: { bump: "major", kind: "property-made-required", mentions: "`kind` property" },
    },
  ],
  [
    "request enum value removed",
    {
      given: (s) => {
        body(s).properties.kind.enum = ["totp"];
      },
      want: { bump: "major", kind: "enum-value-removed", mentions: "`sms`" },
    },
  ],
  [
    "request maxLength narrowed",
    {
      given: (s) => {
        body(s).properties.display_name.maxLength = 32;
      },
      want: { bump: "major", kind: "maxLength-changed", mentions: "`display_name` property" },
    },
  ],
  [
    "response property removed",
    {
      given: (s) => {
        delete factor(s).properties.name;
      },
      want: { bump: "major", kind: "property-removed", mentions: "`[].name` property" },
    },
  ],
  [
    "response property renamed",
    {
      given: (s) => {
        factor(s).properties.label = factor(s).properties.name;
        delete factor(s).properties.name;
      },
      want: { bump: "major", kind: "property-removed", mentions: "`[].name` property" },
    },
  ],
  [
    "response required property made optional",
    {
      given: (s) => {
        factor(s).required = ["id"];
      },
      want: { bump: "major", kind: "property-made-optional", mentions: "`[].status` property" },
    },
  ],
  [
    "response enum value removed",
    {
      given: (s) => {
        factor(s).properties.status.enum = ["active"];
      },
      want: { bump: "major", kind: "enum-value-removed", mentions: "`pending`" },
    },
  ],
  [
    "property type changed",
    {
      given: (s) => {
        factor(s).properties.id = { type: "string" };
      },
      want: { bump: "major", kind: "type-changed", mentions: "`[].id` property" },
    },
  ],
  [
    "response may now be null",
    {
      given: (s) => {
        factor(s).properties.name.nullable = true;
      },
      want: { bump: "major", kind: "nullable-changed", mentions: "may now be null" },
    },
  ],
  [
    "response removed",
    {
      given: (s) => {
        delete get(s).responses["404"];
      },
      want: { bump: "major", kind: "response-removed", mentions: "404 response of get_factors" },
    },
  ],
  [
    "success response schema replaced",
    {
      given: (s) => {
        get(s).responses["200"].content["application/json"].schema = { $ref: "#/components/schemas/Error" };
      },
      want: { bump: "major", kind: "type-changed", mentions: "200 response of get_factors" },
    },
  ],
  [
    "security requirement added",
    {
      given: (s) => {
        post(s).security = [{ bearer: [], apiKey: [] }];
      },
      want: { bump: "major", kind: "security-requirement-added", mentions: "`apiKey`" },
    },
  ],
  [
    "server variable removed (engine blind: servers)",
    {
      given: (s) => {
        s.servers[0] = { url: "https://api.example.com" };
      },
      want: { bump: "major", kind: "server-variable-removed", mentions: "`subdomain`" },
    },
  ],
  [
    "operation moved to another tag (engine blind: tags)",
    {
      given: (s) => {
        get(s).tags = ["Users"];
      },
      want: { bump: "major", kind: "operation-tag-changed", mentions: "`Users`" },
    },
  ],
];

describe("diffSpecPairs: every kind of change gets its class", () => {
  const results = new Map<string, SpecDiffDetail>();
  let remove: () => Promise<void> = async () => {};

  // One engine start for all rows: the JVM start is most of a diff's cost.
  beforeAll(async () => {
    const temp = await makeTempDir("spec-diff-table");
    remove = temp.remove;
    const oldFile = path.join(temp.dir, "old.json");
    await writeFile(oldFile, JSON.stringify(baseSpec(), null, 2));
    const pairs = await Promise.all(
      ROWS.map(async ([, row], i) => {
        const spec = baseSpec();
        row.given(spec);
        const newFile = path.join(temp.dir, `new-${i}.json`);
        await writeFile(newFile, JSON.stringify(spec, null, 2));
        return { oldFile, newFile };
      }),
    );
    const diffs = await diffSpecPairs(pairs);
    for (const [i, [name]] of ROWS.entries()) results.set(name, diffs[i]!);
  });
  afterAll(() => remove());

  it("covers at least 30 kinds of change", () => {
    expect(new Set(ROWS.map(([, row]) => row.want.kind).filter(Boolean)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)("%s", (name, { want }) => {
    const result = results.get(name)!;
    const report = renderSpecDiff(result);
    expect(result.bump, report).toBe(want.bump);
    expect(report.trimEnd().split("\n").at(-1)).toBe(`bump: ${want.bump}`);
    if (want.bump === "none") {
      expect(result.changes).toEqual([]);
      return;
    }
    // The deciding change is there with the row's class, and the report names what changed.
    expect(
      result.changes.filter((c) => c.kind === want.kind && c.bump === want.bump),
      report,
    ).not.toEqual([]);
    expect(report).toContain(want.mentions);
    if (want.engineIncompatible !== undefined) expect(result.engineIncompatible).toBe(want.engineIncompatible);
  });
});
