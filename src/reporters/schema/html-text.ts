// Strings, numbers and times of a report as HTML text, for the HTML schema report.
import { unicodeEscape } from '../text.js';
import { percent as textPercent } from './text.js';

export { int } from './text.js';

/** Names and values longer than this many characters are cut in the page, in full in a tooltip. */
const MAX_SHOWN_CHARS = 120;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The one way a string gets into the page, in text and in (double-quoted) attributes alike. Control,
 * bidirectional-override and lone-surrogate characters become visible `\uXXXX` escapes: they would
 * otherwise vanish, reorder the text around them, or turn into U+FFFD on the way to UTF-8.
 */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => HTML_ESCAPES[char] ?? unicodeEscape(char),
  );
}

/** A name or value as text, cut to MAX_SHOWN_CHARS with the whole of it in a tooltip. */
export function shown(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= MAX_SHOWN_CHARS) return esc(text);
  return `<span title="${esc(text)}">${esc(chars.slice(0, MAX_SHOWN_CHARS).join(''))}…</span>`;
}

/** A ratio as a percentage with at most `decimals` decimals (no trailing zeros), as HTML; see textPercent. */
export function percent(ratio: number, decimals: number): string {
  const text = textPercent(ratio, decimals);
  return esc(/^\d/.test(text) ? `${Number(text.slice(0, -1))}%` : text);
}

/** An ISO timestamp to the minute (`2026-11-01 00:03`), marked up as a <time>. */
export function timestamp(iso: string | undefined): string {
  if (iso === undefined) return '<span class="muted">–</span>';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return `<time datetime="${esc(iso)}">${esc(match ? `${match[1]} ${match[2]}` : iso)}</time>`;
}

export function yesNo(value: boolean | null, yes = 'yes', no = 'no'): string {
  return value === null ? '<span class="muted">–</span>' : value ? yes : no;
}
