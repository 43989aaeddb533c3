import { describe, expect, it } from 'vitest';
import { closest, levenshtein, normalizeName } from '../../src/naming/distance.js';

describe('levenshtein', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['order', 'order', 0],
    ['order', 'ordre', 2],
    ['ordercompleted', 'ordercomplete', 1],
    ['注文完了', '注文完', 1],
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });

  it('stops early and returns max + 1 beyond max', () => {
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(levenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(levenshtein('a', 'abcdef', 2)).toBe(3);
    expect(levenshtein('abcdef', 'ghijkl', 0)).toBe(1);
  });

  it('works for strings longer than its initial scratch buffers', () => {
    const a = 'x'.repeat(300);
    expect(levenshtein(a, `${a}y`)).toBe(1);
    expect(levenshtein(`${'y'.repeat(200)}`, 'y'.repeat(100))).toBe(100);
  });
});

describe('normalizeName', () => {
  it.each<[string, string]>([
    ['Order_Completed', 'ordercompleted'],
    ['order completed', 'ordercompleted'],
    ['order-completed', 'ordercompleted'],
    ['OrderCompleted', 'ordercompleted'],
    ['  Order.Completed!  ', 'ordercompleted'],
    ['Bestellung Abgeschlossen', 'bestellungabgeschlossen'],
    ['utm_source2', 'utmsource2'],
  ])('%j → %j', (name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });
});

describe('closest', () => {
  const events = ['Order Completed', 'Order Refunded', 'Product Added', 'Product Viewed'];

  it.each<[string, string | undefined]>([
    ['order_completed', 'Order Completed'],
    ['Order Complted', 'Order Completed'],
    ['Ordr Compltd', undefined],
    ['Product Addd', 'Product Added'],
    ['Product Add', undefined],
    ['Report Downloaded', undefined],
    ['', undefined],
  ])('%j → %j', (name, expected) => {
    expect(closest(name, events)).toBe(expected);
  });

  it('uses a threshold of 1 below 12 normalized characters and 2 from 12', () => {
    expect(closest('cartid', ['cart_idxx'])).toBeUndefined();
    expect(closest('cartid', ['cart_idx'])).toBe('cart_idx');
    expect(closest('productsearched', ['Products Searchd'])).toBe('Products Searchd');
    expect(closest('productsearched', ['Products Searchd!!'])).toBe('Products Searchd!!');
    expect(closest('productsearchedx', ['Products Searched Extra'])).toBeUndefined();
  });

  it('honours an explicit maxDistance', () => {
    expect(closest('ordr', ['order_id', 'order'], 0)).toBeUndefined();
    expect(closest('ordr', ['order_id', 'order'], 1)).toBe('order');
    expect(closest('ordr', ['order_id', 'order'], 4)).toBe('order');
  });

  it('prefers the nearer candidate, then the earlier one', () => {
    expect(closest('abcd', ['abxx', 'abcx'], 2)).toBe('abcx');
    expect(closest('abcd', ['abcx', 'abcy'], 2)).toBe('abcx');
    expect(closest('abcd', ['abcy', 'abcx'], 2)).toBe('abcy');
  });

  it('matches nothing for a name without letters or digits', () => {
    expect(closest('', ['a', 'b'])).toBeUndefined();
    expect(closest('!!', ['a', '?'])).toBeUndefined();
  });

  it('accepts any iterable', () => {
    expect(closest('order complted', new Set(events))).toBe('Order Completed');
  });
});
