import { describe, expect, it } from 'vitest';
import { WarehouseError } from '../../../src/warehouse/engine.js';
import { openWarehouse } from '../../../src/warehouse/connect.js';
import { withPostgres } from '../../support/postgres.js';

const { pgIt } = withPostgres((pg) => {
  pg.psql(`CREATE SCHEMA shop;
    CREATE TABLE shop.order_completed (id text, received_at timestamptz, revenue double precision, items bigint, note character varying(256), "Odd ""Name""" boolean);
    INSERT INTO shop.order_completed VALUES ('o-1', '2026-11-01T10:00:00Z', 19.5, 9007199254740993, 'hi', true);
    CREATE VIEW shop.big_orders AS SELECT id FROM shop.order_completed;
    CREATE TABLE public.other (x int);`);
});

describe('PostgreSQL engine', () => {
  pgIt('describes a schema: tables and views by name, columns in order with their types in lower case', async (pg) => {
    const engine = await openWarehouse(pg.url);
    try {
      expect(engine.dialect).toBe('postgres');
      expect(engine.defaultSchema).toBe('public');
      expect(await engine.describe('shop')).toEqual([
        { name: 'big_orders', columns: [{ name: 'id', type: 'text' }] },
        {
          name: 'order_completed',
          columns: [
            { name: 'id', type: 'text' },
            { name: 'received_at', type: 'timestamp with time zone' },
            { name: 'revenue', type: 'double precision' },
            { name: 'items', type: 'bigint' },
            { name: 'note', type: 'character varying(256)' },
            { name: 'Odd "Name"', type: 'boolean' },
          ],
        },
      ]);
      await expect(engine.describe('nope')).rejects.toThrow(new WarehouseError(`Schema "nope" does not exist in ${pg.url}`));
    } finally {
      await engine.close();
    }
  });

  pgIt('binds parameters, and returns integers as numbers (as text past 2^53)', async (pg) => {
    const engine = await openWarehouse(pg.url);
    try {
      const rows = await engine.query('SELECT count(*) AS n, max(items) AS items, max(revenue) AS revenue FROM shop.order_completed WHERE id = $1', ['o-1']);
      expect(rows).toEqual([{ n: 1, items: '9007199254740993', revenue: 19.5 }]);
    } finally {
      await engine.close();
    }
  });

  pgIt('reads only: the session is read-only, so the server refuses any write', async (pg) => {
    const engine = await openWarehouse(pg.url);
    try {
      await expect(engine.query("INSERT INTO shop.order_completed (id) VALUES ('x')")).rejects.toThrow(/read-only transaction/);
      await expect(engine.query('DROP TABLE public.other')).rejects.toThrow(/read-only transaction/);
      expect(pg.psql('SELECT count(*) FROM shop.order_completed').trim()).toBe('1');
    } finally {
      await engine.close();
    }
  });

  it('says why it cannot connect, without the password', async () => {
    await expect(openWarehouse('postgres://cdp:hunter2@127.0.0.1:1/shop')).rejects.toThrow(/^Cannot connect to postgres:\/\/cdp:\*\*\*@127\.0\.0\.1:1\/shop: .*ECONNREFUSED/);
  });
});
