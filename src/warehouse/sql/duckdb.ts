import { bracketed, castTo, doubleQuoted, checkNoNul, plainLiteral, type SqlDialect, type SqlType, type SqlValue } from './dialect.js';

const TYPES: Record<SqlType, string> = { text: 'VARCHAR', double: 'DOUBLE', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ' };

/** DuckDB strings are standard SQL: a quote is doubled, a backslash is itself. */
export function duckdbLiteral(value: SqlValue): string {
  if (typeof value !== 'string') return plainLiteral(value);
  checkNoNul(value, 'The string');
  return `'${value.replace(/'/g, "''")}'`;
}

export const duckdb: SqlDialect = {
  name: 'duckdb',
  regexFlavor: 're2',
  identifier: doubleQuoted,
  literal: duckdbLiteral,
  cast: castTo(TYPES),
  // Past 1e308 the cast gives Infinity, which compares as it should. (Not TRY_CAST: SQL parsers
  // that read DuckDB's printed SQL as PostgreSQL's do not know it, and the guard is needed anyway.)
  toNumber: (text, isNumber) => `(CASE WHEN ${isNumber} THEN CAST(${text} AS DOUBLE) END)`,
  matches: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  isJsonArray: bracketed,
  length: (text) => `length(${text})`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  // min(x, n) keeps the n smallest values only (NULLs skipped), so memory does not grow with failing rows.
  sampleIds: (id, condition, limit) => `CAST(to_json(min(CASE WHEN ${condition} THEN CAST(${id} AS VARCHAR) END, ${limit})) AS VARCHAR)`,
};
