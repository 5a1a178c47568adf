import { describe, expect, it } from "vitest";
import { JsonPathError, type PathSegment, parseJsonPath, resolvePath } from "../../src/reconstruct/jsonpath.js";

describe("parseJsonPath", () => {
  it.each<[string, { given: string; want: PathSegment[] }]>([
    ["root", { given: "$", want: [] }],
    [
      "dotted names",
      {
        given: "$.components.schemas.Error",
        want: ["components", "schemas", "Error"].map((name) => ({ kind: "name", name })),
      },
    ],
    [
      "quoted path keys",
      {
        given: "$.paths['/api/1/users/{user_id}/mfa_token'].post",
        want: [
          { kind: "name", name: "paths" },
          { kind: "name", name: "/api/1/users/{user_id}/mfa_token" },
          { kind: "name", name: "post" },
        ],
      },
    ],
    ["double quotes and escapes", { given: '$["a\\"b"]', want: [{ kind: "name", name: 'a"b' }] }],
    [
      "index",
      {
        given: "$.tags[0].name",
        want: [
          { kind: "name", name: "tags" },
          { kind: "index", index: 0 },
          { kind: "name", name: "name" },
        ],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(parseJsonPath(given)).toEqual(want);
  });

  it.each<[string, { given: string; want: RegExp }]>([
    ["descendants", { given: "$..description", want: /descendant segments/ }],
    ["dot wildcard", { given: "$.paths.*", want: /wildcards/ }],
    ["bracket wildcard", { given: "$.tags[*]", want: /wildcards/ }],
    ["filter", { given: "$.tags[?(@.name=='x')]", want: /filter selectors/ }],
    ["slice", { given: "$.tags[0:2]", want: /slices and unions/ }],
    ["union", { given: "$['a','b']", want: /unterminated|slices and unions/ }],
    ["no root", { given: "paths", want: /must start with "\$"/ }],
    ["unterminated quote", { given: "$['abc", want: /unterminated/ }],
  ])("rejects %s", (_name, { given, want }) => {
    expect(() => parseJsonPath(given)).toThrow(JsonPathError);
    expect(() => parseJsonPath(given)).toThrow(want);
  });
});

describe("resolvePath", () => {
  const document = { a: { "b/c": [10, { d: null }] } };
  it("finds nested values with their parent and key", () => {
    expect(resolvePath(document, parseJsonPath("$.a['b/c'][1].d"))).toEqual({
      parent: { d: null },
      key: "d",
      value: null,
    });
  });
  it.each([["$.a.missing"], ["$.a['b/c'][5]"], ["$.a['b/c'].length"]])("%s matches nothing", (path) => {
    expect(resolvePath(document, parseJsonPath(path))).toBeUndefined();
  });
});
