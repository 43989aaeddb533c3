import type { JsonSchema } from '../../plan/model.js';
import { columnFamily, familyHolds, type ColumnFamily } from '../column-types.js';
import type { WarehouseColumn, WarehouseTable } from '../engine.js';
import { isCommonColumn, type PlanColumn, type PlanTable } from '../layout.js';
import type { SqlDialect, SqlValue } from '../sql/dialect.js';
import { SqlValues } from '../sql/values.js';
import { and, FALSE, interpretations, keywordHolds, not, or, satisfies, TRUE, VALUE_KEYWORDS, type ConditionContext, type Interpretation, type ValueKeyword } from './conditions.js';

/** Ids of rows a finding shows, at most. */
export const MAX_SAMPLES = 5;

/** `--since`: only rows received at or after this instant (ISO 8601, UTC). */
export interface SinceBound {
  iso: string;
}

/** One thing the table's query counts. Results come back as `c<index>` (rows) and `s<index>` (sample ids). */
export type TableCheck =
  | { kind: 'rows'; entry: PlanTable }
  | { kind: 'missing'; entry: PlanTable; column: PlanColumn; absent: boolean }
  | { kind: 'value'; entry: PlanTable; column: PlanColumn; keyword: ValueKeyword | 'anyOf'; value: unknown; family: ColumnFamily }
  | { kind: 'column-type'; entry: PlanTable; column: PlanColumn; type: string }
  | { kind: 'unplanned-property'; entry: PlanTable; column: string }
  | { kind: 'deprecated'; entry: PlanTable };

export interface TableQuery {
  sql: string;
  params: SqlValue[];
  checks: TableCheck[];
  /** Whether sample ids are collected (the table has an `id` column). */
  samples: boolean;
  /** Plan constraints this dialect cannot check, as "pattern /…/ (why)". */
  unchecked: string[];
}

export interface TableQueryInput {
  dialect: SqlDialect;
  schema: string;
  /** The table as the catalogue describes it. */
  table: WarehouseTable;
  /** The plan's entries that land in it: one event, or every planned page (screen) for `pages` (`screens`). */
  entries: readonly PlanTable[];
  since?: SinceBound;
  /** Bound parameters for an engine, literals for printed SQL. */
  values: 'params' | 'literals';
  /**
   * Whether the catalogue's column types are the warehouse's (default), or assumed (printed SQL):
   * then every value is read through a cast to text, which works whatever type the column has.
   */
  assumedTypes?: boolean;
}

/** A table that cannot be checked as it is: what keeps it from it. */
export class TableProblem extends Error {
  override name = 'TableProblem';
}

/**
 * The one aggregate query that computes every check of a table, a pure function of the plan's
 * entries and the catalogue: a single scan, whatever the number of checks.
 */
