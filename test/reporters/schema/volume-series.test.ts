import { describe, expect, it } from 'vitest';
import { barStartDay, barsPath, dayNumber, dayRange, dayString, volumeSeries } from '../../../src/reporters/schema/volume-series.js';

describe('dayNumber', () => {
  it('counts days from 1970-01-01 and round-trips through dayString', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-11-07')).toBe(20764);
    expect(dayString(20764)).toBe('2026-11-07');
  });

  it('rejects what is not a calendar day, including days Date.parse would roll over', () => {
    for (const day of ['2026-02-30', '2026-13-01', '2026-1-01', 'yesterday', '', '2026-11-07T00:00:00Z']) expect(dayNumber(day), day).toBeUndefined();
    expect(dayNumber('2024-02-29')).toBe(19782);
  });
});

describe('dayRange', () => {
  it('spans the earliest to the latest valid day of all volumes', () => {
    const range = dayRange([
      [{ day: '2026-11-03', count: 1 }],
      [{ day: 'bad', count: 1 }, { day: '2026-11-01', count: 1 }, { day: '2026-11-09', count: 1 }],
    ]);
    expect(range).toEqual({ first: dayNumber('2026-11-01'), last: dayNumber('2026-11-09') });
    expect(dayRange([[], [{ day: 'bad', count: 1 }]])).toBeUndefined();
  });
});

describe('volumeSeries', () => {
  const volume = [{ day: '2026-11-01', count: 5 }, { day: '2026-11-04', count: 7 }];

  it('puts a bar on every day of the range, 0 for days without events', () => {
    const series = volumeSeries(volume, dayRange([volume])!, 366);
    expect(series).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-04', daysPerBar: 1, bars: [5, 0, 0, 7] });
  });

  it('gathers days into bars of several days when the range has more days than bars', () => {
    const series = volumeSeries(volume, dayRange([volume])!, 2);
    expect(series).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-04', daysPerBar: 2, bars: [5, 7] });
    expect(barStartDay(series, 1)).toBe('2026-11-03');
  });

  it('handles a range of decades by arithmetic, in at most the bars it is given', () => {
    const far = [{ day: '0001-01-01', count: 1 }, { day: '9999-12-31', count: 2 }];
    const series = volumeSeries(far, dayRange([far])!, 60);
    expect(series.bars.length).toBeLessThanOrEqual(60);
    expect(series.bars[0]).toBe(1);
    expect(series.bars.at(-1)).toBe(2);
    expect(series.bars.reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('barsPath', () => {
  it('draws a stroke per bar with events, scaled to the peak, at least 2 units tall, nothing for empty bars', () => {
    expect(barsPath([200, 0, 1, 100])).toBe('M0.5 100V0M2.5 100V98M3.5 100V50');
    expect(barsPath([0, 0])).toBe('');
  });
});
