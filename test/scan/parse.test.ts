import { describe, expect, it } from 'vitest';
import { tryParse } from '../../src/scan/parse.js';

describe('tryParse', () => {
  it('parses what the parser gets through, however long', () => {
    const parsed = tryParse('/p/a.ts', `const y = ${'1+'.repeat(50_000)}1;\n`);
    expect('source' in parsed && parsed.source.statements).toHaveLength(1);
  });

  it('names where code nested too deep for the parser got too deep, whatever nests', () => {
    const cases = [
      `const x = 1;\nconst y = ${'['.repeat(5000)}1${']'.repeat(5000)};\n`,
      `const x = 1;\nconst y = ${'(1+'.repeat(5000)}1${')'.repeat(5000)};\n`,
      `const x = 1;\n${'function f() {'.repeat(5000)}${'}'.repeat(5000)}\n`,
      `const x = 1;\nconst y = ${'`${'.repeat(5000)}1${'}`'.repeat(5000)};\n`,
    ];
    for (const text of cases) {
      const parsed = tryParse('/p/a.ts', text);
      expect('problem' in parsed, text.slice(0, 40)).toBe(true);
      if (!('problem' in parsed)) continue;
      expect(parsed.problem.message).toBe('the code nests too deep for the TypeScript parser here');
      expect(parsed.problem.line).toBe(2);
      // Somewhere inside the nesting: past the first levels and before it closes.
      expect(parsed.problem.column).toBeGreaterThan(100);
      expect(parsed.problem.column).toBeLessThan(text.split('\n')[1]!.length / 2);
    }
  });

  it('counts lines as TypeScript does (\\r\\n, \\r, \\u2028)', () => {
    const parsed = tryParse('/p/a.ts', `a;\r\nb;\rc;\u2028${'['.repeat(5000)}`);
    expect('problem' in parsed && parsed.problem.line).toBe(4);
  });
});
