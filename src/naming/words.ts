/**
 * Splitting identifiers into words, whatever their style. Every naming check and conversion starts
 * here, so "order_completed", "OrderCompleted" and "Order Completed" all become [order, completed]
 * (with their original letters' case).
 */

// Character classes, Unicode-aware so that names in any script split sensibly. Caseless letters
// (CJK, Arabic, ...) and combining marks travel with lower-case letters: a run of them is a word.
const UPPER = '\\p{Lu}\\p{Lt}';
const LOWER = '\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}';
const DIGIT = '\\p{N}';

// Tried left to right at each position; anything no alternative matches (spaces, `_`, `-`, `.`,
// punctuation) separates words. Digits stay with the word they follow: utm_source2, step2Completed.
const WORD = new RegExp(
  [
    // A plural acronym such as "IDs" in "userIDs", which would otherwise split as I|Ds.
    `[${UPPER}]{2,}[${DIGIT}]*s(?![${LOWER}])`,
    // An acronym followed by a capitalised word: HTML|Parser, HTML5|Parser.
    `[${UPPER}]+[${DIGIT}]*(?=[${UPPER}][${LOWER}])`,
    // A capitalised or lower-case word, with digits inside or after it: Order, source2, mp3player.
    `[${UPPER}]?[${LOWER}]+(?:[${DIGIT}]+[${LOWER}]*)*`,
    // An all-caps word: ORDER, API2.
    `[${UPPER}]+(?:[${DIGIT}]+[${LOWER}]*)*`,
    // A word that starts with digits: 404, 2fa, 3D (as in 3DSecure).
    `[${DIGIT}]+(?:[${UPPER}]+(?![${LOWER}])|[${LOWER}]+)?`,
  ].join('|'),
  'gu',
);

/** Splits a name in any style (snake, kebab, camel, Pascal, Title, SCREAMING, dotted) into words. */
export function splitWords(name: string): string[] {
  // String.prototype.match with a global regex resets lastIndex itself and does not clone the regex.
  return name.match(WORD) ?? [];
}
