import { bracketed, castTo, minMaxIds, caseCount, doubleQuoted, checkNoNul, plainLiteral, type SqlDialect, type SqlType, type SqlValue } from './dialect.js';

const TYPES: Record<SqlType, string> = { text: 'VARCHAR', double: 'FLOAT8', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ' };

/** Redshift reads a backslash in a string literal as an escape character: both it and the quote are escaped. */
export function redshiftLiteral(value: SqlValue): string {
  if (typeof value !== 'string') return plainLiteral(value);
  checkNoNul(value, 'The string');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export const redshift: SqlDialect = {
  name: 'redshift',
  regexFlavor: 'pcre',
  identifier: doubleQuoted,
  literal: redshiftLiteral,
  cast: castTo(TYPES),
  toNumber: (text, isNumber) => `(CASE WHEN ${isNumber} THEN CAST(${text} AS FLOAT8) END)`,
  // The 'p' parameter selects Perl-compatible syntax (\x{…}, (?:…), \p{…}), which JSON Schema patterns translate to.
  matches: (text, pattern) => `(REGEXP_INSTR(${text}, ${pattern}, 1, 1, 0, 'p') > 0)`,
  isJsonArray: bracketed,
  length: (text) => `LEN(${text})`,
  countIf: caseCount,
  sampleIds: (id, condition) => minMaxIds(id, condition, (c, v) => `CASE WHEN ${c} THEN ${v} END`, (ids) => `JSON_SERIALIZE(ARRAY(${ids}))`, 'VARCHAR'),
};
