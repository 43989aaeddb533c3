import { bracketed, castTo, doubleQuoted, checkNoNul, plainLiteral, type SqlDialect, type SqlType, type SqlValue } from './dialect.js';

const TYPES: Record<SqlType, string> = { text: 'text', double: 'double precision', timestamp: 'timestamp', timestamptz: 'timestamptz' };

/**
 * A string as an escape string (`E'…'`) when it holds a backslash, so that it means the same
 * whatever `standard_conforming_strings` is set to; otherwise a standard one.
 */
export function postgresLiteral(value: SqlValue): string {
  if (typeof value !== 'string') return plainLiteral(value);
  checkNoNul(value, 'The string');
  const quoted = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

export const postgres: SqlDialect = {
  name: 'postgres',
  regexFlavor: 'postgres',
  identifier: doubleQuoted,
  literal: postgresLiteral,
  cast: castTo(TYPES),
  // numeric takes any JSON number the checks let through (double precision fails past 1e308).
  // CASE is the one construct whose order PostgreSQL keeps: the cast of any other text would fail.
  toNumber: (text, isNumber) => `(CASE WHEN ${isNumber} THEN CAST(${text} AS numeric) END)`,
  matches: (text, pattern) => `(${text} ~ ${pattern})`,
  isJsonArray: bracketed,
  length: (text) => `char_length(${text})`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  // Sorted by their UTF-8 bytes, as DuckDB sorts, whatever the database's collation. PostgreSQL
  // has no bounded aggregate: the ids of every failing row are gathered, then the first kept.
  sampleIds: (id, condition, limit) =>
    `CAST(jsonb_path_query_array(to_jsonb(array_agg(CAST(${id} AS text) ORDER BY convert_to(CAST(${id} AS text), 'UTF8')) FILTER (WHERE ${condition})), '$[0 to ${limit - 1}]') AS text)`,
};
