import { bracketed, castTo, minMaxIds, checkNoNul, plainLiteral, type SqlDialect, type SqlType, type SqlValue } from './dialect.js';

const TYPES: Record<SqlType, string> = { text: 'STRING', double: 'FLOAT64', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMP' };

/** BigQuery reads backslash escapes in quoted names and strings alike. */
function escaped(text: string, quote: string): string {
  checkNoNul(text, quote === '`' ? 'The identifier' : 'The string');
  return text.replace(/[\\`'"\n\r\t\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    if (c === '\\' || c === '`' || c === "'" || c === '"') return `\\${c}`;
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

export function bigqueryIdentifier(name: string): string {
  return `\`${escaped(name, '`')}\``;
}

export function bigqueryLiteral(value: SqlValue): string {
  return typeof value === 'string' ? `'${escaped(value, "'")}'` : plainLiteral(value);
}

export const bigquery: SqlDialect = {
  name: 'bigquery',
  regexFlavor: 're2',
  identifier: bigqueryIdentifier,
  literal: bigqueryLiteral,
  cast: castTo(TYPES),
  toNumber: (text) => `SAFE_CAST(${text} AS FLOAT64)`,
  matches: (text, pattern) => `REGEXP_CONTAINS(${text}, ${pattern})`,
  isJsonArray: bracketed,
  length: (text) => `CHAR_LENGTH(${text})`,
  countIf: (condition) => `COUNTIF(${condition})`,
  sampleIds: (id, condition) => minMaxIds(id, condition, (c, v) => `IF(${c}, ${v}, NULL)`, (ids) => `TO_JSON_STRING([${ids}])`, 'STRING'),
};
