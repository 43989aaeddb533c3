import { resolve } from 'node:path';
import { WarehouseError, type WarehouseEngine } from './engine.js';
import type { DuckDBEngine } from './engines/duckdb.js';

/**
 * `--warehouse <connection>` -> an engine. Engines are imported only here, when a warehouse is asked
 * for: DuckDB's native module and the PostgreSQL driver stay out of every other command's start-up.
 *
 * - `duckdb:path/to/file.duckdb` opens a DuckDB file, read-only (relative to `cwd`);
 * - `duckdb:` opens an empty in-memory DuckDB (for `--load`);
 * - `postgres://...` or `postgresql://...` connects to PostgreSQL (or Redshift).
 */
export async function openWarehouse(connection: string, cwd = process.cwd()): Promise<WarehouseEngine> {
  if (connection.startsWith(DUCKDB_PREFIX)) return openDuckDB(connection, cwd);
  if (/^postgres(ql)?:\/\//i.test(connection)) return openPostgres(connection);
  const hint = /\.(duckdb|db)$/i.test(connection) ? `; for a DuckDB file write duckdb:${connection}` : '';
  throw new WarehouseError(`Unknown warehouse connection "${redact(connection)}": use duckdb:path/to/file.duckdb, duckdb: (in memory), or postgres://user@host/database${hint}`);
}

/** Opens the DuckDB a `duckdb:` connection names, typed as the DuckDB engine (the loader writes to an in-memory one). */
export async function openDuckDB(connection: string, cwd = process.cwd()): Promise<DuckDBEngine> {
  const path = connection.slice(DUCKDB_PREFIX.length);
  const { DuckDBEngine } = await import('./engines/duckdb.js');
  return path === '' || path === ':memory:' ? DuckDBEngine.open(undefined) : DuckDBEngine.open(resolve(cwd, path), path);
}

const DUCKDB_PREFIX = 'duckdb:';

async function openPostgres(connection: string): Promise<WarehouseEngine> {
  const { openPostgres: open } = await import('./engines/postgres.js');
  return open(connection);
}

/** A connection string as messages may show it: without its password. */
export function redact(connection: string): string {
  return connection.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
