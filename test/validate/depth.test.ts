import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, reportableValue, tooDeepAt } from '../../src/validate/depth.js';

const nested = (levels: number, wrap: (inner: unknown) => unknown, inner: unknown = {}): unknown => {
  let v = inner;
  for (let i = 1; i < levels; i++) v = wrap(v);
  return v;
};

describe('tooDeepAt', () => {
  it('finds nothing at the limit, and the pointer of the first value past it', () => {
    expect(tooDeepAt(nested(MAX_DEPTH, (v) => ({ a: v })))).toBeUndefined();
    expect(tooDeepAt(nested(MAX_DEPTH + 1, (v) => ({ a: v })))).toBe(`/a`.repeat(MAX_DEPTH));
    expect(tooDeepAt({ ok: [1, 2], 'x/y': nested(4, (v) => [v]) }, 3)).toBe('/x~1y/0/0');
    expect(tooDeepAt('scalar', 0)).toBeUndefined();
  });

  it('costs no stack for a value 200,000 levels deep', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(tooDeepAt(deep)).toBe('/0'.repeat(MAX_DEPTH));
  });

  it('keeps an actual value unless it is too deep to write out', () => {
    const fine = { a: [1, { b: 2 }] };
    expect(reportableValue(fine)).toBe(fine);
    expect(reportableValue('text')).toBe('text');
    expect(reportableValue(nested(MAX_DEPTH + 1, (v) => [v]))).toBeUndefined();
  });
});
