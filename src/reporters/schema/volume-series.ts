import type { EventCoverage } from '../../report/types.js';

type Volume = EventCoverage['volume'];

const DAY_MS = 86_400_000;

/** Consecutive UTC days, as day numbers since 1970-01-01 (both ends included). */
export interface DayRange {
  first: number;
  last: number;
}

/** Event counts along a day range, in bars of `daysPerBar` days; days with no events count 0. */
export interface VolumeSeries {
  firstDay: string;
  lastDay: string;
  daysPerBar: number;
  bars: number[];
}

/**
 * The day number of a `YYYY-MM-DD` day, or undefined for anything else. The round trip rejects days
 * Date.parse rolls over (`2026-02-30` would otherwise land on March 2nd).
 */
export function dayNumber(day: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return undefined;
  return ms / DAY_MS;
}

export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** From the earliest to the latest valid day of all the volumes; undefined when there is none. */
export function dayRange(volumes: Iterable<Volume>): DayRange | undefined {
  let range: DayRange | undefined;
  for (const volume of volumes) {
    for (const { day } of volume) {
      const n = dayNumber(day);
      if (n === undefined) continue;
      range = range === undefined ? { first: n, last: n } : { first: Math.min(range.first, n), last: Math.max(range.last, n) };
    }
  }
  return range;
}

/**
 * Buckets a volume onto a day range in at most `maxBars` bars. Bars are computed from each day's
 * offset rather than by walking the days, so a stray timestamp decades off costs nothing.
 */
export function volumeSeries(volume: Volume, range: DayRange, maxBars: number): VolumeSeries {
  const days = range.last - range.first + 1;
  const daysPerBar = Math.ceil(days / maxBars);
  const bars = new Array<number>(Math.ceil(days / daysPerBar)).fill(0);
  for (const { day, count } of volume) {
    const n = dayNumber(day);
    if (n === undefined || n < range.first || n > range.last || !Number.isFinite(count)) continue;
    const index = Math.floor((n - range.first) / daysPerBar);
    bars[index] = bars[index]! + count;
  }
  return { firstDay: dayString(range.first), lastDay: dayString(range.last), daysPerBar, bars };
}

/** The first day of a bar. */
export function barStartDay(series: VolumeSeries, index: number): string {
  return dayString(dayNumber(series.firstDay)! + index * series.daysPerBar);
}

/**
 * An SVG path of the bars in a `bars.length` x 100 box: one vertical stroke per bar, to be drawn
 * with a stroke width under 1 (the gap between bars). Bars with events stay at least 2 units tall,
 * so a quiet day still reads apart from a day with none, which draws nothing: a gap.
 */
export function barsPath(bars: readonly number[]): string {
  const peak = Math.max(0, ...bars);
  let d = '';
  bars.forEach((count, i) => {
    if (count <= 0) return;
    d += `M${i}.5 100V${100 - Math.max(2, Math.round((count / peak) * 100))}`;
  });
  return d;
}
