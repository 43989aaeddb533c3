import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { Suppressions } from '../../src/scan/suppressions.js';

function suppressions(lines: string[]): Suppressions {
  return Suppressions.of(ts.createSourceFile('a.ts', lines.join('\n'), ts.ScriptTarget.Latest, true));
}

describe('Suppressions', () => {
  it('turns rules off on the next line, on the same line, and in ranges, like ESLint', () => {
    const s = suppressions([
      '// cdp-disable-next-line plan/missing-required, plan/invalid-value -- legacy call',
      'track();',
      'track(); // cdp-disable-line',
      '/* cdp-disable plan/unplanned-event */',
      'track();',
      'track();',
      '/* cdp-enable plan/unplanned-event */',
      'track();',
    ]);
    expect(s.isSuppressed('plan/missing-required', 2)).toBe(true);
    expect(s.isSuppressed('plan/invalid-value', 2)).toBe(true);
    expect(s.isSuppressed('plan/unplanned-property', 2)).toBe(false);
    expect(s.isSuppressed('plan/missing-required', 1)).toBe(false);
    expect(s.isSuppressed('anything/at-all', 3)).toBe(true);
    expect(s.isSuppressed('plan/unplanned-event', 5)).toBe(true);
    expect(s.isSuppressed('plan/unplanned-event', 6)).toBe(true);
    expect(s.isSuppressed('plan/missing-required', 6)).toBe(false);
    expect(s.isSuppressed('plan/unplanned-event', 8)).toBe(false);
  });

  it('keeps a range open to the end of the file without cdp-enable, and ignores look-alikes in strings', () => {
    const s = suppressions(["const text = '// cdp-disable-next-line';", 'track();', '/* cdp-disable */', 'track();', '', 'track();']);
    expect(s.isSuppressed('plan/unplanned-event', 2)).toBe(false);
    expect(s.isSuppressed('plan/unplanned-event', 4)).toBe(true);
    expect(s.isSuppressed('naming/event-case', 6)).toBe(true);
  });

  it('applies a multi-line block comment to the line after its end', () => {
    const s = suppressions(['/*', ' * cdp-disable-next-line plan/unplanned-event', ' */', 'track();']);
    expect(s.isSuppressed('plan/unplanned-event', 4)).toBe(false);
    const t = suppressions(['/* cdp-disable-next-line plan/unplanned-event', ' */', 'track();']);
    expect(t.isSuppressed('plan/unplanned-event', 3)).toBe(true);
  });

  it('finds directives after code nested far deeper than recursion could follow', () => {
    const s = suppressions([`const y = a${'.b'.repeat(50_000)}; // cdp-disable-line`, '// cdp-disable-next-line scan/too-deep', 'track();']);
    expect(s.isSuppressed('plan/invalid-value', 1)).toBe(true);
    expect(s.isSuppressed('scan/too-deep', 3)).toBe(true);
    expect(s.isSuppressed('plan/invalid-value', 3)).toBe(false);
  });
});
