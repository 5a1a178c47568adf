import { readFile } from "node:fs/promises";
import { PageAbort } from "./reporter.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Reads a docs page as UTF-8. Invalid bytes are bad input, not something to paper over
 * with U+FFFD: the error names the line of the first bad byte so it can be fixed.
 */
export async function readPageText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return decodeUtf8(bytes);
}

/**
 * Decodes `bytes` as strict UTF-8 (a leading BOM is dropped, CRLF line ends become LF so
 * descriptions do not carry `\r`); throws {@link PageAbort} at the first invalid sequence.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes).replaceAll("\r\n", "\n");
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAtByte(bytes, offset);
    const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
    throw new PageAbort(line, `invalid UTF-8 at byte ${offset} (bytes ${shown})`);
  }
}

/**
 * Finds where strict decoding fails. TextDecoder does not say where, so this walks the
 * sequences itself, following the well-formed table of Unicode §3.9 (no overlongs, no surrogates).
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) low = 0xa0;
      if (b0 === 0xed) high = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) low = 0x90;
      if (b0 === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (b === undefined || b < min || b > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
