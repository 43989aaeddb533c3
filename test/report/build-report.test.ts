import { describe, expect, it } from 'vitest';
import { buildSchemaReport } from '../../src/report/build-report.js';
import type { PropertyCoverage } from '../../src/report/types.js';
import { planFrom } from '../helpers/plan.js';
import { aggregate, lines } from './helpers.js';

const plan = planFrom(`
plan: shop
version: 2
types:
  Product:
    type: object
    properties:
      sku: { type: string, required: true }
      price: number
events:
  Order Completed:
    description: d
    properties:
      order_id: { type: string, required: true }
      revenue: { type: [number, "null"] }
      currency: { enum: [USD, EUR] }
      products: { type: array, items: Product }
      address:
        type: object
        properties:
          city: { type: string, required: true }
      meta: { type: object }
  Old Event:
    description: d
    deprecated: true
  Never Sent:
    description: d
pages:
  Home: { description: d }
identify:
  traits:
    email: { type: string, required: true }
`);

const order = (properties: object, timestamp = '2026-11-02T10:00:00Z') => ({ type: 'track', event: 'Order Completed', userId: 'u', timestamp, properties });
const log = lines(
  order({ order_id: 'o1', revenue: 10, currency: 'USD', products: [{ sku: 'a', price: 1 }, { price: 2 }], meta: { any: 1 } }),
  order({ order_id: 'o2', revenue: '10', currency: 'usd', products: [{ sku: 'b', price: 3 }], address: { zip: '1' }, extra: true }, '2026-11-04T10:00:00Z'),
  order({ revenue: null }, '2026-11-04T11:00:00Z'),
  order({ order_id: 'o4' }, '2026-11-04T12:00:00Z'),
  { type: 'track', event: 'Old Event', userId: 'u', timestamp: '2026-11-01T00:00:00Z' },
  { type: 'track', event: 'Surprise', userId: 'u', timestamp: '2026-11-01T00:00:00Z', properties: { a: 1 } },
  { type: 'identify', userId: 'u', timestamp: '2026-11-03T00:00:00Z', traits: { name: 'x' } },
);

function prop(properties: PropertyCoverage[], path: string): PropertyCoverage {
  const found = properties.find((p) => p.path === path);
  if (!found) throw new Error(`no property ${path} in ${properties.map((p) => p.path).join(', ')}`);
  return found;
}

