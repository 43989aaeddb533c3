import type { EngineDialect } from './engine.js';

/**
 * Somewhere the loader (load.ts) can create tables and insert rows: cdp's in-memory DuckDB, or a
 * test's own PostgreSQL. Never a user's warehouse: the engines cdp connects to for checks only read.
 */
export interface LoadTarget {
  readonly dialect: EngineDialect;
  /** Runs one statement with positional parameters `$1`, `$2`, ... */
  execute(sql: string, params?: readonly unknown[]): Promise<void>;
  /**
   * Appends rows to a table that exists, faster than INSERT statements; optional (the loader falls
   * back to INSERT). `columns` lists every column of the table in its order; a row holds a value or
   * null per column: text for string and timestamp columns (ISO-8601), numbers, booleans.
   */
  append?(schema: string | undefined, table: string, columns: readonly LoadColumn[], rows: readonly unknown[][]): Promise<void>;
}

export interface LoadColumn {
  name: string;
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'timestamp';
}
