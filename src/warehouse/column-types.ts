import type { Dialect } from './engine.js';

/**
 * Column types. Segment's connector knows five (its "Warehouse Schemas" page: timestamp, integer,
 * float, boolean, varchar) and types a column from the first value it sees, so the type says what
 * the data was at the start, not what the plan wants. Arrays arrive as JSON text.
 */

/** What a column can hold, whatever the engine calls it. */
export type ColumnFamily = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'json' | 'other';

/** The value kinds the connector creates columns for (an object is flattened, never a column). */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'array';

/** The column type the connector creates for a value kind, per dialect. */
export const CONNECTOR_COLUMN_TYPES: Readonly<Record<Dialect, Readonly<Record<ValueKind, string>>>> = {
  // DuckDB is no Segment destination: cdp's loader (--load) writes the Redshift types' equivalents.
  duckdb: { string: 'varchar', integer: 'bigint', number: 'double', boolean: 'boolean', timestamp: 'timestamp with time zone', array: 'varchar' },
  postgres: { string: 'text', integer: 'bigint', number: 'double precision', boolean: 'boolean', timestamp: 'timestamp with time zone', array: 'text' },
  redshift: { string: 'character varying', integer: 'bigint', number: 'double precision', boolean: 'boolean', timestamp: 'timestamp without time zone', array: 'character varying' },
  bigquery: { string: 'STRING', integer: 'INT64', number: 'FLOAT64', boolean: 'BOOL', timestamp: 'TIMESTAMP', array: 'STRING' },
  snowflake: { string: 'VARCHAR', integer: 'NUMBER', number: 'FLOAT', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP_TZ', array: 'VARCHAR' },
};

/** The family of an engine's type name as its catalogue reports it (any case, with or without length or precision). */
export function columnFamily(engineType: string): ColumnFamily {
  const t = engineType.toLowerCase().replace(/\(.*\)$/, '').trim();
  if (/^(varchar|character varying|char|character|bpchar|text|string|nvarchar|nchar|uuid|enum)$/.test(t)) return 'string';
  if (/^(tinyint|smallint|integer|int|int2|int4|int8|int64|bigint|hugeint|utinyint|usmallint|uinteger|ubigint|uhugeint|byteint)$/.test(t)) return 'integer';
  if (/^(double|double precision|float|float4|float8|float64|real|decimal|numeric|number|bignumeric)$/.test(t)) return t === 'number' || t === 'numeric' || t === 'decimal' ? numericFamily(engineType) : 'number';
  if (/^(boolean|bool)$/.test(t)) return 'boolean';
  if (/^(timestamp|timestamptz|timestamp with time zone|timestamp without time zone|timestamp_tz|timestamp_ntz|timestamp_ltz|datetime|date|timestamp_s|timestamp_ms|timestamp_ns)$/.test(t)) return 'timestamp';
  if (/^(json|jsonb|variant|object|super)$/.test(t)) return 'json';
  return 'other';
}

/** NUMBER(38,0) (Snowflake's integers) holds integers only; NUMERIC / NUMBER(p,s) with a scale holds any number. */
function numericFamily(engineType: string): ColumnFamily {
  const scale = /\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(engineType);
  return scale && scale[1] === '0' ? 'integer' : 'number';
}

/** Whether a column of `family` can hold a value of `kind` without losing it (a text column holds anything). */
export function familyHolds(family: ColumnFamily, kind: ValueKind): boolean {
  switch (family) {
    case 'string':
      return true;
    case 'json':
      return kind === 'array' || kind === 'string' || kind === 'integer' || kind === 'number' || kind === 'boolean';
    case 'number':
      return kind === 'number' || kind === 'integer';
    case 'integer':
      return kind === 'integer';
    case 'boolean':
      return kind === 'boolean';
    case 'timestamp':
      return kind === 'timestamp';
    default:
      return false;
  }
}
