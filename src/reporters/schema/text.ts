/** Wording shared by the schema-report formats, so the table, markdown and html say the same things. */
import { LIMITS } from '../../report/aggregate.js';
import { OBSERVED_TYPES, type EventCoverage, type EventRef, type ObservedType, type PropertyCoverage, type SchemaReport } from '../../report/types.js';
import { unicodeEscape } from '../text.js';
import { dayNumber } from './volume-series.js';

/**
 * 0..1 as a percentage with `decimals` decimals. Rounding never claims all or nothing that is not:
 * 0.9996 is `>99.9%` (99.96% present is not all), 0.0004 is `<0.1%`.
 */
export function percent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return '–';
  const step = 10 ** -decimals;
  const fixed = (share * 100).toFixed(decimals);
  if (Number(fixed) >= 100 && share < 1) return `>${(100 - step).toFixed(decimals)}%`;
  if (Number(fixed) <= 0 && share > 0) return `<${step.toFixed(decimals)}%`;
  return `${fixed}%`;
}

export function int(n: number): string {
  return n.toLocaleString('en-US');
}

/** The types seen, most frequent first, each with its count and its share of the values. */
export function typesByCount(types: PropertyCoverage['types']): Array<{ type: ObservedType; count: number; share: number }> {
  const entries = OBSERVED_TYPES.map((type) => ({ type, count: types[type] ?? 0 })).filter((t) => t.count > 0);
  const total = entries.reduce((sum, t) => sum + t.count, 0);
  return entries.sort((a, b) => b.count - a.count).map((t) => ({ ...t, share: t.count / total }));
}

/** `string 98%, null 2%`: every type seen with its share of the values, most frequent first. */
export function typesText(types: PropertyCoverage['types']): string {
  const entries = typesByCount(types);
  if (entries.length === 1) return entries[0]!.type;
  return entries.map(({ type, share }) => `${type} ${Math.max(1, Math.floor(100 * share))}%`).join(', ');
}

/** Distinct scalar values: `>200` past the cap, `—` for a property that only held objects or arrays. */
export function distinctText(p: PropertyCoverage): string {
  if (p.distinct.capped) return `>${LIMITS.distinctValues}`;
  return p.distinct.count === 0 ? '—' : int(p.distinct.count);
}

/** Top values as `"USD" ×600, "EUR" ×90`, in JSON notation so strings and numbers stay apart. */
export function topValuesText(p: PropertyCoverage, maxLength = 60): string {
  if (!p.topValues) return '';
  return p.topValues.map((v) => `${truncate(JSON.stringify(v.value), maxLength)} ×${int(v.count)}`).join(', ');
}

/** What is wrong with a property, in words: missing required values, forbidden types, not in the plan. */
export function propertyFlags(p: PropertyCoverage): string[] {
  const flags: string[] = [];
  if (p.required === true && p.presence < 1) flags.push(p.count === 0 ? 'required, never sent' : 'required, sometimes missing');
  if (p.forbiddenTypes) flags.push(`${p.forbiddenTypes.join(', ')} not allowed`);
  if (p.planned === false) flags.push('not in plan');
  return flags;
}

/** How the plan treats a property: required, optional, spec (allowed by the Segment spec), unplanned; empty in discovery mode. */
export function planText(p: PropertyCoverage): string {
  if (p.planned === null) return '';
  if (p.planned === 'spec') return 'spec';
  if (!p.planned) return 'unplanned';
  return p.required ? 'required' : 'optional';
}

/** `Order Completed`, `identify`, `page "Home"`, `page (no name)`. */
export function eventTitle(e: EventRef, maxLength = 80): string {
  if (e.type === 'track') return e.name === null ? 'track (no event name)' : e.name === '' ? 'track ("" empty name)' : truncate(e.name, maxLength);
  if (e.name === null) return e.type === 'page' || e.type === 'screen' ? `${e.type} (no name)` : e.type;
  return `${e.type} ${truncate(JSON.stringify(e.name), maxLength)}`;
}

export function truncate(text: string, max: number): string {
  // Control characters would move the cursor or clear the screen: show them escaped.
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, unicodeEscape);
  const chars = Array.from(safe);
  return chars.length <= max ? safe : `${chars.slice(0, max - 1).join('')}…`;
}

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * Daily volume as block characters, first to last day, days with no events as spaces; long ranges
 * are folded into at most `width` columns by summing neighbouring days.
 */
export function sparkline(volume: ReadonlyArray<{ day: string; count: number }>, width = 30): string {
  if (volume.length === 0) return '';
  // The report's volumes hold valid days, first to last.
  const first = dayNumber(volume[0]!.day)!;
  const days = dayNumber(volume[volume.length - 1]!.day)! - first + 1;
  const columns = Math.min(width, days);
  const sums = new Array<number>(columns).fill(0);
  for (const { day, count } of volume) sums[Math.floor(((dayNumber(day)! - first) * columns) / days)]! += count;
  const max = Math.max(...sums);
  return sums.map((n) => (n === 0 ? ' ' : BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((n / max) * BLOCKS.length))]!)).join('');
}

/** `14 read · 12 reported · 1 malformed · 1 filtered out`. */
export function totalsLine(report: SchemaReport): string {
  const s = report.summary;
  const inputs = s.tables === undefined ? `${int(s.files)} file${s.files === 1 ? '' : 's'}` : `${int(s.tables)} table${s.tables === 1 ? '' : 's'}`;
  const parts = [inputs, `${int(s.read)} read`, `${int(s.reported)} reported`, `${int(s.malformed)} malformed`, `${int(s.filtered)} filtered out`];
  return parts.join(' · ');
}

/** `2026-11-01 → 2026-11-07`, or nothing when no event had a usable timestamp. */
export function rangeText(from: string | undefined, to: string | undefined): string {
  return from && to ? `${from.slice(0, 10)} → ${to.slice(0, 10)}` : '';
}

/** Timestamp problems, or nothing when every reported event had a valid one. */
export function timestampNote(missing: number, invalid: number): string {
  const parts = [];
  if (missing > 0) parts.push(`${int(missing)} without a timestamp`);
  if (invalid > 0) parts.push(`${int(invalid)} with a timestamp that is not ISO-8601`);
  return parts.join(', ');
}

/** `track · 700 events (58.3%) · 2026-11-01 → 2026-11-07`; the title names the call type of all but track events. */
export function eventTags(e: EventCoverage): string[] {
  const tags = [...(e.type === 'track' ? ['track'] : []), `${int(e.count)} event${e.count === 1 ? '' : 's'} (${percent(e.share)})`];
  const range = rangeText(e.firstSeen, e.lastSeen);
  if (range) tags.push(range);
  return tags;
}
