import { describe, expect, it } from "vitest";
import { tagFromTitle } from "../../src/reconstruct/api-page.js";
import { DiagnosticLog } from "../../src/reconstruct/reporter.js";
import {
  CLIENT_ROWS,
  documentFromPage,
  emptyResponse,
  responsesTable,
  singleOperationPage,
  snippetContext,
} from "./helpers.js";

const OP = { id: "ping", method: "get", path: "/ping", summary: "Ping it" };
const NO_PARAMS = "### Parameters\nThis endpoint does not need any parameter.\n";
const OK = `${responsesTable(OP.id, { "200": "Pong" })}\n${emptyResponse(OP.id, "200")}`;

/** Diagnostics as `severity line: message` strings, for compact expectations. */
function shown(markdown: string): string[] {
  return documentFromPage(markdown).diagnostics.map((d) => `${d.severity} ${d.line}: ${d.message}`);
}

describe("tagFromTitle", () => {
  it.each<[string, { given: string; want: string }]>([
    [
      "MFA page title",
      {
        given: "onelogin.apis.tags.multi_factor_authentication_v1_api.MultiFactorAuthenticationV1Api",
        want: "MultiFactorAuthenticationV1",
      },
    ],
    ["petstore", { given: "petstore_api.apis.tags.pet_api.PetApi", want: "Pet" }],
    ["no Api suffix keeps the name", { given: "x.apis.tags.y.Widgets", want: "Widgets" }],
  ])("%s", (_name, { given, want }) => {
    expect(tagFromTitle(given, 1, snippetContext(""))).toBe(want);
  });

  it("warns when the class name has no Api suffix", () => {
    const log = new DiagnosticLog();
    tagFromTitle("x.Widgets", 2, snippetContext("", log));
    expect(log.warnings.map((w) => w.line)).toEqual([2]);
  });
});

describe("API pages", () => {
  it("reads server, tag, tag description, summary and a multi-paragraph description", () => {
    const page = singleOperationPage(OP, `${NO_PARAMS}\n${OK}`)
      .replace(
        "# snippet.apis.tags.snippet_api.SnippetApi\n",
        "# snippet.apis.tags.snippet_api.SnippetApi\nThe *snippet* endpoints.\n",
      )
      .replace("Ping it\n\n### Parameters", "Ping it\n\nFirst paragraph.\n\n- a list item\n\n### Parameters");
    const { document, diagnostics } = documentFromPage(page);
    expect(diagnostics).toEqual([]);
    expect(document.servers).toEqual([{ url: "https://api.snippet.test" }]);
    expect(document.tags).toEqual([{ name: "Snippet", description: "The *snippet* endpoints." }]);
    expect(document.paths["/ping"]?.get).toMatchObject({
      tags: ["Snippet"],
      summary: "Ping it",
      description: "First paragraph.\n\n- a list item",
      operationId: "ping",
      security: [],
    });
  });

  it.each<[string, { given: string; want: unknown }]>([
    ["No authorization required → security: []", { given: "No authorization required", want: [] }],
    [
      "several schemes are alternatives",
      {
        given: "[oauth](../../../README.md#oauth), [basic_auth](../../../README.md#basic_auth)",
        want: [{ oauth: [] }, { basic_auth: [] }],
      },
    ],
  ])("Authorization: %s", (_name, { given, want }) => {
    const page = singleOperationPage(
      OP,
      `### Example\n\n* OAuth Authentication (oauth):\n* Basic Authentication (basic_auth):\n\`\`\`python\npass\n\`\`\`\n${NO_PARAMS}\n${OK}`,
    ).replace("No authorization required", given);
    const { document, diagnostics } = documentFromPage(page);
    expect(diagnostics).toEqual([]);
    expect(document.paths["/ping"]?.get?.security).toEqual(want);
  });
});

