import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintInput } from '../fuzz/inputs.js';
import { lintProperty, lintSetup } from '../fuzz/lint-properties.js';
import { api, FUZZ_PLAN } from '../fuzz/setup.js';

const setup = lintSetup(api, FUZZ_PLAN);

const EVENT = '{"type":"track","event":"Order Completed","userId":"u","properties":{"order_id":"o","é":["🎉"]}}';
const SAMPLES: Record<string, string> = {
  ndjson: `\ufeff${EVENT}\r\n{"batch":[${EVENT},{"type":"identify","userId":"u"}]}\n\n${EVENT}\n`,
  array: `[\n  ${EVENT},\n  {"type":"page","name":"Home"}\n]\n`,
  batch: `{\n  "sentAt": "2024-01-15",\n  "batch": [\n    ${EVENT}\n  ]\n}\n`,
};

describe('lint on generated input (property)', () => {
  it('never throws, reconciles its counts and puts every diagnostic on a line of the input', async () => {
    await fc.assert(
      fc.asyncProperty(lintInput, fc.integer({ min: 0, max: 1 }), async (input, checker) => {
        await lintProperty(api, setup, input, checker);
      }),
      // Bounded in time too: a loaded machine runs fewer inputs rather than time out.
      { numRuns: 100, interruptAfterTimeLimit: 5000 },
    );
  });

  for (const [kind, text] of Object.entries(SAMPLES)) {
    it(`holds for a ${kind} input cut at every byte`, async () => {
      const bytes = Buffer.from(text);
      let read = 0;
      for (let cut = 0; cut <= bytes.length; cut++) {
        const plain = bytes.subarray(0, cut);
        const result = await lintProperty(api, setup, { kind, count: undefined, plain, bytes: plain, cut: false, chunk: 7, unitBytes: 64, maxElements: 2 });
        read = result.read;
      }
      // The whole input, at the last cut, is read in full.
      expect(read).toBe(kind === 'ndjson' ? 4 : kind === 'array' ? 2 : 1);
    });
  }
});
