/**
 * The contract between the warehouse checks and the engines that run them. The checks only read:
 * an engine runs SELECTs and catalogue queries, never DDL or writes on a user's warehouse (the
 * in-memory DuckDB that `--load` fills is cdp's own).
 */

/** Engines cdp connects to. */
export type EngineDialect = 'duckdb' | 'postgres';

/** Dialects cdp prints SQL for (`cdp compile --target sql --dialect ...`). */
export type Dialect = EngineDialect | 'redshift' | 'bigquery' | 'snowflake';

export interface WarehouseColumn {
  name: string;
  /** The engine's own type name in lower case, as its catalogue reports it ('varchar', 'bigint', 'timestamp with time zone'). */
  type: string;
}

export interface WarehouseTable {
  name: string;
  columns: WarehouseColumn[];
}

export interface WarehouseEngine {
  readonly dialect: EngineDialect;
  /** The schema used when the user names none ('main' for DuckDB, 'public' for PostgreSQL). */
  readonly defaultSchema: string;
  /**
   * The tables of one schema with their columns, sorted by name. A schema that does not exist is a
   * WarehouseError (exit 2), not an empty list.
   */
  describe(schema: string): Promise<WarehouseTable[]>;
  /**
   * Runs one read-only statement with positional parameters `$1`, `$2`, ... Integer results come back
   * as JavaScript numbers (both engines return 64-bit integers as bigint or text otherwise); values
   * beyond Number.MAX_SAFE_INTEGER as strings.
   */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * Tables from catalogue rows (`table_name`, `column_name`, `data_type`), columns in the order the
 * rows give them, tables sorted by name (code units, whatever the engine's collation).
 */
export function tablesFromCatalogue(rows: readonly Record<string, unknown>[]): WarehouseTable[] {
  const tables = new Map<string, WarehouseTable>();
  for (const row of rows) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) tables.set(name, (table = { name, columns: [] }));
    table.columns.push({ name: String(row.column_name), type: String(row.data_type) });
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A connection or catalogue problem the user can fix: the CLI prints the message and exits 2. */
export class WarehouseError extends Error {
  override name = 'WarehouseError';
}
