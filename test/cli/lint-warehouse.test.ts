import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/lint-warehouse.js';
import { UsageError } from '../../src/cli/io.js';

const NOW = Date.parse('2026-11-10T12:00:00.000Z');

describe('--since', () => {
  it('takes a period back from now, a date (from the start of that UTC day) or a date-time', () => {
    expect(parseSince('7d', NOW)).toEqual({ iso: '2026-11-03T12:00:00.000Z' });
    expect(parseSince('24h', NOW)).toEqual({ iso: '2026-11-09T12:00:00.000Z' });
    expect(parseSince('2026-11-01', NOW)).toEqual({ iso: '2026-11-01T00:00:00.000Z' });
    expect(parseSince('2026-11-01T08:30:00+02:00', NOW)).toEqual({ iso: '2026-11-01T06:30:00.000Z' });
  });

  it('refuses anything else with a usage error', () => {
    for (const value of ['7', 'd7', '7 days', '2026-13-01', '']) expect(() => parseSince(value, NOW)).toThrow(UsageError);
  });
});
