import { describe, expect, it } from 'vitest';
import { levenshtein, normalizeName } from '../../src/naming/distance.js';
import { findSimilarPairs, similarityThreshold } from '../../src/naming/similar.js';

describe('findSimilarPairs', () => {
  it('pairs each name with its closest earlier near miss', () => {
    expect(findSimilarPairs(['Order Completed', 'Order Complete', 'Signed In', 'Signed Up', 'order_completed'])).toEqual([[0, 1]]);
    expect(findSimilarPairs(['Product Viewed', 'Products Viewed', 'Product Vewed'])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it('leaves out names that differ only in numbers or a version suffix', () => {
    expect(findSimilarPairs(['Step 1 Completed', 'Step 2 Completed', 'Order Shipped', 'Order Shipped V2', 'Order Shiped'])).toEqual([[2, 4]]);
  });

  it('finds exactly the pairs a brute-force comparison finds', () => {
    const words = ['cart viewed', 'card viewed', 'cart viewd', 'carts viewed', 'checkout started', 'checkout startd', 'checkot started', 'chekout startd', 'a', 'b', 'ab', 'abc', 'video played', 'Video Played', 'video paused', 'vidoe played', 'order shipped', 'order shippd', 'orders shipped!', 'step 1 done', 'step 2 done', 'step 2 dome'];
    const brute: Array<[number, number]> = [];
    const n = words.map(normalizeName);
    n.forEach((w, i) => {
      let best: [number, number] | undefined;
      for (let j = 0; j < i; j++) {
        if (n[j] === w || n[j]!.replace(/v?\d+/g, '') === w.replace(/v?\d+/g, '')) continue;
        const max = Math.min(similarityThreshold(w.length), similarityThreshold(n[j]!.length));
        const d = levenshtein(w, n[j]!);
        if (d <= max && (!best || d < best[1])) best = [j, d];
      }
      if (best && !n.slice(0, i).includes(w)) brute.push([best[0], i]);
    });
    expect(findSimilarPairs(words)).toEqual(brute);
    expect(brute.length).toBeGreaterThan(8);
  });
});
