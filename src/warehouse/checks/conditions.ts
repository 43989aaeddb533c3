/**
 * SQL conditions for "this column value satisfies the plan's schema". A column's type says what the
 * connector saw first, not what each row was: a text column may hold strings, numbers, booleans or
 * arrays as text. A value is therefore read under every interpretation its column allows (a text
 * `12` as the string "12" and as the number 12), and it fails a check only when it fails under all
 * of them, so that no reading of the data the plan accepts is flagged.
 */
import type { JsonSchema } from '../../plan/model.js';
import type { ColumnFamily } from '../column-types.js';
import type { SqlDialect } from '../sql/dialect.js';
import { FORMAT_PATTERNS } from '../sql/formats.js';
import { translatePattern } from '../sql/patterns.js';
import type { SqlValues } from '../sql/values.js';

export const TRUE = 'TRUE';
export const FALSE = 'FALSE';

export function and(...conditions: string[]): string {
  if (conditions.includes(FALSE)) return FALSE;
  const rest = [...new Set(conditions.filter((c) => c !== TRUE))];
  return rest.length === 0 ? TRUE : rest.length === 1 ? rest[0]! : `(${rest.join(' AND ')})`;
}

export function or(...conditions: string[]): string {
  if (conditions.includes(TRUE)) return TRUE;
  const rest = [...new Set(conditions.filter((c) => c !== FALSE))];
  return rest.length === 0 ? FALSE : rest.length === 1 ? rest[0]! : `(${rest.join(' OR ')})`;
}

export function not(condition: string): string {
  return condition === TRUE ? FALSE : condition === FALSE ? TRUE : `NOT ${condition}`;
}

/** JSON's number grammar: what a number written as text looks like. */
const NUMBER_TEXT = '^-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?$';
/** Booleans as text, in any case (engines and connectors differ in how they spell them). */
const BOOLEAN_TEXT = '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$';

/** One way to read a column's value as a JSON value, with the expressions that read it. */
export interface Interpretation {
  kind: 'string' | 'number' | 'boolean' | 'array';
  /** Whether the value can be read this way. */
  test: string;
  /** The string, when its text is known (a timestamp column's original text is not). */
  text?: string;
  /** The number. */
  number?: string;
  /** Whether the number is whole. */
  whole?: string;
  /** Whether the boolean is true. */
  isTrue?: string;
}

export interface ConditionContext {
  dialect: SqlDialect;
  values: SqlValues;
  /** What cannot be checked in this dialect (a pattern it cannot express), for the user to know. */
  unchecked: string[];
  /** An expression several conditions test, computed once per row: a reference to its value. */
  share(expression: string): string;
}

/** The readings a value of a column of `family` allows; none when its values cannot be read (json, other types). */
export function interpretations(column: string, family: ColumnFamily, ctx: ConditionContext): Interpretation[] {
  const { dialect, values } = ctx;
  const regex = (source: string) => ctx.share(dialect.matches(column, values.text(source)));
  switch (family) {
    case 'string': {
      const isNumber = regex(NUMBER_TEXT);
      const number = dialect.toNumber(column, isNumber);
      return [
        { kind: 'string', test: TRUE, text: column },
        { kind: 'number', test: isNumber, number, whole: `(${number} = FLOOR(${number}))` },
        { kind: 'boolean', test: regex(BOOLEAN_TEXT), isTrue: `(LOWER(${column}) = ${values.text('true')})` },
        { kind: 'array', test: dialect.isJsonArray(column) },
      ];
    }
    case 'integer':
      return [{ kind: 'number', test: TRUE, number: dialect.cast(column, 'double'), whole: TRUE }];
    case 'number':
      return [{ kind: 'number', test: TRUE, number: column, whole: `(${column} = FLOOR(${column}))` }];
    case 'boolean':
      return [{ kind: 'boolean', test: TRUE, isTrue: `(${column} = TRUE)` }];
    case 'timestamp':
      // The connector made a timestamp of an ISO date-time string: a string whose text is gone.
      return [{ kind: 'string', test: TRUE }];
    default:
      return [];
  }
}

