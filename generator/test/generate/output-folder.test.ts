import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { writeFailure } from "../../src/generate/output-folder.js";

describe("writeFailure", () => {
  it("turns a file system error into an error naming the code, the call and the place", () => {
    const error = Object.assign(new Error("EACCES: permission denied, mkdir 'out/fetch'"), {
      code: "EACCES",
      syscall: "mkdir",
      path: "out/fetch",
    });
    const failure = writeFailure(error);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).diagnostics).toEqual([
      {
        severity: "error",
        file: "out/fetch",
        message: "cannot write the packages here: EACCES (mkdir); nothing was replaced",
      },
    ]);
  });

  it("leaves any other error as it is", () => {
    const error = new TypeError("a bug");
    expect(writeFailure(error)).toBe(error);
    expect(writeFailure("text")).toBe("text");
  });
});
