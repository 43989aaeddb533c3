import { columnFamily } from './column-types.js';
import type { WarehouseEngine, WarehouseTable } from './engine.js';
import { DIALECTS } from './sql/index.js';

/**
 * What `cdp schema-report --warehouse` reads of one table: per group of rows (a page or screen
 * name, or the whole table), the row count, first and last `received_at`, and per column the
 * non-null count, distinct values, rows per day and the top values of low-cardinality columns.
 * Four queries a table, each one scan, whatever the number of columns.
 */

export interface TableStatsRequest {
  schema: string;
  table: WarehouseTable;
  /** Column whose values split the rows into groups (`name` for pages and screens). */
  groupBy?: string;
  /** Only rows with `received_at` at or after / at or before these ISO-8601 instants. */
  since?: string;
  until?: string;
}

export interface ColumnStats {
  nonNull: number;
  /**
   * Distinct non-null values, exact up to DISTINCT_CAP (then `capped`, as the file report caps them);
   * undefined for columns of a type that cannot be compared (JSON).
   */
  distinct?: number;
  capped?: boolean;
  /** The most frequent values with their counts, for columns with at most LOW_CARDINALITY distinct values. */
  top?: Array<{ value: string | number | boolean; count: number }>;
}

export interface GroupStats {
  /** The group's value of the `groupBy` column (null for rows without one, and for ungrouped tables). */
  key: string | null;
  rows: number;
  firstReceived?: string;
  lastReceived?: string;
  /** Rows with no `received_at`. */
  receivedMissing: number;
  columns: Map<string, ColumnStats>;
  days: Array<{ day: string; count: number }>;
}

export interface TableStats {
  /** Rows the filters left out. */
  filtered: number;
  groups: GroupStats[];
  /** The most frequent `event_text` over the table (its name as sent), when it has the column. */
  eventText?: string;
  /** Why parts of the report are missing for this table (no `received_at` column). */
  notes: string[];
}

/** Top values are listed for columns with at most this many distinct values (as the file report does). */
export const LOW_CARDINALITY = 20;
/** Distinct values are counted up to this many, as the file report counts them. */
const DISTINCT_CAP = 200;
/** Columns whose estimated distinct values are at most this many are counted exactly (the estimate is within a few percent). */
const COUNTED_DISTINCT = 250;
const TOP_VALUES = 5;
const RECEIVED_AT = 'received_at';

