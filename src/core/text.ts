/**
 * `text` cut to at most `max` characters, ending in `…` when cut, so that a 2,000-character name
 * or value cannot make a message unreadable. Never cuts between the two halves of a surrogate pair.
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 2);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** Text without the byte order mark some editors write first: JSON and YAML readers take it for content. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
