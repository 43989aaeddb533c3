import { bracketed, castTo, minMaxIds, doubleQuoted, checkNoNul, plainLiteral, type SqlDialect, type SqlType, type SqlValue } from './dialect.js';

const TYPES: Record<SqlType, string> = { text: 'VARCHAR', double: 'DOUBLE', timestamp: 'TIMESTAMP_NTZ', timestamptz: 'TIMESTAMP_TZ' };

/** Snowflake reads backslash escapes in single-quoted strings: both the backslash and the quote are escaped. */
export function snowflakeLiteral(value: SqlValue): string {
  if (typeof value !== 'string') return plainLiteral(value);
  checkNoNul(value, 'The string');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Segment's loader creates Snowflake tables and columns unquoted, and Snowflake stores an unquoted
 * name in upper case: `"order_id"` would name a column that does not exist. A name an unquoted
 * identifier could spell is therefore written as Snowflake stores it; any other keeps its case.
 */
export function snowflakeIdentifier(name: string): string {
  return doubleQuoted(/^[a-z_][a-z0-9_$]*$/.test(name) ? name.toUpperCase() : name);
}

export const snowflake: SqlDialect = {
  name: 'snowflake',
  regexFlavor: 'posix',
  identifier: snowflakeIdentifier,
  literal: snowflakeLiteral,
  cast: castTo(TYPES),
  toNumber: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  // REGEXP_LIKE anchors the pattern at both ends; REGEXP_INSTR searches, as JSON Schema does.
  matches: (text, pattern) => `(REGEXP_INSTR(${text}, ${pattern}) > 0)`,
  isJsonArray: bracketed,
  length: (text) => `LENGTH(${text})`,
  countIf: (condition) => `COUNT_IF(${condition})`,
  sampleIds: (id, condition) => minMaxIds(id, condition, (c, v) => `IFF(${c}, ${v}, NULL)`, (ids) => `TO_JSON(ARRAY_CONSTRUCT_COMPACT(${ids}))`, 'VARCHAR'),
};
