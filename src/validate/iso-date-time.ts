const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * ISO-8601 / RFC 3339 date-time as Segment expects it: `2024-01-15T10:30:00.000Z`, seconds and
 * fraction optional, offset `Z`, `±HH:MM` or `±HHMM` optional. Checked by hand because every event
 * carries three or four timestamps and a regex plus Date.parse per field is a measurable cost.
 */
export function isIsoDateTime(s: string): boolean {
  if (s.length < 16 || s.length > 40) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || s[4] !== '-' || s[7] !== '-' || month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS[month - 1]! || (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))) return false;
  if (s[10] !== 'T' && s[10] !== 't') return false;
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (hour < 0 || hour > 23 || s[13] !== ':' || minute < 0 || minute > 59) return false;
  let i = 16;
  if (s[i] === ':') {
    const second = digits(s, i + 1, 2);
    if (second < 0 || second > 60) return false;
    i += 3;
    if (s[i] === '.' || s[i] === ',') {
      const start = ++i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      if (i === start) return false;
    }
  }
  if (i === s.length) return true;
  const c = s[i];
  if ((c === 'Z' || c === 'z') && i + 1 === s.length) return true;
  if (c !== '+' && c !== '-') return false;
  const oh = digits(s, i + 1, 2);
  const colon = s[i + 3] === ':' ? 1 : 0;
  const om = digits(s, i + 3 + colon, 2);
  return oh >= 0 && oh <= 23 && om >= 0 && om <= 59 && i + 5 + colon === s.length;
}

const NUMERIC_OFFSET = /[+-]\d\d:?\d\d$/;

/**
 * Whether an ISO-8601 date-time (as accepted by isIsoDateTime) names its zone: `Z` or a numeric
 * offset. Without one it is a local time of a zone nobody wrote down.
 */
export function hasUtcOffset(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 90 /* Z */ || last === 122 /* z */ || NUMERIC_OFFSET.test(s);
}
