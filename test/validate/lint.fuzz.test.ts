import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lintInput } from '../fuzz/inputs.js';
import { lintProperty, lintSetup } from '../fuzz/lint-properties.js';
import { api, FUZZ_PLAN } from '../fuzz/setup.js';

const setup = lintSetup(api, FUZZ_PLAN);

describe('lint on generated input (property)', () => {
  it('never throws, reconciles its counts and puts every diagnostic on a line of the input', async () => {
    await fc.assert(
      fc.asyncProperty(lintInput, fc.integer({ min: 0, max: 1 }), (input, checker) => lintProperty(api, setup, input, checker).then(() => undefined)),
      { numRuns: 100 },
    );
  });
});