describe("API pages: bad input is an error with its line", () => {
  it.each<[string, { given: string; want: string[] }]>([
    [
      "no title",
      {
        given: "All URIs are relative to *https://x.test*\n",
        want: [
          'error 1: page has no title (expected "# <package>.apis.tags.<module>.<ClassName>" as its first heading)',
        ],
      },
    ],
    [
      "no server line",
      {
        given: "# a.apis.tags.b.BApi\n\nMethod | HTTP request | Description\n--- | --- | ---\n",
        want: ['error 3: no "All URIs are relative to *URL*" line after the title'],
      },
    ],
    [
      "no method table",
      {
        given: "# a.apis.tags.b.BApi\n\nAll URIs are relative to *https://x.test*\n\n# **ping**\n",
        want: ["error 5: required table missing: the Method | HTTP request | Description table of operations"],
      },
    ],
    [
      "an operation without its section",
      {
        given: singleOperationPage(OP, `${NO_PARAMS}\n${OK}`).replace(
          "[**ping**](#ping) | **get** /ping | Ping it",
          "[**ping**](#ping) | **get** /ping | Ping it\n[**pong**](#pong) | **get** /pong | Pong",
        ),
        want: ['error 9: operation pong is listed in the method table but has no "# **pong**" section'],
      },
    ],
    [
      "a malformed method row",
      {
        given: singleOperationPage(OP, `${NO_PARAMS}\n${OK}`).replace("**get** /ping", "**fetch** ping"),
        want: [
          'error 8: method table row "ping | fetch ping" is not "operation | **method** /path"',
          "warning 10: operation section ping is not in the method table (so its method and path are unknown); ignored",
        ],
      },
    ],
    [
      "no responses table",
      {
        given: singleOperationPage(OP, `${NO_PARAMS}\n### Return Types, Responses\n\nnothing here\n`),
        want: [
          'error 21: required table missing: "Return Types, Responses" is not followed by a Code | Class | Description table',
          "warning 21: unexpected paragraph in operation ping; ignored",
        ],
      },
    ],
    [
      "no parameters table",
      {
        given: singleOperationPage(OP, `### Parameters\n\n${OK}`),
        want: [
          'error 18: required table missing: "Parameters" is not followed by a Name | Type | Description | Notes table',
        ],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(shown(given)).toEqual(want);
  });
});

describe("API pages: constructs the tool does not understand are warnings with their line", () => {
  it.each<[string, { given: string; want: string[] }]>([
    [
      "unknown ### heading",
      {
        given: singleOperationPage(OP, `### Callbacks\n\nSomething.\n\n${NO_PARAMS}\n${OK}`),
        want: [
          'warning 16: unknown heading "### Callbacks" in operation ping; its content is ignored',
          "warning 18: paragraph under an unknown heading; ignored",
        ],
      },
    ],
    [
      "unknown Parameters row and host_index",
      {
        given: singleOperationPage(
          OP,
          `### Parameters\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\nretries | int | | \nhost_index | typing.Optional[int] | default is None | Allows one to select a different host\n${CLIENT_ROWS}\n\n${OK}`,
        ),
        want: [
          'warning 20: unknown Parameters row "retries"; ignored',
          "warning 21: the operation has its own servers (host_index), which the docs do not list; they are not reconstructed",
        ],
      },
    ],
    [
      "unknown Example bullet",
      {
        given: singleOperationPage(OP, `### Example\n\n* Mutual TLS Authentication (mtls):\n\n${NO_PARAMS}\n${OK}`),
        want: ['warning 18: unrecognised Example bullet "Mutual TLS Authentication (mtls):"; ignored'],
      },
    ],
    [
      "a summary paragraph that differs from the table",
      {
        given: singleOperationPage(OP, `${NO_PARAMS}\n${OK}`).replace("\nPing it\n\n###", "\nSomething else\n\n###"),
        want: [
          "warning 14: the first paragraph of ping differs from its summary in the method table; the table's summary is used",
        ],
      },
    ],
    [
      "a response code that is not one",
      {
        given: singleOperationPage(
          OP,
          `${NO_PARAMS}\n${responsesTable(OP.id, { "200": "Pong", teapot: "Tea" })}\n${emptyResponse(OP.id, "200")}`,
        ),
        want: ['warning 25: unrecognised response code "teapot"; row ignored'],
      },
    ],
    [
      "a response code listed twice",
      {
        given: singleOperationPage(
          OP,
          `${NO_PARAMS}\n${responsesTable(OP.id, { "200": "Pong" })}200 | [ApiResponseFor200](#ping.ApiResponseFor200) | Again\n\n${emptyResponse(OP.id, "200")}`,
        ),
        want: ["warning 25: response 200 is listed twice; the second row is ignored"],
      },
    ],
    [
      "a response without a description",
      {
        given: singleOperationPage(
          OP,
          `${NO_PARAMS}\n${responsesTable(OP.id, { "200": "" })}\n${emptyResponse(OP.id, "200")}`,
        ),
        want: ['warning 24: response 200 has no description; "OK" is used'],
      },
    ],
    [
      "Authorization naming a scheme of unknown kind",
      {
        given: singleOperationPage(OP, `${NO_PARAMS}\n${OK}`).replace(
          "No authorization required",
          "[mystery](../../../README.md#mystery)",
        ),
        want: [
          "warning 10: Authorization names mystery, but no Example bullet says what kind of scheme it is; left out",
        ],
      },
    ],
    [
      "API key location is assumed",
      {
        given: singleOperationPage(OP, `### Example\n\n* Api Key Authentication (key):\n\n${NO_PARAMS}\n${OK}`).replace(
          "No authorization required",
          "[key](../../../README.md#key)",
        ),
        want: ['warning 10: the docs do not say where API key "key" goes; a header named "key" is assumed'],
      },
    ],
    [
      "stray block between operations",
      {
        given: `${singleOperationPage(OP, `${NO_PARAMS}\n${OK}`)}\n> a quote\n`,
        want: ["warning 39: unexpected blockquote in operation ping; ignored"],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(shown(given)).toEqual(want);
  });
});
