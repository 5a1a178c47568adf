import { describe, expect, it } from "vitest";
import { applyOverlay, parseOverlay } from "../../src/reconstruct/overlay.js";
import { DiagnosticLog } from "../../src/reconstruct/reporter.js";

const BASE = {
  info: { title: "T", version: "1" },
  tags: [{ name: "A" }],
  paths: { "/x/{id}": { get: { summary: "s", responses: {} } } },
  components: { schemas: { S: { type: "object", properties: { n: { type: "integer" } } } } },
};

/** Parses and applies an overlay given as YAML; returns the result and diagnostics. */
function overlay(yaml: string) {
  const log = new DiagnosticLog();
  const parsed = parseOverlay(yaml, "overlay.yaml", log.forFile("overlay.yaml"));
  const result = log.errors.length === 0 ? applyOverlay(BASE, parsed, log) : undefined;
  return {
    result,
    errors: log.errors.map((e) => `${e.line}: ${e.message}`),
    warnings: log.warnings.map((w) => `${w.line}: ${w.message}`),
  };
}

const HEAD = "overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions:\n";

describe("overlays", () => {
  it.each<[string, { given: string; want: (document: typeof BASE) => unknown }]>([
    [
      "update merges into an object",
      {
        given: `${HEAD}  - target: $.info\n    description: why\n    update:\n      title: Real\n`,
        want: (d) => expect(d.info).toEqual({ title: "Real", version: "1" }),
      },
    ],
    [
      "nested update merges recursively",
      {
        given: `${HEAD}  - target: $.components.schemas.S.properties.n\n    description: why\n    update:\n      maximum: 9\n      default: 1\n`,
        want: (d) => expect(d.components.schemas.S.properties.n).toEqual({ type: "integer", maximum: 9, default: 1 }),
      },
    ],
    [
      "quoted path keys",
      {
        given: `${HEAD}  - target: $.paths['/x/{id}'].get\n    description: why\n    update:\n      summary: new\n`,
        want: (d) => expect(d.paths["/x/{id}"].get.summary).toBe("new"),
      },
    ],
    [
      "update on an array appends",
      {
        given: `${HEAD}  - target: $.tags\n    description: why\n    update:\n      name: B\n`,
        want: (d) => expect(d.tags).toEqual([{ name: "A" }, { name: "B" }]),
      },
    ],
    [
      "index target",
      {
        given: `${HEAD}  - target: $.tags[0]\n    description: why\n    update:\n      description: d\n`,
        want: (d) => expect(d.tags[0]).toEqual({ name: "A", description: "d" }),
      },
    ],
    [
      "remove",
      {
        given: `${HEAD}  - target: $.components.schemas.S.properties.n\n    description: why\n    remove: true\n`,
        want: (d) => expect(d.components.schemas.S.properties).toEqual({}),
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { result, errors, warnings } = overlay(given);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    want(result as typeof BASE);
  });

  it("does not modify the document it was given", () => {
    overlay(`${HEAD}  - target: $.info\n    description: why\n    update:\n      title: Real\n`);
    expect(BASE.info.title).toBe("T");
  });

  it.each<[string, { given: string; want: string[] }]>([
    [
      "a target that matches nothing",
      {
        given: `${HEAD}  - target: $.components.schemas.Nope\n    description: why\n    update:\n      type: string\n`,
        want: ["6: overlay target $.components.schemas.Nope matches nothing in the reconstructed document"],
      },
    ],
    [
      "unsupported JSONPath",
      {
        given: `${HEAD}  - target: $..description\n    description: why\n    remove: true\n`,
        want: [
          "6: JSONPath \"$..description\" uses descendant segments (..), which is not supported (only $.name, ['name'] and [index])",
        ],
      },
    ],
    [
      "updating a primitive",
      {
        given: `${HEAD}  - target: $.info.title\n    description: why\n    update: x\n`,
        want: ["6: overlay target $.info.title is a string; update an object or array (its parent) instead"],
      },
    ],
    [
      "both update and remove",
      {
        given: `${HEAD}  - target: $.info\n    description: why\n    remove: true\n    update: {}\n`,
        want: ["6: action on $.info has both update and remove; use two actions"],
      },
    ],
    [
      "wrong version",
      {
        given:
          "overlay: 2.0.0\ninfo:\n  title: t\n  version: 1\nactions:\n  - target: $.info\n    description: why\n    remove: true\n",
        want: [
          "1: overlay must declare `overlay: 1.0.x` (OpenAPI Overlay 1.0)",
          "1: overlay needs info.title and info.version",
        ],
      },
    ],
    [
      "no actions",
      {
        given: "overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions: []\n",
        want: ["1: overlay needs a non-empty `actions` list"],
      },
    ],
    [
      "invalid YAML",
      {
        given: "overlay: 1.0.0\ninfo: [\n",
        want: [expect.stringMatching(/^\d+: overlay is not valid YAML/) as unknown as string],
      },
    ],
  ])("%s is an error with its line", (_name, { given, want }) => {
    expect(overlay(given).errors).toEqual(want);
  });

  it("an action without a description is a warning", () => {
    expect(overlay(`${HEAD}  - target: $.info\n    update:\n      title: x\n`).warnings).toEqual([
      "6: action on $.info has no description saying why it exists",
    ]);
  });
});
