/**
 * dbt renders every file it reads with Jinja: the SQL of tests, and every string of a properties
 * file (names when it parses them, descriptions and test arguments later). Text from the plan goes
 * through these functions, so that Jinja gives it back unchanged instead of running it.
 */

/** Text that Jinja renders as itself: each `{` that would open a tag (`{{`, `{%`, `{#`) is printed by an expression instead. */
export function jinjaText(text: string): string {
  return text.replace(/\{(?=[{%#])/g, "{{ '{' }}");
}

/** Whether Jinja would read part of the text as a tag. */
export function hasJinjaTag(text: string): boolean {
  return /\{[{%#]/.test(text);
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A Jinja string literal holding the text (Jinja reads Python's escapes in it). */
export function jinjaString(text: string): string {
  return `'${text.replace(/[\\'\u0000-\u001f\u007f]/g, (c) => STRING_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}
