import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventCoverage, PropertyCoverage, SchemaReport } from '../../src/report/types.js';
import { cdp } from '../helpers/cli.js';
import { FIXTURES, writeTree } from '../helpers/plan.js';
import { duckdbFile } from '../support/warehouse.js';

const WAREHOUSE_FIXTURES = join(FIXTURES, 'warehouse');
const PLAN = join(WAREHOUSE_FIXTURES, 'shop.yaml');
const EVENTS = join(WAREHOUSE_FIXTURES, 'events.ndjson');

let dir: string;
let db: string;
beforeAll(async () => {
  dir = writeTree({});
  db = join(dir, 'segment.duckdb');
  await duckdbFile(db, { load: [EVENTS], schema: 'shop' });
});

function json(args: string[], cwd?: string): SchemaReport {
  const r = cdp(['schema-report', ...args, '--format', 'json'], cwd ? { cwd } : {});
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SchemaReport;
}

const row = (report: SchemaReport, type: string, name: string | null): EventCoverage => report.events.find((e) => e.type === type && e.name === name)!;
const prop = (event: EventCoverage, path: string): PropertyCoverage => event.properties.find((p) => p.path === path)!;

describe('cdp schema-report --warehouse (DuckDB)', () => {
  it('reports tables as the file report reports events: rows, presence, types, plan flags', () => {
    const report = json(['--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN]);
    expect(report.summary).toMatchObject({ files: 0, tables: 10, read: 20, reported: 20, malformed: 0, filtered: 0, firstSeen: '2026-11-01T06:00:02.000Z', lastSeen: '2026-11-06T10:00:02.000Z' });
    expect(report.events.map((e) => [e.type, e.name, e.count, e.planned])).toEqual([
      ['track', 'Order Completed', 6, true],
      ['identify', null, 3, true],
      ['track', 'Coupon Applied', 2, true],
      ['track', 'Product Viewed', 2, true],
      ['track', '1 Click Buy', 1, false],
      ['track', 'Wishlist Shared', 1, false],
      ['page', 'Home', 1, true],
      ['page', 'Pricing', 1, false],
      ['screen', 'Cart', 1, false],
      ['group', null, 1, true],
      ['alias', null, 1, true],
    ]);
    expect(report.unplannedEvents).toEqual([
      { type: 'track', name: '1 Click Buy' },
      { type: 'track', name: 'Wishlist Shared' },
      { type: 'page', name: 'Pricing' },
      { type: 'screen', name: 'Cart' },
    ]);
    expect(report.unseenEvents).toEqual([{ type: 'track', name: 'Checkout Started' }]);

    const order = row(report, 'track', 'Order Completed');
    expect(order).toMatchObject({ table: 'order_completed', firstSeen: '2026-11-02T10:00:02.000Z', lastSeen: '2026-11-06T10:00:02.000Z', share: 0.3 });
    expect(order.volume).toEqual([
      { day: '2026-11-02', count: 2 },
      { day: '2026-11-03', count: 1 },
      { day: '2026-11-04', count: 1 },
      { day: '2026-11-05', count: 1 },
      { day: '2026-11-06', count: 1 },
    ]);
    expect(prop(order, 'order_id')).toMatchObject({ count: 5, planned: true, required: true, column: { name: 'order_id', type: 'varchar' } });
    expect(prop(order, 'order_id').presence).toBeCloseTo(5 / 6);
    // revenue arrived as text first: the column is text, which the plan's number does not allow.
    expect(prop(order, 'revenue')).toMatchObject({ count: 6, types: { string: 6 }, forbiddenTypes: ['string'], column: { name: 'revenue', type: 'varchar' } });
    expect(prop(order, 'currency').topValues).toEqual([{ value: 'USD', count: 3 }, { value: 'EUR', count: 2 }, { value: 'GBP', count: 1 }]);
    expect(prop(order, 'shipping.address.postal_code')).toMatchObject({ count: 1, planned: true, column: { name: 'shipping_address_postal_code' } });
    expect(prop(order, 'gift_wrap')).toMatchObject({ planned: false, types: { boolean: 1 } });
    expect(prop(order, '_user_id')).toMatchObject({ planned: false, count: 1 });
    // Common columns are not properties.
    expect(order.properties.map((p) => p.path)).not.toContain('context_ip');
    expect(order.properties.map((p) => p.path)).not.toContain('event_text');

    expect(row(report, 'track', 'Product Viewed').deprecated).toBe(true);
    expect(prop(row(report, 'track', 'Coupon Applied'), 'limit')).toMatchObject({ count: 1, types: { integer: 1 }, column: { name: '_limit', type: 'bigint' } });
    expect(prop(row(report, 'identify', null), 'email')).toMatchObject({ count: 2, required: true });
    expect(prop(row(report, 'group', null), 'employees')).toMatchObject({ types: { string: 1 }, forbiddenTypes: ['string'] });
    expect(prop(row(report, 'page', 'Pricing'), 'url')).toMatchObject({ planned: 'spec' });
    expect(prop(row(report, 'screen', 'Cart'), 'items')).toMatchObject({ planned: false, types: { integer: 1 } });
  });

  it('gives the same report from raw logs loaded with --load', () => {
    const fromFile = json(['--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN]);
    const r = cdp(['schema-report', '--load', EVENTS, '--plan', PLAN, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cdp: loaded 20 of 22 messages into 12 tables \(1 not JSON, 1 not a Segment message, 1 value its column's type could not hold, stored as NULL; .*events\.ndjson:20 not JSON/);
    expect(JSON.parse(r.stdout)).toEqual(fromFile);
  });

  it('restricts to received_at with --since and to rows with --event', () => {
    const report = json(['--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN, '--since', '2026-11-04', '--event', 'Order Completed']);
    expect(report.summary).toMatchObject({ read: 20, reported: 3, filtered: 17, since: '2026-11-04T00:00:00.000Z' });
    expect(report.events.map((e) => [e.name, e.count])).toEqual([['Order Completed', 3]]);
    expect(report.unseenEvents).toEqual([]);
  });

  it('reports without a plan (discovery mode) and honours warehouse.columns from the config', () => {
    const discovery = json(['--warehouse', `duckdb:${db}`, '--schema', 'shop', '--no-plan']);
    expect(row(discovery, 'track', 'Order Completed').planned).toBeNull();
    expect(prop(row(discovery, 'track', 'Order Completed'), 'revenue')).toMatchObject({ planned: null, required: null });

    const cwd = writeTree({ 'cdp.config.json': JSON.stringify({ warehouse: { columns: { 'Coupon Applied': { limit: 'coupon_limit' } } } }) });
    const report = json(['--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN], cwd);
    const coupon = row(report, 'track', 'Coupon Applied');
    expect(prop(coupon, 'limit')).toMatchObject({ count: 0, column: { name: 'coupon_limit' } });
    expect(prop(coupon, '_limit')).toMatchObject({ planned: false, count: 1 });
  });

  it('fails --min-coverage on a required column', () => {
    const r = cdp(['schema-report', '--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN, '--min-coverage', '90', '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as SchemaReport).coverageFailures.map((f) => [f.event.name, f.path])).toEqual([
      ['Order Completed', 'order_id'],
      [null, 'email'],
    ]);
  });

  it('renders every format', () => {
    const base = ['schema-report', '--warehouse', `duckdb:${db}`, '--schema', 'shop', '--plan', PLAN];
    const table = cdp([...base, '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^schema-report: 10 tables · 20 read · 20 reported/);
    expect(table.stdout).toMatch(/revenue .* string not allowed/s);
    const markdown = cdp([...base, '--format', 'markdown']);
    expect(markdown.stdout).toContain('10 tables');
    expect(markdown.stdout).toContain('Order Completed');
    const out = join(dir, 'report.html');
    expect(cdp([...base, '--format', 'html', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<dt>Tables</dt><dd>10</dd>');
    expect(html).toContain('Wishlist Shared');
  });

  it('exits 2 with one clear line for connection and usage problems', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--warehouse', `duckdb:${db}`, '--schema', 'nope'], /^cdp: Schema "nope" does not exist in .*segment\.duckdb\n$/],
      [['--warehouse', 'duckdb:missing.duckdb'], /^cdp: DuckDB database missing\.duckdb does not exist\n$/],
      [['--warehouse', 'oracle://x'], /^cdp: Unknown warehouse connection "oracle:\/\/x"/],
      [['--warehouse', `duckdb:${db}`, EVENTS], /^cdp: --warehouse reads tables, not files/],
      [['--warehouse', `duckdb:${db}`, '--load', EVENTS], /^cdp: --load fills an in-memory DuckDB/],
      [['--warehouse', `duckdb:${db}`, '--infer'], /^cdp: --infer drafts a plan from logs/],
      [['--schema', 'shop', EVENTS], /^cdp: --schema names a warehouse schema/],
    ];
    for (const [args, message] of cases) {
      const r = cdp(['schema-report', '--no-plan', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('still reports what it loaded when a --load input is missing, with exit code 2', () => {
    const r = cdp(['schema-report', '--no-plan', '--load', EVENTS, '--load', 'nowhere/*.ndjson', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no files match 'nowhere/*.ndjson'");
    expect((JSON.parse(r.stdout) as SchemaReport).summary.reported).toBe(20);
  });
});
