import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_DOCS,
  DEFAULT_OUT,
  DEFAULT_OVERLAY,
  parseReconstructArgs,
  reconstructCommand,
} from "../../src/reconstruct/command.js";
import {
  dictionaryKeys,
  emptyResponse,
  fixtureDocs,
  responsesTable,
  runReconstructCli,
  singleOperationPage,
  tempDir,
  typeInfo,
  writeTree,
} from "./helpers.js";

/** Runs the command in-process, capturing what it prints. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await reconstructCommand(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const GOOD_PAGE = singleOperationPage(
  { id: "ping", method: "get", path: "/ping" },
  `### Parameters\nThis endpoint does not need any parameter.\n\n${responsesTable("ping", { "200": "Pong", "404": "Gone" })}\n${emptyResponse("ping", "200")}\n${emptyResponse("ping", "404")}`,
).replace("# snippet.apis.tags.snippet_api.SnippetApi\n", "# snippet.apis.tags.snippet_api.SnippetApi\nPing things.\n");

let folder: { dir: string; remove: () => Promise<void> };
let out: string;
beforeEach(async () => {
  folder = await tempDir("command");
  out = path.join(folder.dir, "out", "openapi.yaml");
});
afterEach(async () => {
  await folder.remove();
});

describe("parseReconstructArgs", () => {
  it.each<[string, { given: string[]; want: unknown }]>([
    [
      "defaults, with the default overlay",
      { given: [], want: { docsDir: DEFAULT_DOCS, outFile: DEFAULT_OUT, overlayPath: DEFAULT_OVERLAY } },
    ],
    ["--docs alone applies no overlay", { given: ["--docs", "d"], want: { docsDir: "d", outFile: DEFAULT_OUT } }],
    [
      "--docs with --overlay",
      {
        given: ["--docs", "d", "--overlay", "o.yaml", "--out", "x.yaml"],
        want: { docsDir: "d", outFile: "x.yaml", overlayPath: "o.yaml" },
      },
    ],
    ["unknown flag", { given: ["--nope"], want: { usage: expect.stringContaining("usage: pnpm reconstruct") } }],
    ["positional argument", { given: ["docs"], want: { usage: expect.stringContaining("usage: pnpm reconstruct") } }],
  ])("%s", (_name, { given, want }) => {
    expect(parseReconstructArgs(given)).toEqual(want);
  });
});

describe("reconstructCommand", () => {
  it("writes the spec, reports warnings with file:line on stderr, and is byte-identical across runs", async () => {
    const first = await run(["--docs", fixtureDocs, "--out", out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote .*openapi\.yaml: 5 paths, 8 schemas, 1 warnings/);
    // Files are shown relative to the working directory, whichever folder vitest runs from.
    expect(first.stderr).toMatch(
      /^(?:[\w./-]*\/)?test\/fixtures\/docs\/apis\/tags\/InventoryApi\.md:15: warning: the docs do not say where API key "api_key" goes; a header named "api_key" is assumed\n$/,
    );
    const written = await readFile(out);
    expect(written.toString()).toContain("title: Inventory, Status API"); // no overlay with --docs
    await run(["--docs", fixtureDocs, "--out", out]);
    expect((await readFile(out)).equals(written)).toBe(true);
    expect(await readdir(path.dirname(out))).toEqual(["openapi.yaml"]);
  });

  it("bad arguments print usage and exit 2", async () => {
    const result = await run(["--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: pnpm reconstruct");
  });
});

describe("hostile and bad input: an error with file and line, exit 1, nothing written", () => {
  it.each<[string, { files: Record<string, string | Uint8Array>; overlay?: string; want: RegExp[] }]>([
    [
      "invalid UTF-8",
      {
        files: {
          "apis/tags/SnippetApi.md": Buffer.concat([
            Buffer.from(GOOD_PAGE.split("\n").slice(0, 6).join("\n")),
            Buffer.from("\n\xff\xfe broken\n", "latin1"),
          ]),
        },
        want: [/apis\/tags\/SnippetApi\.md:7: error: invalid UTF-8 at byte \d+ \(bytes ff fe 20 62\)/],
      },
    ],
    [
      "a page with no title",
      {
        files: { "apis/tags/SnippetApi.md": GOOD_PAGE.replace("# snippet.apis.tags.snippet_api.SnippetApi\n", "") },
        want: [/apis\/tags\/SnippetApi\.md:1: error: page has no title/],
      },
    ],
    [
      "a required table missing",
      {
        files: { "apis/tags/SnippetApi.md": GOOD_PAGE.replace(/Method \| HTTP request[\s\S]*?\n\n/, "") },
        want: [
          /apis\/tags\/SnippetApi\.md:\d+: error: required table missing: the Method \| HTTP request \| Description table/,
        ],
      },
    ],
    [
      "a missing model page",
      {
        files: {
          "apis/tags/SnippetApi.md": GOOD_PAGE.replace(
            "body | Unset | body was not defined |",
            "body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] | |",
          ).replace(
            "headers | Unset | headers were not defined |\n",
            "headers | Unset | headers were not defined |\n\n# SchemaFor200ResponseBodyApplicationJson\nType | Description  | Notes\n--- | --- | ---\n[**Gone**](../../models/Gone.md) |  | \n",
          ),
        },
        want: [/SnippetApi\.md:\d+: error: links a model page that does not exist: .*models\/Gone\.md/],
      },
    ],
    [
      "a model with no Model Type Info",
      {
        files: {
          "apis/tags/SnippetApi.md": GOOD_PAGE.replace(
            "body | Unset | body was not defined |",
            "body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] | |",
          ).replace(
            "headers | Unset | headers were not defined |\n",
            "headers | Unset | headers were not defined |\n\n# SchemaFor200ResponseBodyApplicationJson\nType | Description  | Notes\n--- | --- | ---\n[**Thing**](../../models/Thing.md) |  | \n",
          ),
          "models/Thing.md": "# m.model.thing.Thing\n\nNo tables here.\n",
        },
        want: [/models\/Thing\.md:1: error: schema section has no "Model Type Info" table/],
      },
    ],
    [
      "a link that escapes the models folder",
      {
        files: {
          "apis/tags/SnippetApi.md": GOOD_PAGE.replace(
            "body | Unset | body was not defined |",
            "body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] | |",
          ).replace(
            "headers | Unset | headers were not defined |\n",
            "headers | Unset | headers were not defined |\n\n# SchemaFor200ResponseBodyApplicationJson\nType | Description  | Notes\n--- | --- | ---\n[**Secret**](../../../../outside/Secret.md) |  | \n",
          ),
        },
        want: [
          /SnippetApi\.md:\d+: error: links a model page outside the models folder: \.\.\/\.\.\/\.\.\/\.\.\/outside\/Secret\.md/,
        ],
      },
    ],
    [
      "schema sections nested without end",
      {
        files: {
          "apis/tags/SnippetApi.md": GOOD_PAGE.replace(
            "body | Unset | body was not defined |",
            "body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] | |",
          ).replace(
            "headers | Unset | headers were not defined |\n",
            `headers | Unset | headers were not defined |\n\n# SchemaFor200ResponseBodyApplicationJson\n\n${Array.from({ length: 80 }, () => `${typeInfo("dict, frozendict.frozendict, ")}\n${dictionaryKeys("**[d](#d)** | dict, frozendict.frozendict,  | x |  | ")}\n# d\n`).join("\n")}\n${typeInfo("str, ")}`,
          ),
        },
        want: [/SnippetApi\.md:\d+: error: schema sections nest deeper than 64 levels/],
      },
    ],
    [
      "an overlay target that matches nothing",
      {
        files: { "apis/tags/SnippetApi.md": GOOD_PAGE },
        overlay:
          "overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions:\n  - target: $.components.schemas.Nope\n    description: stale\n    update:\n      type: string\n",
        want: [/overlay\.yaml:6: error: overlay target \$\.components\.schemas\.Nope matches nothing/],
      },
    ],
  ])("%s", async (_name, { files, overlay, want }) => {
    await writeTree(folder.dir, { ...files, "out/openapi.yaml": "previous content\n" });
    const overlayArgs: string[] = [];
    if (overlay) {
      await writeFile(path.join(folder.dir, "overlay.yaml"), overlay);
      overlayArgs.push("--overlay", path.join(folder.dir, "overlay.yaml"));
    }
    const result = await run(["--docs", folder.dir, "--out", out, ...overlayArgs]);
    expect(result.code).toBe(1);
    for (const pattern of want) expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toMatch(/reconstruct failed with \d+ error\(s\); .*openapi\.yaml was not written/);
    expect(await readFile(out, "utf8")).toBe("previous content\n");
    expect(await readdir(path.dirname(out))).toEqual(["openapi.yaml"]);
  });
});

describe("unknown constructs: warnings with file and line, and the spec is still written", () => {
  it("reports each one and writes the rest", async () => {
    const page = GOOD_PAGE.replace("### Parameters", "### Callbacks\n\nNot in this layout.\n\n### Parameters").replace(
      "\n# **ping**",
      `\n# Stray\n\n${typeInfo("dict, frozendict.frozendict, ")}\n${dictionaryKeys("**a** | str, frobs.Frob,  | x |  | [optional] sometimes")}\n# **ping**`,
    );
    await writeTree(folder.dir, { "apis/tags/SnippetApi.md": page });
    const result = await run(["--docs", folder.dir, "--out", out]);
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines.every((line) => /SnippetApi\.md:\d+: warning: /.test(line))).toBe(true);
    expect(result.stderr).toMatch(/:11: warning: unexpected schema section "# Stray" in the page; ignored/);
    expect(result.stderr).toMatch(/:21: warning: unrecognised note "sometimes"; ignored/);
    expect(result.stderr).toMatch(
      /:\d+: warning: unknown heading "### Callbacks" in operation ping; its content is ignored/,
    );
    expect(await readFile(out, "utf8")).toContain("operationId: ping");
  });
});

describe("pnpm reconstruct (the real CLI entry, in a child process)", () => {
  it("dispatches to the command and exits with its code", async () => {
    const good = await runReconstructCli(["--docs", fixtureDocs, "--out", out]);
    expect(good.code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("operationId: list_items");
    const bad = await runReconstructCli(["--docs", path.join(folder.dir, "nowhere"), "--out", out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nowhere\/apis\/tags: error: no API pages folder/);
  });
});
