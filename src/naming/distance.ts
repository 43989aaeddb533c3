/** Edit distance and name normalisation, for "did you mean" hints and duplicate detection. */

import { NamePattern } from './name-pattern.js';

// Scratch rows reused across calls: closest() compares one name with many candidates, and the
// payload linter calls it per distinct unknown name, so allocation would dominate.
let previous = new Uint32Array(64);
let current = new Uint32Array(64);

/**
 * Levenshtein distance between `a` and `b` (UTF-16 code units). With `max`, gives up as soon as
 * the distance is known to exceed it and returns `max + 1`.
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  // Rows as long as the shorter string.
  if (a.length > b.length) [a, b] = [b, a];
  // Each extra character costs one edit, so the length difference is a lower bound.
  if (b.length - a.length > max) return max + 1;
  if (a.length === 0) return b.length;
  if (previous.length <= a.length) {
    previous = new Uint32Array(a.length * 2);
    current = new Uint32Array(a.length * 2);
  }
  for (let i = 0; i <= a.length; i++) previous[i] = i;
  for (let j = 1; j <= b.length; j++) {
    const bj = b.charCodeAt(j - 1);
    current[0] = j;
    let rowMin = j;
    for (let i = 1; i <= a.length; i++) {
      const cost = a.charCodeAt(i - 1) === bj ? 0 : 1;
      const value = Math.min(
        (previous[i] as number) + 1,
        (current[i - 1] as number) + 1,
        (previous[i - 1] as number) + cost,
      );
      current[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  const distance = previous[a.length] as number;
  return distance > max ? max + 1 : distance;
}

const NOT_WORD_CHAR = new NamePattern(({ upper, lower, caseless, digit }) => `[^${upper}${lower}${caseless}${digit}]+`, 'gu');

/** Lower case without separators or whitespace: "Order_Completed" and "order completed" → "ordercompleted". */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.replace(NOT_WORD_CHAR.for(lower), '');
}

/**
 * The candidate nearest to `name` after normalisation (so case and separators are free), within
 * `maxDistance` (default 1 for names shorter than 12 characters, else 2). Ties go to the earlier
 * candidate. A candidate equal to `name` once normalised is a match at distance 0.
 */
export function closest(name: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const target = normalizeName(name);
  if (target === '') return undefined;
  let bound = maxDistance ?? (target.length < 12 ? 1 : 2);
  let best: string | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(target, normalizeName(candidate), bound);
    if (distance > bound) continue;
    best = candidate;
    if (distance === 0) break;
    // Only a strictly better candidate may replace this one, which keeps ties in order.
    bound = distance - 1;
  }
  return best;
}