export function buildTableQuery(input: TableQueryInput): TableQuery {
  const { dialect, table, entries } = input;
  const values = new SqlValues(dialect, input.values);
  const columns = new Map(table.columns.map((c) => [c.name, c]));
  const q = (name: string) => dialect.identifier(name);
  // Expressions that several checks test (does this text hold a number?), each worked out once per
  // row in the innermost query, under a name no column of the table has.
  const sharedExpressions = new Map<string, string>();
  const share = (expression: string) => {
    let name = sharedExpressions.get(expression);
    if (name === undefined) {
      name = `r${sharedExpressions.size}`;
      while (columns.has(name)) name = `_${name}`;
      sharedExpressions.set(expression, name);
    }
    return q(name);
  };
  const ctx: ConditionContext = { dialect, values, unchecked: [], share };
  const shared = entries.length > 1 || entries.some((e) => e.kind === 'page' || e.kind === 'screen');
  if (shared && !columns.has('name')) throw new TableProblem(`table "${table.name}" has no "name" column to tell its ${entries[0]!.kind}s apart`);

  const where = sinceClause(table, input.since, values);
  const checks: Array<{ check: TableCheck; condition: string }> = [];
  const add = (check: TableCheck, condition: string) => {
    if (condition !== FALSE) checks.push({ check, condition });
  };
  for (const entry of entries) {
    const inEntry = shared && entry.event !== undefined ? `(${q('name')} = ${values.text(entry.event)})` : TRUE;
    add({ kind: 'rows', entry }, inEntry);
    if (entry.deprecated) add({ kind: 'deprecated', entry }, inEntry);
    for (const column of entry.columns) {
      const found = columns.get(column.column);
      if (column.required) add({ kind: 'missing', entry, column, absent: !found }, found ? and(inEntry, `${q(found.name)} IS NULL`) : inEntry);
      if (found) for (const c of valueChecks(entry, column, found, ctx, input.assumedTypes === true)) add(c.check, and(inEntry, `${q(found.name)} IS NOT NULL`, c.condition));
    }
    for (const name of unplannedColumns(entry, table)) add({ kind: 'unplanned-property', entry, column: name }, and(inEntry, `${q(name)} IS NOT NULL`));
  }

  // Each condition is worked out once per row, as a flag in the inner query, and read twice by the
  // outer one (its count and its samples): evaluated inside both aggregates, it cost a third more.
  const samples = columns.has('id');
  const flags = samples ? [`${q('id')} AS ${q('id')}`] : [];
  const select = ['count(*) AS "rows"'];
  checks.forEach(({ check, condition }, i) => {
    if (condition === TRUE) {
      select.push(`count(*) AS "c${i}"`);
      if (samples && check.kind !== 'rows') select.push(`${dialect.sampleIds(q('id'), TRUE, MAX_SAMPLES)} AS "s${i}"`);
      return;
    }
    const flag = q(`f${i}`);
    flags.push(`${condition} AS ${flag}`);
    select.push(`${dialect.countIf(flag)} AS "c${i}"`);
    if (samples && check.kind !== 'rows') select.push(`${dialect.sampleIds(q('id'), flag, MAX_SAMPLES)} AS "s${i}"`);
  });
  const tableName = `${q(input.schema)}.${q(table.name)}`;
  // Readings are offered to every check but used by few: only those the flags name are computed.
  const flagText = flags.join('\n');
  const used = [...sharedExpressions].filter(([, name]) => flagText.includes(q(name)));
  const read = used.length > 0 ? `(\n  SELECT\n    *,\n    ${used.map(([e, name]) => `${e} AS ${q(name)}`).join(',\n    ')}\n  FROM ${tableName}${where.replace(/\n/g, '\n  ')}\n) AS ${q('row')}` : `${tableName}${where}`;
  const source = flags.length > 0 ? `(\n  SELECT\n    ${flags.join(',\n    ')}\n  FROM ${read.replace(/\n/g, '\n  ')}\n) AS ${q('checked')}` : read;
  const { sql, params } = values.finish(`SELECT\n  ${select.join(',\n  ')}\nFROM ${source}`);
  return { sql, params, checks: checks.map((c) => c.check), samples, unchecked: [...new Set(ctx.unchecked)] };
}

/** `WHERE received_at >= <bound>` for --since (with the newline before it), or nothing. */
export function sinceClause(table: WarehouseTable, since: SinceBound | undefined, values: SqlValues): string {
  if (!since) return '';
  const received = table.columns.find((c) => c.name === 'received_at');
  if (!received) throw new TableProblem(`table "${table.name}" has no "received_at" column, so --since cannot restrict it`);
  return `\nWHERE ${values.dialect.identifier('received_at')} >= ${values.value(since.iso, /with time zone|tz/.test(received.type) ? 'timestamptz' : 'timestamp')}`;
}

/** Columns of the table that the entry does not plan, apart from those the connector fills from the message. */
export function unplannedColumns(entry: PlanTable, table: WarehouseTable): string[] {
  const planned = new Set(entry.columns.map((c) => c.column));
  return table.columns
    .map((c) => c.name)
    .filter((name) => !planned.has(name) && !isCommonColumn(name, entry.kind) && !entry.openPrefixes.some((prefix) => name.startsWith(prefix)));
}

