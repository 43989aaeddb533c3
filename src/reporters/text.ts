import type { Diagnostic } from '../core/diagnostic.js';

/** Heading for diagnostics that belong to no file (aggregates, stdin without a name). */
export const NO_FILE_LABEL = '(no file)';

/**
 * The message as a person should read it, with the suggestion (a bare value) spelled out — unless
 * the message already asks `did you mean …?` itself, as the loader's messages do.
 */
export function fullMessage(d: Diagnostic): string {
  const message = d.suggestion === undefined || d.message.includes('did you mean') ? d.message : `${d.message} (did you mean "${d.suggestion}"?)`;
  return d.occurrences ? `${message} ${occurrenceNote(d.occurrences)}` : message;
}

/** `[×1,234: lines 3, 17, 88, …]`: how often a grouped diagnostic occurred, and where first. */
function occurrenceNote({ count, lines }: { count: number; lines: number[] }): string {
  const more = count > lines.length ? ', …' : '';
  const where = lines.length === 0 ? '' : `: line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more}`;
  return `[×${count.toLocaleString('en-US')}${where}]`;
}

/** `\u001b`-style escape, so a replaced character stays visible and identifiable. */
export function unicodeEscape(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** `1 error`, `2 errors`: a count and its noun, for nouns that take an -s. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