/** JSON Schema keywords that constrain a value in a way a column can show. */
export const VALUE_KEYWORDS = ['type', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
export type ValueKeyword = (typeof VALUE_KEYWORDS)[number];

/** Whether the value, read as `reading`, satisfies `schema` (keywords a column cannot show count as satisfied). */
export function satisfies(schema: JsonSchema | boolean, reading: Interpretation, ctx: ConditionContext): string {
  if (schema === true) return TRUE;
  if (schema === false) return FALSE;
  const parts: string[] = [];
  for (const keyword of VALUE_KEYWORDS) {
    if (Object.hasOwn(schema, keyword)) parts.push(keywordHolds(keyword, schema[keyword], reading, ctx));
  }
  if (Array.isArray(schema.allOf)) parts.push(and(...schema.allOf.map((s) => satisfies(s as JsonSchema, reading, ctx))));
  // oneOf is read as anyOf: a value matching two branches passes here (never a false alarm).
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length > 0) parts.push(or(...branches.map((s) => satisfies(s as JsonSchema, reading, ctx))));
  }
  return and(...parts);
}

export function keywordHolds(keyword: ValueKeyword, value: unknown, reading: Interpretation, ctx: ConditionContext): string {
  const { dialect, values } = ctx;
  switch (keyword) {
    case 'type':
      return typeHolds(Array.isArray(value) ? (value as unknown[]) : [value], reading);
    case 'enum':
      return Array.isArray(value) ? or(...value.map((v) => equals(v, reading, ctx))) : TRUE;
    case 'const':
      return equals(value, reading, ctx);
    case 'pattern': {
      if (reading.kind !== 'string' || reading.text === undefined || typeof value !== 'string') return TRUE;
      const translated = translatePattern(value, dialect.regexFlavor);
      if ('problem' in translated) {
        ctx.unchecked.push(`pattern /${value}/ (${translated.problem})`);
        return TRUE;
      }
      return dialect.matches(reading.text, values.text(translated.source));
    }
    case 'format': {
      if (reading.kind !== 'string' || reading.text === undefined || typeof value !== 'string') return TRUE;
      const pattern = Object.hasOwn(FORMAT_PATTERNS, value) ? FORMAT_PATTERNS[value] : undefined;
      if (pattern === undefined) {
        ctx.unchecked.push(`format "${value}"`);
        return TRUE;
      }
      return dialect.matches(reading.text, values.text(pattern));
    }
    case 'minLength':
    case 'maxLength':
      if (reading.kind !== 'string' || reading.text === undefined || typeof value !== 'number') return TRUE;
      return `(${dialect.length(reading.text)} ${keyword === 'minLength' ? '>=' : '<='} ${values.number(value)})`;
    default: {
      if (reading.kind !== 'number' || reading.number === undefined || typeof value !== 'number') return TRUE;
      const operator = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[keyword];
      return `(${reading.number} ${operator} ${values.number(value)})`;
    }
  }
}

function typeHolds(types: readonly unknown[], reading: Interpretation): string {
  if (reading.kind === 'number') return types.includes('number') ? TRUE : types.includes('integer') ? reading.whole! : FALSE;
  return types.includes(reading.kind) ? TRUE : FALSE;
}

/** Whether the value equals a JSON value of the plan (`enum`, `const`); values of another kind never do. */
function equals(expected: unknown, reading: Interpretation, ctx: ConditionContext): string {
  switch (reading.kind) {
    case 'string':
      if (typeof expected !== 'string') return FALSE;
      return reading.text === undefined ? TRUE : `(${reading.text} = ${ctx.values.text(expected)})`;
    case 'number':
      return typeof expected === 'number' ? `(${reading.number!} = ${ctx.values.number(expected)})` : FALSE;
    case 'boolean':
      return typeof expected === 'boolean' ? (expected ? reading.isTrue! : not(reading.isTrue!)) : FALSE;
    case 'array':
      // Comparing arrays needs the JSON parsed: a column's text cannot show it, so it passes.
      return Array.isArray(expected) ? TRUE : FALSE;
  }
}