describe('buildSchemaReport against a plan', () => {
  const report = buildSchemaReport(aggregate(log), { plan, planFile: 'plan.yaml', files: 1, minCoverage: 90 });
  const orders = report.events.find((e) => e.name === 'Order Completed')!;

  it('sums the totals and orders rows by count', () => {
    expect(report.summary).toMatchObject({ read: 7, reported: 7, malformed: 0, filtered: 0, firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-04T12:00:00.000Z' });
    expect(report.events.map((e) => [e.type, e.name, e.count])).toEqual([
      ['track', 'Order Completed', 4],
      ['track', 'Old Event', 1],
      ['track', 'Surprise', 1],
      ['identify', null, 1],
    ]);
    expect(orders.share).toBeCloseTo(4 / 7);
    expect(orders.volume).toEqual([{ day: '2026-11-02', count: 1 }, { day: '2026-11-04', count: 3 }]);
  });

  it('computes presence against the parent: the event, the parent object, the array items', () => {
    expect(prop(orders.properties, 'order_id')).toMatchObject({ count: 3, presence: 0.75, planned: true, required: true });
    expect(prop(orders.properties, 'products[]')).toMatchObject({ count: 3, presence: 1, types: { object: 3 } });
    expect(prop(orders.properties, 'products[].sku')).toMatchObject({ count: 2, presence: 2 / 3, required: true });
    expect(prop(orders.properties, 'address.city')).toMatchObject({ count: 0, presence: 0, planned: true, required: true });
  });

  it('flags types the plan forbids, and knows an integer is a number', () => {
    expect(prop(orders.properties, 'revenue')).toMatchObject({ types: { integer: 1, string: 1, null: 1 }, forbiddenTypes: ['string'] });
    expect(prop(orders.properties, 'products[].price').forbiddenTypes).toBeUndefined();
    expect(prop(orders.properties, 'currency')).toMatchObject({ topValues: [{ value: 'USD', count: 1 }, { value: 'usd', count: 1 }] });
  });

  it('marks unplanned properties, but not the children of a free-form object', () => {
    expect(prop(orders.properties, 'extra')).toMatchObject({ planned: false, required: false });
    expect(prop(orders.properties, 'address.zip')).toMatchObject({ planned: false });
    expect(prop(orders.properties, 'meta.any')).toMatchObject({ planned: true });
  });

  it('lists planned properties that never arrived, in plan order before the unplanned ones', () => {
    expect(orders.properties.map((p) => p.path)).toEqual(['order_id', 'revenue', 'currency', 'products', 'products[]', 'products[].sku', 'products[].price', 'address', 'address.city', 'address.zip', 'meta', 'meta.any', 'extra']);
  });

  it('lists unplanned and unseen events, and marks deprecated ones', () => {
    expect(report.unplannedEvents).toEqual([{ type: 'track', name: 'Surprise' }]);
    expect(report.unseenEvents).toEqual([{ type: 'track', name: 'Never Sent' }, { type: 'page', name: 'Home' }]);
    expect(report.events.find((e) => e.name === 'Old Event')!.deprecated).toBe(true);
  });

  it('fails required properties under --min-coverage, a nested one only where its parent object arrived', () => {
    expect(report.coverageFailures).toEqual([
      { event: { type: 'track', name: 'Order Completed' }, path: 'order_id', presence: 0.75 },
      { event: { type: 'track', name: 'Order Completed' }, path: 'products[].sku', presence: 2 / 3 },
      { event: { type: 'track', name: 'Order Completed' }, path: 'address.city', presence: 0 },
      { event: { type: 'identify', name: null }, path: 'email', presence: 0 },
    ]);
    const withoutAddress = buildSchemaReport(aggregate(lines(order({ order_id: 'o1' }))), { plan, files: 1, minCoverage: 90 });
    expect(withoutAddress.coverageFailures).toEqual([]);
  });

  it('gives the same report whatever the order of the events', () => {
    const reversed = lines(...log.split('\n').reverse());
    const again = buildSchemaReport(aggregate(reversed), { plan, planFile: 'plan.yaml', files: 1, minCoverage: 90 });
    expect(JSON.stringify(again.events.map((e) => ({ ...e, properties: e.properties.map((p) => ({ ...p, topValues: undefined })) })))).toBe(
      JSON.stringify(report.events.map((e) => ({ ...e, properties: e.properties.map((p) => ({ ...p, topValues: undefined })) }))),
    );
  });
});

describe('buildSchemaReport, the properties the Segment spec defines on pages and screens', () => {
  const page = (properties: object, name: string | null = 'Home') => ({ type: 'page', ...(name ? { name } : {}), anonymousId: 'a', timestamp: '2026-11-02T10:00:00Z', properties });
  const spec = planFrom('pages:\n  Home:\n    properties:\n      title: { type: string, required: true }\n      tab: string\n');
  const report = buildSchemaReport(
    aggregate(lines(page({ url: 'http://x/', title: 'Home', keywords: ['a'], other: 1 }), page({ url: 5, title: 'Home' }), page({ path: '/' }, null))),
    { plan: spec, files: 1, minCoverage: 100 },
  );
  const home = report.events.find((e) => e.name === 'Home')!;

  it('are shown as spec, not unplanned, and never required', () => {
    expect(prop(home.properties, 'url')).toMatchObject({ planned: 'spec', required: false, presence: 1, forbiddenTypes: ['integer'] });
    expect(prop(home.properties, 'keywords[]')).toMatchObject({ planned: 'spec' });
    expect(prop(home.properties, 'other')).toMatchObject({ planned: false });
    // The plan's own definition wins: title is the plan's, and required.
    expect(prop(home.properties, 'title')).toMatchObject({ planned: true, required: true });
    expect(prop(report.events.find((e) => e.type === 'page' && e.name === null)!.properties, 'path')).toMatchObject({ planned: 'spec' });
  });

  it('are not listed when they never arrived, and do not count against coverage', () => {
    expect(home.properties.map((p) => p.path)).toEqual(['title', 'tab', 'keywords', 'keywords[]', 'other', 'url']);
    expect(report.coverageFailures).toEqual([]);
  });
});

describe('buildSchemaReport in discovery mode', () => {
  it('reports what it sees, with planned and required left open', () => {
    const report = buildSchemaReport(aggregate(log), { files: 1 });
    expect(report.plan).toBeUndefined();
    expect(report.unplannedEvents).toEqual([]);
    expect(report.unseenEvents).toEqual([]);
    const orders = report.events[0]!;
    expect(orders.planned).toBeNull();
    expect(orders.properties.map((p) => p.path)).toEqual(['address', 'address.zip', 'currency', 'extra', 'meta', 'meta.any', 'order_id', 'products', 'products[]', 'products[].price', 'products[].sku', 'revenue']);
    expect(prop(orders.properties, 'order_id')).toMatchObject({ planned: null, required: null });
  });

  it('notes the limits it hit', () => {
    const wide = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`k${i}`, i]));
    const report = buildSchemaReport(aggregate(JSON.stringify({ type: 'track', event: 'Wide', userId: 'u', properties: wide })), { files: 1 });
    expect(report.notes).toEqual(['event "Wide": 500 values at paths past the first 1,000 distinct ones were not tracked']);
    expect(report.events[0]!.properties).toHaveLength(1_000);
  });

  it('quotes keys that would read as path syntax', () => {
    const report = buildSchemaReport(aggregate(JSON.stringify({ type: 'track', event: 'K', userId: 'u', properties: { 'a.b': { 'c d': 1 }, '': 2 } })), { files: 1 });
    expect(report.events[0]!.properties.map((p) => p.path)).toEqual(['[""]', '["a.b"]', '["a.b"]["c d"]']);
  });
});
