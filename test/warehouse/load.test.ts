import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { WarehouseEngine } from '../../src/warehouse/engine.js';
import { openDuckDB } from '../../src/warehouse/connect.js';
import { WarehouseLoader, loadFiles } from '../../src/warehouse/load.js';
import { FIXTURES, writeTree } from '../helpers/plan.js';

const FIXTURE = `${FIXTURES}warehouse`;

const engines: WarehouseEngine[] = [];
async function memory() {
  const engine = await openDuckDB('duckdb:');
  engines.push(engine);
  return engine;
}
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

async function columns(engine: WarehouseEngine, table: string): Promise<Record<string, string>> {
  const t = (await engine.describe('main')).find((x) => x.name === table);
  return Object.fromEntries((t?.columns ?? []).map((c) => [c.name, c.type]));
}

describe('loader (Segment layout)', () => {
  it('loads the fixture into the connector’s tables and accounts for every line', async () => {
    const engine = await memory();
    const { summary, problems } = await loadFiles(engine, ['events.ndjson'], FIXTURE);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ read: 22, loaded: 20, malformed: 1, rejected: 1 });
    expect(summary.read).toBe(summary.loaded + summary.malformed + summary.rejected);
    expect(summary.problems.map((p) => [p.line, p.reason])).toEqual([
      [20, 'not JSON (or not UTF-8)'],
      [21, 'unknown type "boom"'],
    ]);
    expect(summary.rows).toEqual({
      tracks: 12, order_completed: 6, coupon_applied: 2, product_viewed: 2, wishlist_shared: 1, _1_click_buy: 1,
      identifies: 3, users: 2, pages: 2, screens: 1, groups: 1, aliases: 1,
    });
    // "limit": "unlimited" in a bigint column is dropped, as the connector drops what it cannot cast.
    expect(summary.dropped).toBe(1);
  });

  it('lands every spelling of an event in one table and keeps the spelling in event_text', async () => {
    const engine = await memory();
    await loadFiles(engine, ['events.ndjson'], FIXTURE);
    const rows = await engine.query('SELECT event, event_text, count(*) AS n FROM order_completed GROUP BY ALL ORDER BY event_text');
    expect(rows).toEqual([
      { event: 'order_completed', event_text: ' Order Completed ', n: 1 },
      { event: 'order_completed', event_text: 'Order Completed', n: 4 },
      { event: 'order_completed', event_text: 'order completed', n: 1 },
    ]);
    expect(await engine.query("SELECT count(*) AS n FROM tracks WHERE event = 'order_completed'")).toEqual([{ n: 6 }]);
  });

  it('types a column from its first value, so a number that first arrived as text keeps the column text', async () => {
    const engine = await memory();
    await loadFiles(engine, ['events.ndjson'], FIXTURE);
    const order = await columns(engine, 'order_completed');
    expect(order).toMatchObject({
      id: 'varchar', received_at: 'timestamp with time zone', event_text: 'varchar',
      revenue: 'varchar', currency: 'varchar', products: 'varchar', gift_wrap: 'boolean',
      shipping_address_city: 'varchar', shipping_address_postal_code: 'varchar', _user_id: 'varchar',
      context_library_name: 'varchar', context_ip: 'varchar', context_page_url: 'varchar',
    });
    expect(Object.keys(order)).not.toContain('order_total');
    expect(await engine.query('SELECT revenue FROM order_completed ORDER BY id')).toEqual(['19.99', '42.5', '10', 'free', '99', '5.5'].map((revenue) => ({ revenue })));
    expect(await engine.query("SELECT products FROM order_completed WHERE id IN ('m-01', 'm-03') ORDER BY id")).toEqual([{ products: '[{"product_id":"p-1","price":19.99}]' }, { products: '[]' }]);
    expect(await columns(engine, 'coupon_applied')).toMatchObject({ coupon_id: 'varchar', _limit: 'bigint' });
    expect(await engine.query('SELECT _limit FROM coupon_applied ORDER BY id')).toEqual([{ _limit: 1 }, { _limit: null }]);
    expect(await columns(engine, 'groups')).toMatchObject({ group_id: 'varchar', name: 'varchar', employees: 'varchar' });
    expect(await columns(engine, 'screens')).toMatchObject({ name: 'varchar', items: 'bigint' });
  });

  it('stores numeric ids as text, and identify traits in identifies and the latest ones in users', async () => {
    const engine = await memory();
    await loadFiles(engine, ['events.ndjson'], FIXTURE);
    expect(await engine.query("SELECT user_id FROM order_completed WHERE id = 'm-04'")).toEqual([{ user_id: '123' }]);
    expect(Object.keys(await columns(engine, 'identifies'))).toEqual(expect.arrayContaining(['email', 'first_name', 'plan', 'address_city']));
    expect(await engine.query('SELECT id, email, first_name, plan FROM users ORDER BY id')).toEqual([
      { id: 'u1', email: 'not-an-email', first_name: 'Ada', plan: 'free' },
      { id: 'u2', email: null, first_name: 'Grace', plan: 'enterprise' },
    ]);
    expect(Object.keys(await columns(engine, 'users'))).not.toContain('anonymous_id');
    expect(await engine.query('SELECT name, url, title FROM pages ORDER BY name')).toEqual([
      { name: 'Home', url: 'https://shop.example/', title: 'Shop' },
      { name: 'Pricing', url: 'https://shop.example/pricing', title: null },
    ]);
    expect(await engine.query('SELECT previous_id, user_id FROM aliases')).toEqual([{ previous_id: 'a1', user_id: 'u1' }]);
  });

  it('reads gzip and globs, creates columns as they arrive across batches, and quotes every name', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ type: 'track', event: 'x"; DROP TABLE users; --', messageId: `m${i}`, timestamp: '2026-11-01T00:00:00Z', properties: i === 4500 ? { late: 1.5, 'we"ird': 'q' } : { n: i } }),
    );
    const dir = writeTree({ 'a/one.ndjson.gz': '', 'a/two.ndjson': '' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/a/one.ndjson.gz`, gzipSync(lines.slice(0, 3000).join('\n')));
    writeFileSync(`${dir}/a/two.ndjson`, lines.slice(3000).join('\n'));
    const engine = await memory();
    const { summary } = await loadFiles(engine, ['a/*.ndjson*'], dir);
    expect(summary).toMatchObject({ read: 5000, loaded: 5000 });
    expect(summary.rows).toEqual({ tracks: 5000, x_drop_table_users: 5000 });
    expect(await columns(engine, 'x_drop_table_users')).toMatchObject({ n: 'bigint', late: 'double', we_ird: 'varchar' });
    expect(await engine.query('SELECT count(n) AS n, count(late) AS late, max(received_at) AS r FROM x_drop_table_users')).toEqual([{ n: 4999, late: 1, r: new Date('2026-11-01T00:00:00Z') }]);
    expect(await engine.query('SELECT DISTINCT event_text FROM tracks')).toEqual([{ event_text: 'x"; DROP TABLE users; --' }]);
  });

  it('loads into a named schema and reports inputs it cannot read', async () => {
    const engine = await memory();
    const { summary, problems } = await loadFiles(engine, ['events.ndjson', 'missing.ndjson'], FIXTURE, { schema: 'segment' });
    expect(problems.map((p) => p.message)).toEqual(['missing.ndjson: no such file']);
    expect(summary.loaded).toBe(20);
    expect((await engine.describe('segment')).map((t) => t.name)).toContain('order_completed');
  });

  it('rejects what the connector would not load', async () => {
    const engine = await memory();
    const loader = new WarehouseLoader(engine);
    const at = { file: 'x', line: 1 };
    loader.add([1, 2], at);
    loader.add({ event: 'No Type' }, at);
    loader.add({ type: 'track', properties: {} }, at);
    loader.add({ type: 'track', event: '日本語', messageId: 'j', properties: { a: 1 } }, at);
    const summary = await loader.finish();
    expect(summary.problems.map((p) => p.reason)).toEqual(['not a JSON object', 'no "type"', 'a track call with no event name']);
    // A name with no ASCII letter or digit has no table of its own: the call is in tracks only.
    expect(summary.rows).toEqual({ tracks: 1 });
  });
});
