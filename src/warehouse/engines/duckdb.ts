import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { tablesFromCatalogue, WarehouseError, type WarehouseEngine, type WarehouseTable } from '../engine.js';
import type { LoadColumn, LoadTarget } from '../load-target.js';

/**
 * DuckDB's memory for a database file. The checks are aggregates whose state does not grow with
 * rows; without a limit DuckDB keeps every block it read cached (up to 80% of the machine), so cdp's
 * peak memory grew with the table (measured: 159 MB at 1M rows, 440 MB at 10M; with this limit
 * 182 MB at 10M, no slower). What does not fit, a wide GROUP BY, spills to a temporary folder.
 */
const FILE_MEMORY_LIMIT = '64MB';

/**
 * Embedded DuckDB (`@duckdb/node-api`). A database file is opened read-only, so cdp cannot change a
 * user's data whatever it runs; the in-memory database (`duckdb:`) is cdp's own and can be filled
 * by the loader (`--load`), which is why it is also a LoadTarget.
 */
export class DuckDBEngine implements WarehouseEngine, LoadTarget {
  readonly dialect = 'duckdb' as const;
  readonly defaultSchema = 'main';

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** How messages name the database: its path, or `duckdb:` for the in-memory one. */
    readonly label: string,
    readonly writable: boolean,
  ) {}

  /** Opens `path` read-only, or a fresh in-memory database when `path` is undefined. */
  static async open(path: string | undefined, label = path ?? 'duckdb:'): Promise<DuckDBEngine> {
    if (path !== undefined) {
      if (!existsSync(path)) throw new WarehouseError(`DuckDB database ${label} does not exist`);
      if (statSync(path).isDirectory()) throw new WarehouseError(`DuckDB database ${label} is a directory, not a database file`);
    }
    return DuckDBEngine.start(path ?? ':memory:', path === undefined ? {} : { access_mode: 'READ_ONLY', memory_limit: FILE_MEMORY_LIMIT, temp_directory: join(tmpdir(), `cdp-duckdb-${process.pid}`) }, label, path === undefined, 'open');
  }

  /** Creates a new database file that cdp itself fills (the bench's data, test fixtures): writable, unlike `open`. */
  static async create(path: string): Promise<DuckDBEngine> {
    if (existsSync(path)) throw new WarehouseError(`${path} exists already: cdp creates a DuckDB file only where there is none`);
    return DuckDBEngine.start(path, {}, path, true, 'create');
  }

  private static async start(path: string, options: Record<string, string>, label: string, writable: boolean, verb: 'open' | 'create'): Promise<DuckDBEngine> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, options);
    } catch (error) {
      throw new WarehouseError(`Cannot ${verb} DuckDB database ${label}: ${firstLine(error)}`);
    }
    const connection = await instance.connect();
    // Days and --since bounds are UTC whatever the machine's zone.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDBEngine(instance, connection, label, writable);
  }

  async describe(schema: string): Promise<WarehouseTable[]> {
    const schemas = await this.query('SELECT 1 AS found FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    if (schemas.length === 0) throw new WarehouseError(`Schema "${schema}" does not exist in ${this.label}`);
    const rows = await this.query(
      `SELECT c.table_name AS table_name, c.column_name AS column_name, lower(c.data_type) AS data_type
         FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
      [schema],
    );
    return tablesFromCatalogue(rows);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params.map(toDuckDBValue));
      return reader.getRowObjectsJS().map((row) => {
        for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = fromBigInt(row[key] as bigint);
        return row as Record<string, unknown>;
      });
    } catch (error) {
      throw new WarehouseError(`DuckDB (${this.label}): ${firstLine(error)}`);
    }
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<void> {
    if (!this.writable) throw new WarehouseError(`${this.label} is opened read-only: cdp never writes to a user's database`);
    try {
      await this.connection.run(sql, params.map(toDuckDBValue));
    } catch (error) {
      throw new WarehouseError(`DuckDB (${this.label}): ${firstLine(error)}`);
    }
  }

  async append(schema: string | undefined, table: string, columns: readonly LoadColumn[], rows: readonly unknown[][]): Promise<void> {
    if (!this.writable) throw new WarehouseError(`${this.label} is opened read-only: cdp never writes to a user's database`);
    const appender = await this.connection.createAppender(table, schema ?? null);
    try {
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) {
          const value = row[i];
          if (value === null || value === undefined) appender.appendNull();
          else if (columns[i]!.kind === 'integer') appender.appendBigInt(BigInt(value as number));
          else if (columns[i]!.kind === 'number') appender.appendDouble(value as number);
          else if (columns[i]!.kind === 'boolean') appender.appendBoolean(value as boolean);
          else appender.appendVarchar(value as string);
        }
        appender.endRow();
      }
      appender.flushSync();
    } catch (error) {
      throw new WarehouseError(`DuckDB (${this.label}): ${firstLine(error)}`);
    } finally {
      appender.closeSync();
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toDuckDBValue(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  return JSON.stringify(value);
}

function fromBigInt(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.trim();
}
