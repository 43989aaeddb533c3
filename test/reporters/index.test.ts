import { describe, expect, it } from 'vitest';
import { getReporter, REPORTER_NAMES } from '../../src/reporters/index.js';
import { json } from '../../src/reporters/json.js';
import { fixtureReport, options } from './fixture.js';

describe('reporter lookup', () => {
  it('finds every listed reporter by name', () => {
    for (const name of REPORTER_NAMES) {
      const reporter = getReporter(name);
      expect(reporter, name).toBeTypeOf('function');
      expect(reporter!(fixtureReport(), options()).length, name).toBeGreaterThan(0);
    }
    expect(getReporter('json')).toBe(json);
  });

  it('returns undefined for unknown names, including inherited object keys', () => {
    for (const name of ['xml', '', 'toString', '__proto__', 'constructor', 'JSON']) {
      expect(getReporter(name), name).toBeUndefined();
    }
  });

  it('is pure: the same report renders the same text and is not modified', () => {
    const report = fixtureReport();
    const before = structuredClone(report);
    for (const name of REPORTER_NAMES) {
      const reporter = getReporter(name)!;
      expect(reporter(report, options())).toBe(reporter(report, options()));
    }
    expect(report).toEqual(before);
  });
});
