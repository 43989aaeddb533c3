import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { loadFiles } from '../../src/warehouse/load.js';
import type { LoadTarget } from '../../src/warehouse/load-target.js';

/** A DuckDB file filled by the loader from NDJSON files (relative to `cwd`) and/or by SQL, then closed so cdp can open it read-only. */
export async function duckdbFile(path: string, options: { load?: string[]; cwd?: string; sql?: string[] }): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const target: LoadTarget = { dialect: 'duckdb', execute: async (sql, params = []) => void (await connection.run(sql, params as never)) };
    if (options.load) {
      const { problems } = await loadFiles(target, options.load, options.cwd ?? process.cwd());
      if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
    }
    for (const statement of options.sql ?? []) await connection.run(statement);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Loads NDJSON files into a schema of a test's PostgreSQL with the same loader `--load` uses. */
export async function loadIntoPostgres(url: string, files: string[], cwd: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const target: LoadTarget = { dialect: 'postgres', execute: async (sql, params = []) => void (await client.query(sql, [...params])) };
    const { problems } = await loadFiles(target, files, cwd, { schema });
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  } finally {
    await client.end();
  }
}
