import { isUtf8 } from 'node:buffer';

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;

/**
 * Visits each non-blank line of a `lines` unit with its 1-based number; `text` is undefined when
 * the line is not valid UTF-8. A trailing `\r` is dropped; lines of only spaces, tabs and `\r` are
 * blank (skipped, still numbered). Built for a million lines a second: native searches find the
 * breaks and decode, and only in a unit that is not all valid UTF-8 are lines holding U+FFFD
 * checked byte by byte.
 */
export function forEachLine(
  unit: { data: Uint8Array; firstLine: number },
  visit: (text: string | undefined, line: number) => void,
): void {
  const { data } = unit;
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const length = bytes.length;
  // One native check of the whole unit spares valid input (nearly all of it) a scan of every line.
  const allValid = isUtf8(bytes);
  let line = unit.firstLine;
  for (let start = 0; start < length; line++) {
    const lineFeed = bytes.indexOf(LF, start);
    const next = lineFeed < 0 ? length : lineFeed + 1;
    let end = lineFeed < 0 ? length : lineFeed;
    if (end > start && bytes[end - 1] === CR) end--;
    if (!isBlank(bytes, start, end)) {
      const text = bytes.toString('utf8', start, end);
      visit(!allValid && text.includes('\uFFFD') && !isUtf8(bytes.subarray(start, end)) ? undefined : text, line);
    }
    start = next;
  }
}

/** Looks only as far as the first byte that is not blank: the first byte, for any real line. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== SPACE && b !== TAB && b !== CR) return false;
  }
  return true;
}
