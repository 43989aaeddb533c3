/**
 * Splitting identifiers into words, whatever their style. Every naming check and conversion starts
 * here, so "order_completed", "OrderCompleted" and "Order Completed" all become [order, completed]
 * (with their original letters' case).
 */

import { NamePattern } from './name-pattern.js';

// Tried left to right at each position; anything no alternative matches (spaces, `_`, `-`, `.`,
// punctuation) separates words. Digits stay with the word they follow: utm_source2, step2Completed.
// Caseless letters (CJK, Arabic, ...) and combining marks travel with lower-case letters: a run of
// them is a word.
const WORD = new NamePattern(({ upper, lower: cased, caseless, digit }) => {
  const lower = `${cased}${caseless}`;
  return [
    // A plural acronym such as "IDs" in "userIDs", which would otherwise split as I|Ds.
    `[${upper}]{2,}[${digit}]*s(?![${lower}])`,
    // An acronym followed by a capitalised word: HTML|Parser, HTML5|Parser.
    `[${upper}]+[${digit}]*(?=[${upper}][${lower}])`,
    // A capitalised or lower-case word, with digits inside or after it: Order, source2, mp3player.
    `[${upper}]?[${lower}]+(?:[${digit}]+[${lower}]*)*`,
    // An all-caps word: ORDER, API2.
    `[${upper}]+(?:[${digit}]+[${lower}]*)*`,
    // A word that starts with digits: 404, 2fa, 3D (as in 3DSecure).
    `[${digit}]+(?:[${upper}]+(?![${lower}])|[${lower}]+)?`,
  ].join('|');
}, 'gu');

/** Splits a name in any style (snake, kebab, camel, Pascal, Title, SCREAMING, dotted) into words. */
export function splitWords(name: string): string[] {
  // String.prototype.match with a global regex resets lastIndex itself and does not clone the regex.
  return name.match(WORD.for(name)) ?? [];
}
