/**
 * The named references Handlebars and the Python generator put into the docs. Handlebars'
 * escaper only emits these and numeric ones (`&#x60;`, `&#x3D;`, `&#x27;`).
 */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/**
 * Decodes HTML character references (`&#x60;`, `&#61;`, `&amp;` …) in one piece of text.
 * Unknown names and out-of-range code points are left as written, so nothing is lost.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const hex = body[1] === "x" || body[1] === "X";
      const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
      return valid ? String.fromCodePoint(codePoint) : whole;
    }
    return NAMED_REFERENCES[body] ?? whole;
  });
}

/**
 * Undoes the generator's own escaping of spec text (`escapeText`: `\` → `\\`, `"` → `\"`),
 * for text that is plain in OpenAPI (a summary). Descriptions keep it: they are Markdown,
 * where `\"` already reads as `"`.
 */
export function unescapeGeneratorText(text: string): string {
  return text.replace(/\\(["\\])/g, "$1");
}
