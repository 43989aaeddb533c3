import type { Dialect } from '../engine.js';

/** A value a check compares with: it reaches SQL only as a bound parameter or through `literal`. */
export type SqlValue = string | number | boolean | null;

/** The SQL types the checks cast values to; each dialect spells them its own way. */
export type SqlType = 'text' | 'double' | 'timestamp' | 'timestamptz';

/** How a dialect's regular expressions are written (src/warehouse/sql/patterns.ts translates JSON Schema patterns). */
export type RegexFlavor = 're2' | 'postgres' | 'pcre' | 'posix';

/**
 * Everything that differs between the SQL dialects the checks are written in. Identifiers (table
 * and column names, which come from the plan and the catalogue) reach SQL only through
 * `identifier`, values only through `literal` or a bound parameter.
 */
export interface SqlDialect {
  readonly name: Dialect;
  readonly regexFlavor: RegexFlavor;
  /** A quoted identifier, whatever characters the name holds. */
  identifier(name: string): string;
  /** A literal for the value, escaped for this dialect's string syntax. */
  literal(value: SqlValue): string;
  cast(expression: string, type: SqlType): string;
  /**
   * The number a text holds, NULL when it holds none (`isNumber` says whether it does), never an
   * error: a soft cast where the dialect has one, else a cast guarded by `isNumber`.
   */
  toNumber(text: string, isNumber: string): string;
  /** Whether a text matches a regular expression (written in `regexFlavor`), searched anywhere in it. */
  matches(text: string, pattern: string): string;
  /** Whether a text is a JSON array. */
  isJsonArray(text: string): string;
  /** Length of a text in characters (code points), as JSON Schema counts `minLength`. */
  length(text: string): string;
  /** Rows for which `condition` holds. */
  countIf(condition: string): string;
  /**
   * JSON text of an array of up to `limit` ids of the rows for which `condition` holds, smallest
   * first (byte order, so that every engine picks the same ones); NULL, `[]` or `[null]` when there
   * are none. DuckDB and PostgreSQL give the `limit` smallest; the others the smallest and the largest.
   */
  sampleIds(id: string, condition: string, limit: number): string;
}

/** Rejects what no dialect can carry in a quoted name or a string: the NUL character. */
export function checkNoNul(text: string, what: string): void {
  if (text.includes('\u0000')) throw new Error(`${what} contains a NUL character, which SQL cannot carry: ${JSON.stringify(text)}`);
}

/** `"name"` with `"` doubled: the standard SQL quoting of DuckDB, PostgreSQL, Redshift and Snowflake. */
export function doubleQuoted(name: string): string {
  checkNoNul(name, 'The identifier');
  return `"${name.replace(/"/g, '""')}"`;
}

/** A finite number as SQL writes it (JavaScript's shortest round-trip form is valid SQL). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} has no SQL literal`);
  return String(value);
}

/** The literal of a non-string value, the same in every dialect. */
export function plainLiteral(value: Exclude<SqlValue, string>): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return numberLiteral(value);
}

/** CAST(expression AS type), with each dialect's names for the types. */
export function castTo(types: Readonly<Record<SqlType, string>>): SqlDialect['cast'] {
  return (expression, type) => `CAST(${expression} AS ${types[type]})`;
}

/**
 * Samples where the dialect has no bounded array aggregate (an unbounded one fails on big tables:
 * LISTAGG past 64 KB, arrays past 16 or 100 MB): the smallest and the largest id, two aggregates
 * that hold one value each.
 */
export function minMaxIds(id: string, condition: string, when: (condition: string, value: string) => string, array: (ids: string) => string, text: string): string {
  const value = when(condition, `CAST(${id} AS ${text})`);
  return array(`MIN(${value}), MAX(${value})`);
}

/**
 * A JSON array as the connector writes it, compact: text from `[` to `]`. Parsing the JSON
 * (json_valid, PARSE_JSON) cost four times as much in DuckDB and would only tell broken JSON text,
 * which the connector does not write, from an array.
 */
export function bracketed(text: string): string {
  return `(${text} LIKE '[%]')`;
}

/** Count of rows matching a condition where the dialect has no FILTER clause. */
export function caseCount(condition: string): string {
  return `count(CASE WHEN ${condition} THEN 1 END)`;
}
