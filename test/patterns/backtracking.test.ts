import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from '../../src/patterns/backtracking.js';

describe('backtrackingRisk', () => {
  it.each([
    ['^(a+)+$', 'exponential', 2],
    ['^(\\w+\\s?)+$', 'exponential', 2],
    ['^(a|a)*$', 'exponential', 2],
    ['^([a-z0-9]+[-._]?)*[a-z0-9]+@', 'exponential', 2],
    ['^\\d+\\d+$', 'polynomial', 1],
    ['\\s+$', 'polynomial', 0],
  ])('/%s/ is %s from offset %i', (pattern, complexity, offset) => {
    expect(backtrackingRisk(pattern)).toMatchObject({ complexity, offset });
  });

  it('gives the degree of a polynomial', () => {
    expect(backtrackingRisk('^\\S+@\\S+\\.\\S+$')).toEqual({ complexity: 'polynomial', degree: 3, offset: 1 });
  });

  it.each(['^[A-Z]{3}$', '^[a-z0-9_]+$', 'Evil Morty|Lawyer Morty', '^(\\d+\\.)*\\d+$', '^[a-z]+(_[a-z]+)*$', '^(?:\\p{Lu}\\p{Ll}+)(?: \\p{Lu}\\p{Ll}+)*$'])(
    '/%s/ is linear',
    (pattern) => {
      expect(backtrackingRisk(pattern)).toBeUndefined();
    },
  );
});
