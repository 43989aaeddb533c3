import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProperty } from '../fuzz/plan-properties.js';
import { planFiles } from '../fuzz/plans.js';
import { api } from '../fuzz/setup.js';

describe('loadPlan on generated plans (property)', () => {
  it('gives a usable plan or positioned diagnostics, never an exception', () => {
    const outcomes = { loaded: 0, refused: 0 };
    fc.assert(
      fc.property(planFiles, (files) => {
        outcomes[planProperty(api, files).outcome]++;
      }),
      { numRuns: 25 },
    );
    // Both sides are reached, or the generator has stopped testing one of them.
    expect(outcomes.loaded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);
});
