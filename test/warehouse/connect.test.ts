import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { WarehouseError } from '../../src/warehouse/engine.js';
import { openWarehouse, redact } from '../../src/warehouse/connect.js';
import { writeTree } from '../helpers/plan.js';

/** A DuckDB file with one table, written by DuckDB itself. */
async function duckdbFile(dir: string): Promise<string> {
  const path = join(dir, 'shop.duckdb');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run('CREATE SCHEMA segment');
  await connection.run('CREATE TABLE segment.tracks (id VARCHAR, received_at TIMESTAMPTZ, n BIGINT, big HUGEINT, ratio DOUBLE)');
  await connection.run("INSERT INTO segment.tracks VALUES ('m1', '2026-11-01T00:00:00Z', 5, 12345678901234567890, 0.5)");
  await connection.run('CREATE VIEW segment.v AS SELECT 1 AS x');
  connection.closeSync();
  instance.closeSync();
  return path;
}

describe('openWarehouse', () => {
  it('opens a DuckDB file read-only, relative to the working directory', async () => {
    const dir = writeTree({});
    await duckdbFile(dir);
    const engine = await openWarehouse('duckdb:shop.duckdb', dir);
    try {
      expect(engine.dialect).toBe('duckdb');
      expect(engine.defaultSchema).toBe('main');
      expect(await engine.describe('segment')).toEqual([
        {
          name: 'tracks',
          columns: [
            { name: 'id', type: 'varchar' },
            { name: 'received_at', type: 'timestamp with time zone' },
            { name: 'n', type: 'bigint' },
            { name: 'big', type: 'hugeint' },
            { name: 'ratio', type: 'double' },
          ],
        },
      ]);
      // Integers as numbers, beyond 2^53 as text.
      expect(await engine.query('SELECT n, big, ratio, id FROM segment.tracks WHERE id = $1', ['m1'])).toEqual([{ n: 5, big: '12345678901234567890', ratio: 0.5, id: 'm1' }]);
      await expect(engine.query('DELETE FROM segment.tracks')).rejects.toThrow(/read-only/i);
      await expect(engine.describe('nope')).rejects.toThrow(new WarehouseError('Schema "nope" does not exist in shop.duckdb'));
      await expect(engine.query('SELECT * FROM segment.missing')).rejects.toThrow(WarehouseError);
    } finally {
      await engine.close();
    }
  });

  it('opens an empty in-memory DuckDB for duckdb:', async () => {
    const engine = await openWarehouse('duckdb:');
    try {
      expect(await engine.describe('main')).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it('says clearly what is wrong with a connection', async () => {
    const dir = writeTree({ 'notes.txt': 'hello' });
    mkdirSync(join(dir, 'folder.duckdb'));
    writeFileSync(join(dir, 'empty.duckdb'), '');
    await expect(openWarehouse('duckdb:missing.duckdb', dir)).rejects.toThrow(new WarehouseError('DuckDB database missing.duckdb does not exist'));
    await expect(openWarehouse('duckdb:folder.duckdb', dir)).rejects.toThrow(/folder\.duckdb is a directory/);
    await expect(openWarehouse('duckdb:notes.txt', dir)).rejects.toThrow(/Cannot open DuckDB database notes\.txt: .*not a valid DuckDB database/);
    await expect(openWarehouse('shop.duckdb', dir)).rejects.toThrow(/Unknown warehouse connection "shop.duckdb".*write duckdb:shop.duckdb/);
    await expect(openWarehouse('mysql://root:secret@db/x', dir)).rejects.toThrow(WarehouseError);
    await expect(openWarehouse('mysql://root:secret@db/x', dir)).rejects.not.toThrow(/secret/);
  });

  it('keeps passwords out of messages', () => {
    expect(redact('postgres://cdp:s3cret@db.example:5432/shop')).toBe('postgres://cdp:***@db.example:5432/shop');
    expect(redact('postgres://db.example/shop')).toBe('postgres://db.example/shop');
  });
});
