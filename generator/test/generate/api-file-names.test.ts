import { describe, expect, it } from "vitest";
import { kebabFromClassName, nameApiFilesAfterClasses } from "../../src/generate/api-file-names.js";

describe("API file names from class names", () => {
  it.each([
    ["MultiFactorAuthenticationV1Api", "multi-factor-authentication-v1-api"],
    ["IPAddressesApi", "ip-addresses-api"],
    ["URLShortenerV2Api", "url-shortener-v2-api"],
    ["FooBarBazApi", "foo-bar-baz-api"],
    ["DefaultApi", "default-api"],
    ["OAuth2Api", "o-auth2-api"],
  ])("%s → %s", (className, file) => {
    expect(kebabFromClassName(className)).toBe(file);
  });

  it("renames each API file after its class and every import of it, leaving other files alone", () => {
    const tree = new Map([
      ["apis/ipaddresses-api.gen.ts", 'import { x } from "../models/index.gen.js";\nexport class IPAddressesApi {}\n'],
      ["apis/index.gen.ts", 'export * from "./ipaddresses-api.gen.js";\n'],
      [
        "index.gen.ts",
        'export * from "./apis/ipaddresses-api.gen.js";\nexport * from "./models/ipaddresses-api.gen.js";\n',
      ],
    ]);
    expect(Object.fromEntries(nameApiFilesAfterClasses(tree))).toEqual({
      "apis/ip-addresses-api.gen.ts": 'import { x } from "../models/index.gen.js";\nexport class IPAddressesApi {}\n',
      "apis/index.gen.ts": 'export * from "./ip-addresses-api.gen.js";\n',
      "index.gen.ts":
        'export * from "./apis/ip-addresses-api.gen.js";\nexport * from "./models/ipaddresses-api.gen.js";\n',
    });
  });

  it("refuses two classes that would share a file rather than overwrite one", () => {
    const tree = new Map([
      ["apis/a.gen.ts", "export class IPAddressesApi {}\n"],
      ["apis/b.gen.ts", "export class IpAddressesApi {}\n"],
    ]);
    expect(() => nameApiFilesAfterClasses(tree)).toThrow(
      /IPAddressesApi and IpAddressesApi would share apis\/ip-addresses-api\.gen\.ts/,
    );
  });
});
