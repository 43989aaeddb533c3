import type { Diagnostic } from '../core/diagnostic.js';
import type { WarehouseEngine } from '../warehouse/engine.js';
import type { LoadSummary } from '../warehouse/load.js';
import { unreadableInput } from './inputs.js';
import { UsageError, type Io } from './io.js';

/** The options every command that reads a warehouse takes. */
export interface WarehouseFlags {
  warehouse?: string;
  schema?: string;
  load?: string[];
}

export const WAREHOUSE_OPTION = ['--warehouse <connection>', 'read the tables of a warehouse instead of logs: duckdb:path/to/file.duckdb, duckdb: (in memory, see --load), postgres://user@host/database'] as const;
export const SCHEMA_OPTION = ['--schema <name>', 'the warehouse schema the source writes to (default: main for DuckDB, public for PostgreSQL)'] as const;
export const LOAD_OPTION = ['--load <glob>', 'first load raw Segment logs (NDJSON, gzip, globs) into an in-memory DuckDB in the warehouse layout; implies --warehouse duckdb:; repeatable'] as const;

export interface WarehouseRun<T> {
  result: T;
  /** Inputs of --load that could not be read. */
  problems: Diagnostic[];
}

/**
 * Opens the warehouse the flags name (loading --load's logs first), hands it to `run` with the schema
 * to read, and closes it. Connection and catalogue problems (WarehouseError) become usage errors:
 * one line, exit code 2. Engines are imported only here, so commands reading files never load them.
 */
export async function withWarehouse<T>(flags: WarehouseFlags, io: Io, run: (engine: WarehouseEngine, schema: string) => Promise<T>): Promise<WarehouseRun<T>> {
  const connection = flags.warehouse ?? 'duckdb:';
  const { WarehouseError } = await import('../warehouse/engine.js');
  let engine: WarehouseEngine | undefined;
  try {
    const problems: Diagnostic[] = [];
    if (flags.load && flags.load.length > 0) {
      const { openDuckDB, redact } = await import('../warehouse/connect.js');
      if (connection !== 'duckdb:') throw new UsageError(`--load fills an in-memory DuckDB: use it with --warehouse duckdb: (or without --warehouse), not ${redact(connection)}`);
      const { loadFiles } = await import('../warehouse/load.js');
      const duckdb = await openDuckDB(connection, io.cwd);
      engine = duckdb;
      const loaded = await loadFiles(duckdb, flags.load, io.cwd, flags.schema === undefined ? {} : { schema: flags.schema });
      for (const p of loaded.problems) problems.push(unreadableInput(p));
      io.stderr.write(loadLine(loaded.summary));
    } else {
      const { openWarehouse } = await import('../warehouse/connect.js');
      engine = await openWarehouse(connection, io.cwd);
    }
    const result = await run(engine, flags.schema ?? engine.defaultSchema);
    return { result, problems };
  } catch (error) {
    if (error instanceof WarehouseError) throw new UsageError(error.message);
    throw error;
  } finally {
    await engine?.close();
  }
}

/** `cdp: loaded 20 of 22 messages into 12 tables (1 not JSON, 1 not a Segment message: events.ndjson:21 unknown type "boom")`. */
function loadLine(s: LoadSummary): string {
  const tables = Object.keys(s.rows).length;
  const skipped = [s.malformed > 0 ? `${int(s.malformed)} not JSON` : '', s.rejected > 0 ? `${int(s.rejected)} not a Segment message` : '', s.dropped > 0 ? `${int(s.dropped)} value${s.dropped === 1 ? '' : 's'} its column's type could not hold, stored as NULL` : '']
    .filter((part) => part !== '')
    .join(', ');
  const where = s.problems.slice(0, 3).map((p) => `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`} ${p.reason}`);
  const detail = skipped === '' ? '' : ` (${skipped}${where.length > 0 ? `; ${where.join('; ')}${s.problems.length > where.length || s.malformed + s.rejected > where.length ? '; …' : ''}` : ''})`;
  return `cdp: loaded ${int(s.loaded)} of ${int(s.read)} messages into ${int(tables)} table${tables === 1 ? '' : 's'}${detail}\n`;
}

function int(n: number): string {
  return n.toLocaleString('en-US');
}
