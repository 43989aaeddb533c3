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

/**
 * Type names (lower case, without length or precision) per family, as engines' catalogues report
 * them. Data rather than code, so that the dbt tests can make the same decision in Jinja at run time.
 */
export const FAMILY_TYPE_NAMES: Readonly<Record<Exclude<ColumnFamily, 'other'>, readonly string[]>> = {
  string: ['varchar', 'character varying', 'char', 'character', 'bpchar', 'text', 'string', 'nvarchar', 'nchar', 'uuid', 'enum'],
  integer: ['tinyint', 'smallint', 'integer', 'int', 'int2', 'int4', 'int8', 'int64', 'bigint', 'hugeint', 'utinyint', 'usmallint', 'uinteger', 'ubigint', 'uhugeint', 'byteint'],
  number: ['double', 'double precision', 'float', 'float4', 'float8', 'float64', 'real', 'decimal', 'numeric', 'number', 'bignumeric'],
  boolean: ['boolean', 'bool'],
  timestamp: ['timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'timestamp_tz', 'timestamp_ntz', 'timestamp_ltz', 'datetime', 'date', 'timestamp_s', 'timestamp_ms', 'timestamp_ns'],
  json: ['json', 'jsonb', 'variant', 'object', 'super'],
};

/** Numeric types whose scale decides their family: NUMBER(38,0) (Snowflake's integers) holds integers only. */
export const SCALED_NUMERIC_TYPES: readonly string[] = ['number', 'numeric', 'decimal'];
/** The scale in `NUMBER(38,0)`. */
export const NUMERIC_SCALE = /\(\s*\d+\s*,\s*(\d+)\s*\)/;
/** What `baseTypeName` strips: a length or precision at the end. */
export const TYPE_PARAMETERS = /\(.*\)$/;

const FAMILY_OF = new Map<string, ColumnFamily>(Object.entries(FAMILY_TYPE_NAMES).flatMap(([family, names]) => names.map((name) => [name, family as ColumnFamily] as const)));

/** The family of an engine's type name as its catalogue reports it (any case, with or without length or precision). */
export function columnFamily(engineType: string): ColumnFamily {
  const t = engineType.toLowerCase().replace(TYPE_PARAMETERS, '').trim();
  if (SCALED_NUMERIC_TYPES.includes(t)) return NUMERIC_SCALE.exec(engineType)?.[1] === '0' ? 'integer' : 'number';
  return FAMILY_OF.get(t) ?? 'other';
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
