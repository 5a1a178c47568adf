import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/base32.js";
import { hotp, type TotpAlgorithm, totp, verifyTotp } from "../../src/totp.js";

// RFC 6238 Appendix B: the seed is the ASCII string repeated to the hash's block-ish size.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from("12345678901234567890", "ascii"),
  sha256: Buffer.from("12345678901234567890123456789012", "ascii"),
  sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234", "ascii"),
};

const RFC6238_VECTORS: Array<[seconds: number, algorithm: TotpAlgorithm, code: string]> = [
  [59, "sha1", "94287082"],
  [59, "sha256", "46119246"],
  [59, "sha512", "90693936"],
  [1111111109, "sha1", "07081804"],
  [1111111109, "sha256", "68084774"],
  [1111111109, "sha512", "25091201"],
  [1111111111, "sha1", "14050471"],
  [1111111111, "sha256", "67062674"],
  [1111111111, "sha512", "99943326"],
  [1234567890, "sha1", "89005924"],
  [1234567890, "sha256", "91819424"],
  [1234567890, "sha512", "93441116"],
  [2000000000, "sha1", "69279037"],
  [2000000000, "sha256", "90698825"],
  [2000000000, "sha512", "38618901"],
  [20000000000, "sha1", "65353130"],
  [20000000000, "sha256", "77737706"],
  [20000000000, "sha512", "47863826"],
];

// RFC 4226 Appendix D: HOTP values for counters 0..9 with the SHA-1 seed.
const RFC4226_VECTORS = [
  "755224",
  "287082",
  "359152",
  "969429",
  "338314",
  "254676",
  "287922",
  "162583",
  "399871",
  "520489",
];

describe("TOTP (RFC 6238) and HOTP (RFC 4226)", () => {
  it.each(RFC6238_VECTORS)("T=%i %s gives %s", (seconds, algorithm, code) => {
    expect(totp(SEEDS[algorithm], seconds * 1000, { digits: 8, algorithm })).toBe(code);
  });

  it.each(RFC4226_VECTORS.map((code, counter) => [counter, code] as const))(
    "HOTP counter %i gives %s",
    (counter, code) => {
      expect(hotp(SEEDS.sha1, counter)).toBe(code);
    },
  );

  it("defaults to 6 digits, SHA-1 and 30 s steps (the last 6 digits of the 8-digit vector)", () => {
    expect(totp(SEEDS.sha1, 59_000)).toBe("287082");
    expect(totp(SEEDS.sha1, 1111111109_000)).toBe("081804");
  });

  it("accepts one step of drift either side and nothing further", () => {
    const now = 1234567890_000;
    const previous = totp(SEEDS.sha1, now - 30_000);
    const next = totp(SEEDS.sha1, now + 30_000);
    const tooOld = totp(SEEDS.sha1, now - 60_000);
    expect(verifyTotp(SEEDS.sha1, totp(SEEDS.sha1, now), now)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, previous, now)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, next, now)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, tooOld, now)).toBe(false);
    expect(verifyTotp(SEEDS.sha1, "12345", now)).toBe(false);
    expect(verifyTotp(SEEDS.sha1, "abcdef", now)).toBe(false);
  });
});

describe("base32 (RFC 4648)", () => {
  it("matches the RFC 4648 §10 test vectors, unpadded", () => {
    const vectors: Array<[string, string]> = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base32Decode(encoded))).toBe(plain);
    }
  });

  it("decodes grouped, lower-case, padded input and rejects foreign characters", () => {
    expect(new TextDecoder().decode(base32Decode("mzxw 6ytb oi======"))).toBe("foobar");
    expect(() => base32Decode("MZXW1")).toThrow(SyntaxError);
  });
});
