/**
 * Format checkers written into generated code, so that validators compiled by ajv ahead of time run
 * without ajv-formats. Each entry has the shape ajv-formats gives the same format (a function, or an
 * object with `validate`), because the standalone code ajv emits calls it in that shape. Formats that
 * ajv-formats defines as a regular expression are copied from it as one (see standalone-validators).
 */
const DATE = `(s: string): boolean => {
  const m = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!);
}`;

// Leap seconds count only at 23:59 UTC, as RFC 3339 allows.
const time = (strictZone: boolean) => `(s: string): boolean => {
  const m = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$/i.exec(s);
  if (!m) return false;
  const h = +m[1]!, min = +m[2]!, sec = +m[3]!, sign = m[5] === "-" ? -1 : 1, zh = +(m[6] ?? 0), zm = +(m[7] ?? 0);
  if (zh > 23 || zm > 59${strictZone ? ' || !m[4]' : ''}) return false;
  if (h <= 23 && min <= 59 && sec < 60) return true;
  const um = min - zm * sign, uh = h - zh * sign - (um < 0 ? 1 : 0);
  return (uh === 23 || uh === -1) && (um === 59 || um === -1) && sec < 61;
}`;

const dateTime = (strictZone: boolean) => `(s: string): boolean => {
  const parts = s.split(/t|\\s/i);
  return parts.length === 2 && (${DATE})(parts[0]!) && (${time(strictZone)})(parts[1]!);
}`;

const integer = (bits: 32 | 64) =>
  bits === 32 ? '(n: number): boolean => Number.isInteger(n) && n <= 2147483647 && n >= -2147483648' : '(n: number): boolean => Number.isInteger(n)';

const SOURCES: Record<string, string> = {
  date: `{ validate: ${DATE} }`,
  time: `{ validate: ${time(true)} }`,
  'date-time': `{ validate: ${dateTime(true)} }`,
  'iso-time': `{ validate: ${time(false)} }`,
  'iso-date-time': `{ validate: ${dateTime(false)} }`,
  // A scheme, then no characters RFC 3986 forbids, and every % followed by two hex digits.
  uri: `(s: string): boolean => /^[a-z][a-z0-9+.-]*:[^\\s"<>\\\\^\`{|}]*$/i.test(s) && !/%(?![0-9a-f]{2})/i.test(s)`,
  regex: `(s: string): boolean => {
  if (/[^\\\\]\\\\Z|^\\\\Z/.test(s)) return false;
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}`,
  byte: `(s: string): boolean => s.length % 4 === 0 && /^(?:[a-z0-9+/]{4})*(?:[a-z0-9+/]{2}==|[a-z0-9+/]{3}=)?$/i.test(s)`,
  int32: `{ validate: ${integer(32)} }`,
  int64: `{ validate: ${integer(64)} }`,
  float: '{ validate: (): boolean => true }',
  double: '{ validate: (): boolean => true }',
};

/** The source of a checker for a format ajv-formats implements as code, if generated code can carry one. */
export function formatCheckerSource(name: string): string | undefined {
  return Object.hasOwn(SOURCES, name) ? SOURCES[name] : undefined;
}