export async function tableStats(engine: WarehouseEngine, request: TableStatsRequest): Promise<TableStats> {
  const { table } = request;
  const q = DIALECTS[engine.dialect].identifier;
  const from = `${q(request.schema)}.${q(table.name)}`;
  const names = new Set(table.columns.map((c) => c.name));
  const notes: string[] = [];
  const hasReceived = names.has(RECEIVED_AT);
  if (!hasReceived) notes.push(`table ${table.name} has no ${RECEIVED_AT} column: first and last seen, volume and --since/--until do not apply to it`);
  const params: string[] = [];
  const conditions: string[] = [];
  if (hasReceived && request.since !== undefined) conditions.push(`${q(RECEIVED_AT)} >= CAST($${params.push(request.since)} AS TIMESTAMP WITH TIME ZONE)`);
  if (hasReceived && request.until !== undefined) conditions.push(`${q(RECEIVED_AT)} <= CAST($${params.push(request.until)} AS TIMESTAMP WITH TIME ZONE)`);
  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  const key = request.groupBy !== undefined && names.has(request.groupBy) ? q(request.groupBy) : 'NULL';

  const comparable = table.columns.map((c) => columnFamily(c.type) !== 'json' && columnFamily(c.type) !== 'other');
  // DuckDB estimates distinct values in bounded memory (HyperLogLog); PostgreSQL's count(DISTINCT) spills to disk instead.
  const distinct = (column: string) => (engine.dialect === 'duckdb' ? `approx_count_distinct(${column})` : `count(DISTINCT ${column})`);
  const aggregates = table.columns.map((c, i) => `count(${q(c.name)}) AS c${i}${comparable[i] ? `, ${distinct(q(c.name))} AS d${i}` : ''}`);
  const received = hasReceived ? `min(${q(RECEIVED_AT)}) AS first_received, max(${q(RECEIVED_AT)}) AS last_received, count(${q(RECEIVED_AT)}) AS with_received` : 'count(*) AS with_received';
  const main = await engine.query(`SELECT ${key} AS k, count(*) AS n, ${received}${aggregates.length > 0 ? `, ${aggregates.join(', ')}` : ''} FROM ${from}${where} GROUP BY 1`, params);
  const total = conditions.length === 0 ? undefined : Number((await engine.query(`SELECT count(*) AS n FROM ${from}`))[0]!.n);

  const groups = new Map<string | null, GroupStats>();
  for (const row of main) {
    const group: GroupStats = { key: row.k === null || row.k === undefined ? null : String(row.k), rows: Number(row.n), receivedMissing: Number(row.n) - Number(row.with_received), columns: new Map(), days: [] };
    if (row.first_received !== null && row.first_received !== undefined) group.firstReceived = isoInstant(row.first_received);
    if (row.last_received !== null && row.last_received !== undefined) group.lastReceived = isoInstant(row.last_received);
    table.columns.forEach((c, i) => {
      const stats: ColumnStats = { nonNull: Number(row[`c${i}`]) };
      if (comparable[i]) stats.distinct = Number(row[`d${i}`]);
      group.columns.set(c.name, stats);
    });
    groups.set(group.key, group);
  }

  if (hasReceived && groups.size > 0) {
    const dayRows = await engine.query(`SELECT ${key} AS k, CAST(CAST(${q(RECEIVED_AT)} AS DATE) AS VARCHAR) AS day, count(*) AS n FROM ${from}${where}${where ? ' AND' : ' WHERE'} ${q(RECEIVED_AT)} IS NOT NULL GROUP BY 1, 2 ORDER BY 2`, params);
    for (const row of dayRows) groups.get(keyOf(row.k))?.days.push({ day: String(row.day).slice(0, 10), count: Number(row.n) });
  }

  // One query counts the values of every column with few distinct ones (exactly, where the estimate
  // may be off) and gives their top values, as text (each dialect's cast), typed back from the column.
  const fewValues = table.columns
    .map((c, i) => ({ c, i, family: columnFamily(c.type) }))
    .filter(({ c, i }) => comparable[i] && [...groups.values()].some((g) => { const s = g.columns.get(c.name)!; return s.nonNull > 0 && s.distinct! <= COUNTED_DISTINCT; }));
  const counted = new Map<string, Array<{ value: string | number | boolean; count: number }>>();
  if (fewValues.length > 0) {
    const parts = fewValues.map(({ c, i }) => `SELECT ${key} AS k, ${i} AS col, CAST(${q(c.name)} AS VARCHAR) AS v, count(*) AS n FROM ${from}${where}${where ? ' AND' : ' WHERE'} ${q(c.name)} IS NOT NULL GROUP BY 1, 2, 3`);
    for (const row of await engine.query(parts.join(' UNION ALL '), params)) {
      const { c, family } = fewValues.find((x) => x.i === Number(row.col))!;
      const id = `${String(keyOf(row.k))}\u0000${c.name}`;
      const list = counted.get(id) ?? [];
      const text = String(row.v);
      list.push({ value: family === 'integer' || family === 'number' ? Number(text) : family === 'boolean' ? text === 'true' || text === 't' : text, count: Number(row.n) });
      counted.set(id, list);
    }
  }
  for (const group of groups.values()) {
    table.columns.forEach((c, i) => {
      const stats = group.columns.get(c.name)!;
      if (!comparable[i]) return;
      const values = counted.get(`${String(group.key)}\u0000${c.name}`);
      if (values) stats.distinct = values.length;
      if (stats.distinct! > DISTINCT_CAP) {
        stats.distinct = DISTINCT_CAP;
        stats.capped = true;
      }
      const family = columnFamily(c.type);
      if (values && values.length <= LOW_CARDINALITY && family !== 'timestamp') {
        stats.top = values.sort((a, b) => b.count - a.count || (String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0)).slice(0, TOP_VALUES);
      }
    });
  }

  const result: TableStats = { filtered: total === undefined ? 0 : total - [...groups.values()].reduce((n, g) => n + g.rows, 0), groups: [...groups.values()], notes };
  if (names.has('event_text')) {
    const text = await engine.query(`SELECT ${q('event_text')} AS t, count(*) AS n FROM ${from} WHERE ${q('event_text')} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`);
    if (text.length > 0) result.eventText = String(text[0]!.t);
  }
  return result;
}

function keyOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** An engine's timestamp (a Date, or text) as an ISO-8601 UTC instant. */
function isoInstant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const ms = Date.parse(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

