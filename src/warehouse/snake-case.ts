/**
 * Segment's warehouse connector names tables and columns with its Go library go-snakecase
 * (github.com/segmentio/go-snakecase, snake.go). This is a faithful port: it works on ASCII only, so
 * every other character (accents, emoji, CJK) is a separator, as every byte of a multi-byte UTF-8
 * character is in the Go original; runs of separators collapse into one underscore, and leading
 * and trailing ones vanish. Its test table is ported in test/warehouse/snake-case.test.ts.
 */
export function snakeCase(s: string): string {
  let idx = 0;
  let hasLower = false;
  let hasUnderscore = false;
  let lowercaseSinceUnderscore = false;

  // A prefix that is already snake case (lower case, digits, inner underscores before a lower case
  // letter or digit) is kept as it is.
  for (; idx < s.length; idx++) {
    const c = s.charCodeAt(idx);
    if (isLower(c)) {
      hasLower = true;
      if (hasUnderscore) lowercaseSinceUnderscore = true;
      continue;
    }
    if (isDigit(c)) continue;
    if (c === UNDERSCORE && idx > 0 && idx < s.length - 1 && (isLower(s.charCodeAt(idx + 1)) || isDigit(s.charCodeAt(idx + 1)))) {
      hasUnderscore = true;
      lowercaseSinceUnderscore = false;
      continue;
    }
    break;
  }
  if (idx === s.length) return s;

  let out = s.slice(0, idx);
  // An upper-case run right after the kept prefix joins it when the prefix had no lower case letter
  // yet (`THE5r`, `5TEst`), or none since its last underscore.
  if (isUpper(s.charCodeAt(idx)) && (!hasLower || (hasUnderscore && !lowercaseSinceUnderscore))) {
    while (idx < s.length && (isUpper(s.charCodeAt(idx)) || isDigit(s.charCodeAt(idx)))) out += s[idx++]!.toLowerCase();
    while (idx < s.length && (isLower(s.charCodeAt(idx)) || isDigit(s.charCodeAt(idx)))) out += s[idx++];
  }
  while (idx < s.length) {
    if (!isAlphanumeric(s.charCodeAt(idx))) {
      idx++;
      continue;
    }
    if (out.length > 0) out += '_';
    while (idx < s.length && (isUpper(s.charCodeAt(idx)) || isDigit(s.charCodeAt(idx)))) out += s[idx++]!.toLowerCase();
    while (idx < s.length && (isLower(s.charCodeAt(idx)) || isDigit(s.charCodeAt(idx)))) out += s[idx++];
  }
  return out;
}

const UNDERSCORE = 0x5f;

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAlphanumeric(c: number): boolean {
  return isLower(c) || isUpper(c) || isDigit(c);
}
