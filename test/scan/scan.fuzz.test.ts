import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadScanApi } from '../fuzz/api.js';
import { lintSetup } from '../fuzz/lint-properties.js';
import { scanProperty } from '../fuzz/scan-properties.js';
import { sourceFiles } from '../fuzz/sources.js';
import { api, FUZZ_PLAN, SRC } from '../fuzz/setup.js';

const scan = await loadScanApi(SRC);
const { plan } = lintSetup(api, FUZZ_PLAN);

// Arguments nest at most 4 levels here. Excluded until scan bounds its recursion and isolates each
// file: nesting about 1000 levels deep (arrays, objects, parentheses) or 5000 (ternaries), where
// TypeScript's own parser overflows the stack, and binary chains of 5000 terms ('a' + 'a' + ...),
// where the extractor's walk does; runScan throws RangeError on both. `npm run fuzz` goes to 12.
describe('scan on generated TypeScript (property)', () => {
  it('reports every tracking call shape without throwing, on lines of the file', () => {
    fc.assert(
      fc.property(sourceFiles(4), (files) => {
        scanProperty(scan, api, plan, files);
      }),
      { numRuns: 12, interruptAfterTimeLimit: 5000 },
    );
  });
});
