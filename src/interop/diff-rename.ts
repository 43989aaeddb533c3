import { levenshtein, normalizeName } from '../naming/distance.js';

export interface RenameCandidates {
  removed: readonly string[];
  added: readonly string[];
  /** What a name stands for, written one way on both sides: equal shapes accept the same values. */
  shapeOf(name: string, side: 'old' | 'new'): string;
  /** A shape too common to pair names by alone (a bare string, an event without properties). */
  isCommon(shape: string): boolean;
}

/**
 * Pairs a removed name with an added one that looks like it: the same shape, and no other name on
 * either side that fits as well. Where the shape is common, the names must look alike too, so two
 * unrelated string properties are never called a rename. Returns [removed, added] pairs.
 */
export function findRenames({ removed, added, shapeOf, isCommon }: RenameCandidates): Array<[string, string]> {
  const oldShapes = new Map(removed.map((name) => [name, shapeOf(name, 'old')]));
  const newShapes = new Map(added.map((name) => [name, shapeOf(name, 'new')]));
  const fits = (from: string, to: string): boolean => {
    const shape = oldShapes.get(from)!;
    return shape === newShapes.get(to) && (!isCommon(shape) || similarNames(from, to));
  };
  const pairs: Array<[string, string]> = [];
  for (const from of removed) {
    const targets = added.filter((to) => fits(from, to));
    if (targets.length !== 1) continue;
    const to = targets[0]!;
    if (removed.filter((other) => fits(other, to)).length === 1) pairs.push([from, to]);
  }
  return pairs;
}

/** Names that differ by case, separators, a few letters, or a word added around them. */
export function similarNames(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  if (shorter >= 3 && (x.includes(y) || y.includes(x))) return true;
  const allowed = Math.max(1, Math.floor(shorter / 4));
  return levenshtein(x, y, allowed) <= allowed;
}
