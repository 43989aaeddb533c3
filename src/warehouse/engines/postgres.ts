import type { Client, ClientConfig } from 'pg';
import { redact } from '../connect.js';
import { tablesFromCatalogue, WarehouseError, type WarehouseEngine, type WarehouseTable } from '../engine.js';

/** pg's type id of bigint (int8): `count(*)` and Segment's integer columns. */
const INT8 = 20;

/**
 * PostgreSQL (and Redshift, which speaks its protocol) through the `pg` driver, loaded only when a
 * `postgres://` connection is asked for. The session is read-only: cdp runs SELECTs and catalogue
 * queries and nothing else, and says so to the server, which then refuses any write.
 */
export class PostgresEngine implements WarehouseEngine {
  readonly dialect = 'postgres' as const;
  readonly defaultSchema = 'public';

  private constructor(
    private readonly client: Client,
    /** The connection as messages show it (no password). */
    readonly label: string,
  ) {}

  static async open(connection: string): Promise<PostgresEngine> {
    const label = redact(connection);
    const { default: pg } = await import('pg');
    const config: ClientConfig = {
      connectionString: connection,
      application_name: 'cdp',
      // Integers as numbers, as the engine contract wants; past 2^53 as text rather than rounded.
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? parseInt8 : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    };
    const client = new pg.Client(config);
    // A server that goes away mid-run reports on the client; the pending query rejects with it.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET TIME ZONE 'UTC'");
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new WarehouseError(`Cannot connect to ${label}: ${firstLine(error)}`);
    }
    return new PostgresEngine(client, label);
  }

  async describe(schema: string): Promise<WarehouseTable[]> {
    const found = await this.query('SELECT 1 AS found FROM pg_catalog.pg_namespace WHERE nspname = $1', [schema]);
    if (found.length === 0) throw new WarehouseError(`Schema "${schema}" does not exist in ${this.label}`);
    // The catalogue rather than information_schema: it lists every table the user can see, with
    // types as format_type writes them ('character varying(256)', 'timestamp with time zone').
    const rows = await this.query(
      `SELECT c.relname AS table_name, a.attname AS column_name, lower(format_type(a.atttypid, a.atttypmod)) AS data_type
         FROM pg_catalog.pg_class c
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
      [schema],
    );
    return tablesFromCatalogue(rows);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    try {
      const result = await this.client.query({ text: sql, values: [...params] });
      return result.rows as Record<string, unknown>[];
    } catch (error) {
      throw new WarehouseError(`PostgreSQL (${this.label}): ${firstLine(error)}`);
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** The engine module's entry point, as src/warehouse/connect.ts imports it. */
export function openPostgres(connection: string): Promise<PostgresEngine> {
  return PostgresEngine.open(connection);
}

function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.trim();
}
