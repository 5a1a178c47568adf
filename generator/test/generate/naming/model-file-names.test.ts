import { describe, expect, it } from "vitest";
import { kebabFileName, modelFileNames, sharedFileNames } from "../../../src/generate/naming/model-file-names.js";

describe("model file names", () => {
  it.each([
    ["GetEnrolledFactors200Response", "get-enrolled-factors200-response"],
    ["ActivateMfaFactors200ResponseData", "activate-mfa-factors200-response-data"],
    ["OwnedPetAllOf1", "owned-pet-all-of1"],
    ["IPAddresses", "ip-addresses"],
    ["ModelError", "model-error"],
    ["Længde", "længde"],
    ["RowLængdeÆble", "row-længde-æble"],
  ])("%s → %s", (name, file) => {
    expect(kebabFileName(name)).toBe(file);
  });

  it("keeps the kebab name for a model alone in it", () => {
    expect([...modelFileNames(["ResourceARN", "UserInfo", "Userinfo"])]).toEqual([
      ["ResourceARN", "resource-arn"],
      ["UserInfo", "user-info"],
      ["Userinfo", "userinfo"],
    ]);
  });

  it("gives a shared kebab name to the model spelled as its words, and a word at every capital to the others", () => {
    const files = modelFileNames(["ResourceARN", "ResourceArn", "RESOURCEArn"]);
    expect(Object.fromEntries(files)).toEqual({
      ResourceArn: "resource-arn",
      ResourceARN: "resource-a-r-n",
      RESOURCEArn: "r-e-s-o-u-r-c-e-arn",
    });
    expect(sharedFileNames(files)).toEqual([]);
  });

  it("names the same whatever order the models come in", () => {
    const names = ["FileDTO", "FileDto", "Other", "fileDto"];
    expect(Object.fromEntries(modelFileNames([...names].reverse()))).toEqual(Object.fromEntries(modelFileNames(names)));
  });

  it("finds names whose files are still one: a first letter's case, or `_` against a capital", () => {
    expect(sharedFileNames(modelFileNames(["FooBar", "fooBar", "Foo_Bar", "Other"]))).toEqual([["FooBar", "fooBar"]]);
    expect(sharedFileNames(modelFileNames(["A_b", "Ab_"]))).toEqual([]);
    expect(sharedFileNames(modelFileNames(["Foo_Bar", "FooBar"]))).toEqual([]);
  });
});
