import { levenshtein, normalizeName } from './distance.js';

/** Largest edit distance at which two normalized names count as a likely typo of each other. */
export function similarityThreshold(length: number): number {
  return length < 12 ? 1 : 2;
}

/**
 * For each name, the closest earlier name within a typo of it (not equal once normalized), as
 * index pairs [earlier, later]: one report per name, however many neighbours it has.
 * A plan can hold thousands of events, so instead of comparing every pair it indexes each name by
 * its deletion variants (two strings within distance k share a variant with at most k deletions
 * from each) and verifies only the candidates that share one.
 */
export function findSimilarPairs(names: readonly string[]): Array<[number, number]> {
  const normalized = names.map(normalizeName);
  const index = new Map<string, number[]>();
  const candidates = new Set<number>();
  const pairs: Array<[number, number]> = [];
  normalized.forEach((name, i) => {
    const variants = deletionVariants(name, similarityThreshold(name.length));
    candidates.clear();
    for (const variant of variants) {
      const bucket = index.get(variant);
      if (bucket) for (const j of bucket) candidates.add(j);
    }
    let best: [index: number, distance: number] | undefined;
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const other = normalized[j]!;
      if (other === name) continue;
      const max = Math.min(similarityThreshold(name.length), similarityThreshold(other.length));
      const distance = levenshtein(name, other, max);
      if (distance <= max && (!best || distance < best[1])) best = [j, distance];
    }
    if (best) pairs.push([best[0], i]);
    for (const variant of variants) {
      const bucket = index.get(variant);
      if (bucket) {
        if (bucket.at(-1) !== i) bucket.push(i);
      } else index.set(variant, [i]);
    }
  });
  return pairs;
}

function deletionVariants(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}
