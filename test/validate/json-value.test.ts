import { describe, expect, it } from 'vitest';
import { preview } from '../../src/validate/json-value.js';

describe('preview', () => {
  it('quotes a value as JSON.stringify writes it, cut to the length asked', () => {
    for (const value of [{ a: 1, b: [1, 2, { c: 'x' }], u: undefined }, 'a"b', 1.5, -0, null, true, [undefined, () => 1], { k: Symbol('s') }]) {
      expect(preview(value, 200)).toBe(JSON.stringify(value));
    }
    expect(preview('x'.repeat(100))).toBe(`"${'x'.repeat(58)}…`);
    expect(preview(undefined)).toBe('undefined');
    expect(preview(Symbol('unknown value'))).toBe('Symbol(unknown value)');
  });

  it('writes only what it shows of a value thousands of levels deep or megabytes long', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(preview(deep)).toBe(`${'['.repeat(59)}…`);
    const deepObject = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(preview(deepObject, 20)).toBe(`${'{"a":'.repeat(3)}{"a"…`);
    expect(preview({ big: 'y'.repeat(10_000_000) }, 12)).toBe('{"big":"yyy…');
  });
});
