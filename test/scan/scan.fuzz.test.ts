import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadScanApi } from '../fuzz/api.js';
import { lintSetup } from '../fuzz/lint-properties.js';
import { scanProperty } from '../fuzz/scan-properties.js';
import { sourceFiles } from '../fuzz/sources.js';
import { api, FUZZ_PLAN, SRC } from '../fuzz/setup.js';

const scan = await loadScanApi(SRC);
const { plan } = lintSetup(api, FUZZ_PLAN);

describe('scan on generated TypeScript (property)', () => {
  it('reports every tracking call shape without throwing, on lines of the file', () => {
    fc.assert(
      fc.property(sourceFiles(4), (files) => {
        scanProperty(scan, api, plan, files);
      }),
      { numRuns: 12 },
    );
  });
});
