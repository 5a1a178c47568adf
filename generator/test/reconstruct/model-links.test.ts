import path from "node:path";
import { describe, expect, it } from "vitest";
import { isInside, isValidComponentName, modelNameOf, resolveModelFile } from "../../src/reconstruct/model-links.js";

const docs = path.resolve("/docs");
const base = { pageFile: path.join(docs, "apis", "tags", "MfaApi.md"), modelsDir: path.join(docs, "models") };

describe("resolveModelFile", () => {
  it.each<[string, { given: string; want: string | undefined }]>([
    ["relative link from an API page", { given: "../../models/Error.md", want: path.join(docs, "models", "Error.md") }],
    [
      "unfilled {{complexTypePrefix}} placeholder",
      { given: "{{complexTypePrefix}}OtpDevice.md", want: path.join(docs, "models", "OtpDevice.md") },
    ],
    ["percent-encoded name", { given: "../../models/My%20Model.md", want: path.join(docs, "models", "My Model.md") }],
    ["in-page anchor", { given: "#data", want: undefined }],
    ["README link", { given: "../../../README.md#OAuth2", want: undefined }],
    ["absolute URL", { given: "https://example.test/Error.md", want: undefined }],
    ["not a page", { given: "../../models/logo.png", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(resolveModelFile(given, base)).toBe(want);
  });
});

describe("model link checks", () => {
  it("isInside accepts files in the folder only", () => {
    expect(isInside(path.join(docs, "models", "A.md"), path.join(docs, "models"))).toBe(true);
    expect(isInside(path.join(docs, "secret.md"), path.join(docs, "models"))).toBe(false);
    expect(isInside(path.join(docs, "models"), path.join(docs, "models"))).toBe(false);
  });

  it.each<[string, { given: string; want: boolean }]>([
    ["class name", { given: "OtpDevice", want: true }],
    ["dots, dashes, underscores", { given: "v1.Otp_Device-2", want: true }],
    ["space", { given: "My Model", want: false }],
  ])("component name: %s", (_name, { given, want }) => {
    expect(isValidComponentName(given)).toBe(want);
  });

  it("names a model after its file", () => {
    expect(modelNameOf(path.join(docs, "models", "Error.md"))).toBe("Error");
  });
});
