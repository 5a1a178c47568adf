import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics.js";
import {
  API_FILE_BINDINGS,
  derivedOperationName,
  operationFunctionName,
  operationTypeName,
} from "../../../src/generate/naming/operation-names.js";
import { exportedFunctions, OPTIONAL_RUNTIME_MODULES } from "../../../src/generate/runtime-imports.js";
import { repoRoot } from "../../support/run-cli.js";

describe("operationFunctionName", () => {
  it.each([
    ["operationId in snake case", { operation: { operationId: "get_enrolled_factors" }, want: "getEnrolledFactors" }],
    ["operationId in kebab case", { operation: { operationId: "get-user" }, want: "getUser" }],
    ["reserved word", { operation: { operationId: "delete" }, want: "deleteOperation" }],
    ["object member", { operation: { operationId: "constructor" }, want: "constructorOperation" }],
    ["default", { operation: { operationId: "default" }, want: "defaultOperation" }],
    ["a parameter of every operation function", { operation: { operationId: "options" }, want: "optionsOperation" }],
    ["a runtime import", { operation: { operationId: "request" }, want: "requestOperation" }],
    ["override wins", { operation: { operationId: "get_user", "x-ts-name": "fetchUser" }, want: "fetchUser" }],
    ["no operationId", { operation: {}, want: "getUsersByIdKeys" }],
  ])("%s", (_name, { operation, want }) => {
    const problems: Diagnostic[] = [];
    expect(operationFunctionName(operation, "get", "/users/{id}/keys", problems, "spec.yaml")).toBe(want);
    expect(problems).toEqual([]);
  });

  it("refuses an override that is not an identifier, naming where", () => {
    const problems: Diagnostic[] = [];
    operationFunctionName({ "x-ts-name": "two words" }, "get", "/a", problems, "spec.yaml");
    expect(problems).toEqual([
      expect.objectContaining({ file: "spec.yaml", pointer: "/paths/~1a/get/x-ts-name", severity: "error" }),
    ]);
  });

  it("refuses an override that the API file already binds", () => {
    const problems: Diagnostic[] = [];
    operationFunctionName({ "x-ts-name": "params" }, "get", "/a", problems, "spec.yaml");
    expect(problems).toEqual([expect.objectContaining({ pointer: "/paths/~1a/get/x-ts-name", severity: "error" })]);
  });

  it("knows every value an API file binds: the template's imports and parameters, the optional runtime functions", () => {
    const template = readFileSync(path.join(repoRoot, "templates", "common", "sdk-api-file.mustache"), "utf8");
    const imported = [...template.matchAll(/^import \{([^}]*)\}/gm)].flatMap((m) =>
      m[1]!
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "" && !name.startsWith("type ")),
    );
    const parameters = [...template.matchAll(/\bfunction [^(]*\((\w+): Client, [^p]*params: [^,]*, (\w+)\?:/g)].flatMap(
      (m) => [m[1]!, "params", m[2]!],
    );
    const optional = OPTIONAL_RUNTIME_MODULES.flatMap((module) =>
      exportedFunctions(readFileSync(path.join(repoRoot, "runtime", "src", `${module}.ts`), "utf8")),
    );
    expect(parameters.length).toBeGreaterThan(0);
    expect([...new Set([...imported, ...parameters, ...optional])].sort()).toEqual([...API_FILE_BINDINGS].sort());
  });

  it("refuses an operationId with nothing to name a function after", () => {
    const problems: Diagnostic[] = [];
    operationFunctionName({ operationId: "--" }, "get", "/a", problems, "spec.yaml");
    expect(problems[0]?.pointer).toBe("/paths/~1a/get/operationId");
  });
});

describe("derivedOperationName", () => {
  it.each([
    ["get", "/users/{id}", "getUsersById"],
    ["get", "/users-id", "getUsersId"],
    ["get", "/users_id", "getUsers_id"],
    ["DELETE", "/files/{name}.{ext}", "deleteFilesByNameByExt"],
    ["get", "/", "get"],
    ["get", "/a%20b/{id}", "getABById"],
    ["get", "/caf%C3%A9", "getCafé"],
    ["get", "/100%25", "get100"],
    ["get", "/bad%zz", "getBadZz"],
  ])("%s %s → %s", (method, route, want) => {
    expect(derivedOperationName(method, route)).toBe(want);
  });

  it("gives paths that differ only in separators different names", () => {
    const names = ["/users/{id}", "/users-id", "/users_id"].map((route) => derivedOperationName("get", route));
    expect(new Set(names).size).toBe(3);
  });
});

describe("operationTypeName", () => {
  it("keeps the function name's spelling after the first letter", () => {
    expect(operationTypeName("getUsers_id")).toBe("GetUsers_id");
  });
});
