import { describe, expect, it } from 'vitest';
import { CoverageAggregator, LIMITS } from '../../src/report/aggregate.js';
import { buildSchemaReport } from '../../src/report/build-report.js';
import { aggregate, lines } from './helpers.js';

const track = (event: string, properties: unknown, extra: object = {}) => ({ type: 'track', event, userId: 'u', timestamp: '2026-11-02T10:00:00Z', properties, ...extra });

describe('CoverageAggregator', () => {
  it('counts every line once as reported, malformed or filtered', () => {
    const agg = aggregate(lines(track('A', {}), 'not json', '{"truncated":', '42', '{"no":"type"}', '', { batch: [track('A', {}), track('B', {})] }), { events: new Set(['A']) });
    expect({ read: agg.read, reported: agg.reported, malformed: agg.malformed, filtered: agg.filtered }).toEqual({ read: 7, reported: 2, malformed: 4, filtered: 1 });
    expect(agg.malformedAt.map((m) => m.line)).toEqual([2, 3, 4, 5]);
  });

  it('counts an event it fails on (a bug in cdp) as reported, says where, and goes on', () => {
    const agg = new CoverageAggregator();
    const hostile = new Proxy(track('A', {}), {
      get(target, key) {
        if (key === 'properties') throw new Error('the payload bit back');
        return Reflect.get(target, key);
      },
    });
    agg.add(track('A', { a: 1 }), { file: 'log.ndjson', line: 1 });
    agg.add(hostile, { file: 'log.ndjson', line: 2 });
    agg.add(track('A', { a: 2 }), { file: 'log.ndjson', line: 3 });
    expect({ read: agg.read, reported: agg.reported, malformed: agg.malformed, filtered: agg.filtered }).toEqual({ read: 3, reported: 3, malformed: 0, filtered: 0 });
    expect(agg.rows.get('track\u0000A')!.root.children!.get('a')!.count).toBe(2);
    expect(buildSchemaReport(agg, { files: 1 }).notes).toEqual(['log.ndjson:2: cdp failed while counting this event (Error: the payload bit back); this is a bug in cdp, please report it with this input']);
  });

  it('keeps one row per call type and name, taking "Track" as track and a typeless event as track', () => {
    const agg = aggregate(lines(track('A', {}), { ...track('A', {}), type: 'Track' }, { event: 'A', userId: 'u' }, { type: 'page', name: 'Home', anonymousId: 'a' }, { type: 'page', anonymousId: 'a' }, { type: 'identify', userId: 'u', traits: {} }));
    expect([...agg.rows.values()].map((r) => [r.type, r.name, r.count])).toEqual([
      ['track', 'A', 3],
      ['page', 'Home', 1],
      ['page', null, 1],
      ['identify', null, 1],
    ]);
  });

  it('counts types per path, integers apart from other numbers, nested keys and array items included', () => {
    const agg = aggregate(lines(track('A', { price: 1, address: { city: 'Oslo' }, items: [{ sku: 'x' }, { sku: 3.5 }, 'loose'] }), track('A', { price: 1.5, address: null })));
    const root = agg.rows.get('track\u0000A')!.root;
    const price = root.children!.get('price')!;
    expect([price.count, price.typeCount('integer'), price.typeCount('number')]).toEqual([2, 1, 1]);
    const address = root.children!.get('address')!;
    expect([address.typeCount('object'), address.typeCount('null'), address.children!.get('city')!.count]).toEqual([1, 1, 1]);
    const items = root.children!.get('items')!.items!;
    expect([items.count, items.typeCount('object'), items.typeCount('string')]).toEqual([3, 2, 1]);
    expect([...items.children!.get('sku')!.values!]).toEqual([['x', 1], [3.5, 1]]);
  });

  it('stops counting distinct values past the cap', () => {
    const events = Array.from({ length: LIMITS.distinctValues + 5 }, (_, i) => track('A', { id: `id-${i}`, plan: i % 2 ? 'pro' : 'free' }));
    const root = aggregate(lines(...events)).rows.get('track\u0000A')!.root;
    expect(root.children!.get('id')!.values).toBeNull();
    expect([...root.children!.get('plan')!.values!.keys()].sort()).toEqual(['free', 'pro']);
  });

  it('caps the paths tracked per event and counts what it could not track', () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key_${i}`, i]));
    const row = aggregate(lines(track('Wide', wide))).rows.get('track\u0000Wide')!;
    expect(row.paths).toBe(LIMITS.pathsPerRow);
    expect(row.untrackedPaths).toBe(10_000 - LIMITS.pathsPerRow);
  });

  it('does not follow values nested past the depth limit, and does not overflow the stack', () => {
    const deep = `${'{"n":'.repeat(10_000)}"bottom"${'}'.repeat(10_000)}`;
    const text = `{"type":"track","event":"Deep","userId":"u","properties":${deep}}`;
    const row = aggregate(text).rows.get('track\u0000Deep')!;
    expect(row.paths).toBe(LIMITS.depth);
    expect(row.tooDeep).toBe(1);
  });

  it('treats __proto__ and constructor as ordinary property names', () => {
    const row = aggregate('{"type":"track","event":"P","userId":"u","properties":{"__proto__":{"polluted":1},"constructor":"x"}}').rows.get('track\u0000P')!;
    expect([...row.root.children!.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts missing and unparseable timestamps, and takes a time without offset as UTC', () => {
    const agg = aggregate(lines(track('A', {}, { timestamp: undefined }), track('A', {}, { timestamp: '11/02/2026 09:19' }), track('A', {}, { timestamp: 12345 }), track('A', {}, { timestamp: '2026-11-02T23:30:00' })));
    const row = agg.rows.get('track\u0000A')!;
    expect([row.timestampMissing, row.timestampInvalid]).toEqual([1, 2]);
    expect(new Date(row.firstMs).toISOString()).toBe('2026-11-02T23:30:00.000Z');
    expect([...row.days.values()]).toEqual([1]);
  });

  it('falls back to originalTimestamp, sentAt and receivedAt', () => {
    const row = aggregate(lines(track('A', {}, { timestamp: undefined, sentAt: '2026-01-01T00:00:00Z' }))).rows.get('track\u0000A')!;
    expect(new Date(row.firstMs).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('filters by time, leaving events without a usable timestamp out', () => {
    const since = Date.parse('2026-11-02T00:00:00Z');
    const agg = aggregate(lines(track('A', {}, { timestamp: '2026-11-01T10:00:00Z' }), track('A', {}), track('A', {}, { timestamp: 'yesterday' })), { sinceMs: since });
    expect([agg.reported, agg.filtered]).toEqual([1, 2]);
  });

  it('keeps an empty event name and a 10 KB one as rows of their own', () => {
    const long = 'x'.repeat(10_240);
    const agg = aggregate(lines(track('', {}), track(long, {})));
    expect([...agg.rows.values()].map((r) => r.name?.length)).toEqual([0, 10_240]);
  });
});