export interface ValueCheck {
  check: TableCheck;
  /** The row's value fails it (the value is known not to be NULL). */
  condition: string;
}

/**
 * The checks of one column's values: whether the column's type can hold what the plan allows (a
 * finding by itself), then one check per keyword of the plan (type, enum, pattern, bounds, ...), a
 * value failing a keyword only when it fails under every reading that has the right type.
 */
export function valueChecks(entry: PlanTable, column: PlanColumn, found: WarehouseColumn, ctx: ConditionContext, assumedTypes: boolean): ValueCheck[] {
  const family = assumedTypes ? 'string' : columnFamily(found.type);
  const out: ValueCheck[] = [];
  const cannotHold = column.kinds !== undefined && column.kinds.length > 0 && !column.kinds.some((k) => familyHolds(family, k));
  if (cannotHold) out.push({ check: { kind: 'column-type', entry, column, type: found.type }, condition: TRUE });
  const name = ctx.dialect.identifier(found.name);
  const readings = interpretations(assumedTypes ? ctx.dialect.cast(name, 'text') : name, family, ctx);
  if (readings.length === 0) return out;

  const { keywords, alternatives } = flatten(column.schema);
  const types = keywords.filter((k) => k.keyword === 'type');
  const typeOk = (r: Interpretation) => and(r.test, ...types.map((t) => keywordHolds('type', t.value, r, ctx)));
  const anyTypeOk = or(...readings.map(typeOk));
  // Usually one reading has the plan's type (a number in a text column): a keyword then fails where
  // that reading fails it, without the reading's test repeated for every keyword.
  const typed = readings.filter((r) => typeOk(r) !== FALSE);
  const fails = (holds: (r: Interpretation) => string) =>
    typed.length === 1 ? and(anyTypeOk, not(holds(typed[0]!))) : and(anyTypeOk, not(or(...readings.map((r) => and(typeOk(r), holds(r))))));
  const value = (keyword: ValueKeyword | 'anyOf', v: unknown): TableCheck => ({ kind: 'value', entry, column, keyword, value: v, family });
  // A column that cannot hold the type is reported once, not once more for each of its rows.
  if (types.length > 0 && !cannotHold) out.push({ check: value('type', types.length === 1 ? types[0]!.value : types.map((t) => t.value)), condition: not(anyTypeOk) });
  for (const { keyword, value: v } of keywords) {
    if (keyword !== 'type') out.push({ check: value(keyword, v), condition: fails((r) => keywordHolds(keyword, v, r, ctx)) });
  }
  for (const alternative of alternatives) out.push({ check: value('anyOf', alternative.anyOf ?? alternative.oneOf), condition: fails((r) => satisfies(alternative, r, ctx)) });
  return out;
}

/**
 * The value keywords of a schema with its allOf branches folded in (all of them apply), and its
 * anyOf/oneOf alternatives, each checked as a whole.
 */
function flatten(schema: JsonSchema): { keywords: Array<{ keyword: ValueKeyword; value: unknown }>; alternatives: JsonSchema[] } {
  const keywords: Array<{ keyword: ValueKeyword; value: unknown }> = [];
  const alternatives: JsonSchema[] = [];
  const visit = (s: unknown, depth: number) => {
    if (s === null || typeof s !== 'object' || depth > 64) return;
    const node = s as JsonSchema;
    for (const keyword of VALUE_KEYWORDS) if (Object.hasOwn(node, keyword)) keywords.push({ keyword, value: node[keyword] });
    if (Array.isArray(node.allOf)) for (const branch of node.allOf) visit(branch, depth + 1);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[keyword]) && (node[keyword] as unknown[]).length > 0) alternatives.push({ [keyword]: node[keyword] });
    }
  };
  visit(schema, 0);
  return { keywords, alternatives };
}
