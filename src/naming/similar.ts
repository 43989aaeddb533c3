import { levenshtein, normalizeName } from './distance.js';

/** Largest edit distance at which two normalized names count as a likely typo of each other. */
export function similarityThreshold(length: number): number {
  return length < 12 ? 1 : 2;
}

const INDEX_BITS = 2 ** 20;

/**
 * For each name, the closest earlier name within a typo of it (not equal once normalized), as
 * index pairs [earlier, later]: one report per name, however many neighbours it has. Names that
 * duplicate an earlier one once normalized, or differ from it only in numbers, are left out.
 *
 * A plan can hold thousands of events, so rather than comparing every pair, each name is keyed by
 * hashes of its deletion variants (two strings within distance k share a variant with at most k
 * deletions from each), the keys are sorted, and only names sharing a key are compared.
 */
export function findSimilarPairs(names: readonly string[]): Array<[number, number]> {
  if (names.length >= INDEX_BITS) throw new RangeError(`too many names to compare (${names.length})`);
  const normalized = names.map(normalizeName);
  const keys: number[] = [];
  normalized.forEach((word, i) => {
    for (const h of variantHashes(word, similarityThreshold(word.length))) keys.push(h * INDEX_BITS + i);
  });
  const sorted = Float64Array.from(keys).sort();

  const candidates = new Map<number, Set<number>>();
  for (let start = 0; start < sorted.length; ) {
    const hash = Math.floor(sorted[start]! / INDEX_BITS);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / INDEX_BITS) === hash) end++;
    for (let a = start; a < end; a++) {
      const i = sorted[a]! % INDEX_BITS;
      for (let b = a + 1; b < end; b++) {
        const j = sorted[b]! % INDEX_BITS;
        if (i === j) continue;
        const [earlier, later] = i < j ? [i, j] : [j, i];
        let set = candidates.get(later);
        if (!set) candidates.set(later, (set = new Set()));
        set.add(earlier);
      }
    }
    start = end;
  }

  // A name equal to an earlier one once normalized is a duplicate, not a near miss: skip it.
  const firstIndex = new Map<string, number>();
  normalized.forEach((w, i) => firstIndex.has(w) || firstIndex.set(w, i));
  const pairs: Array<[number, number]> = [];
  for (const later of [...candidates.keys()].sort((a, b) => a - b)) {
    const name = normalized[later]!;
    if (firstIndex.get(name) !== later) continue;
    let best: [index: number, distance: number] | undefined;
    for (const earlier of [...candidates.get(later)!].sort((a, b) => a - b)) {
      const other = normalized[earlier]!;
      if (other === name || withoutNumbers(other) === withoutNumbers(name)) continue;
      const max = Math.min(similarityThreshold(name.length), similarityThreshold(other.length));
      const distance = levenshtein(name, other, max);
      if (distance <= max && (!best || distance < best[1])) best = [earlier, distance];
    }
    if (best) pairs.push([best[0], later]);
  }
  return pairs;
}

/** "Step 1 Completed" / "Step 2 Completed", "Order Shipped" / "Order Shipped V2" are numbered on purpose. */
function withoutNumbers(normalized: string): string {
  return normalized.replace(/v?\d+/g, '');
}

const BASE = 0x01000193;

/**
 * 32-bit polynomial hashes of `word` with up to `depth` (at most 2) characters deleted, computed
 * from prefix hashes without building the variant strings. Collisions only add candidates, which
 * the exact distance check then drops.
 */
function variantHashes(word: string, depth: number): Set<number> {
  const n = word.length;
  const prefix = new Uint32Array(n + 1);
  const power = new Uint32Array(n + 1);
  power[0] = 1;
  for (let k = 0; k < n; k++) {
    prefix[k + 1] = (Math.imul(prefix[k]!, BASE) + word.charCodeAt(k)) >>> 0;
    power[k + 1] = Math.imul(power[k]!, BASE) >>> 0;
  }
  const range = (a: number, b: number) => (prefix[b]! - Math.imul(prefix[a]!, power[b - a]!)) >>> 0;
  const join = (left: number, right: number, rightLength: number) => (Math.imul(left, power[rightLength]!) + right) >>> 0;
  const out = new Set<number>([prefix[n]!]);
  if (depth < 1) return out;
  for (let i = 0; i < n; i++) {
    out.add(join(prefix[i]!, range(i + 1, n), n - i - 1));
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const left = join(prefix[i]!, range(i + 1, j), j - i - 1);
      out.add(join(left, range(j + 1, n), n - j - 1));
    }
  }
  return out;
}
