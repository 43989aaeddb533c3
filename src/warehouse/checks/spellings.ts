import { compareCodeUnits } from '../../core/compare.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { checkName, describeConvention } from '../../naming/conventions.js';
import { closest } from '../../naming/distance.js';
import type { Plan } from '../../plan/model.js';
import type { ResolvedConventions } from '../../rules/types.js';
import type { WarehouseTable } from '../engine.js';
import type { PlanTable } from '../layout.js';
import { SEGMENT_TABLES } from '../names.js';
import type { SqlDialect, SqlValue } from '../sql/dialect.js';
import { SqlValues } from '../sql/values.js';
import { TRUE } from './conditions.js';
import { countOf, parseSamples, rowCount, rowsText, subjectOf, warehouseDiagnostic, type RuleSettings } from './findings.js';
import { MAX_SAMPLES, sinceClause, type SinceBound } from './table-query.js';

/**
 * The names events arrived with: `event_text` in `tracks` (the event table keeps only the snake-cased
 * name in `event`, and every spelling of an event lands in one table), `name` in `pages` and `screens`.
 */
export interface NameSource {
  kind: 'track' | 'page' | 'screen';
  table: WarehouseTable;
  /** The column holding the name as sent. */
  nameColumn: 'event_text' | 'name';
  /** `tracks.event`: the table the event landed in; absent when the column is. */
  tableColumn?: 'event';
}

/** Tables that hold the names to check: `tracks` always, `pages` and `screens` when the plan lists pages (screens). */
export function nameSources(plan: Plan, catalogue: readonly WarehouseTable[]): NameSource[] {
  const out: NameSource[] = [];
  const find = (name: string) => catalogue.find((t) => t.name === name);
  const has = (table: WarehouseTable, column: string) => table.columns.some((c) => c.name === column);
  const tracks = find('tracks');
  if (tracks && has(tracks, 'event_text')) out.push({ kind: 'track', table: tracks, nameColumn: 'event_text', ...(has(tracks, 'event') ? { tableColumn: 'event' as const } : {}) });
  for (const [kind, table, planned] of [['page', 'pages', plan.pages.size > 0], ['screen', 'screens', plan.screens.size > 0]] as const) {
    const found = find(table);
    if (planned && found && has(found, 'name')) out.push({ kind, table: found, nameColumn: 'name' });
  }
  return out;
}

/** Rows per distinct name (and the table it landed in), with sample ids: one GROUP BY query. */
export function buildNameQuery(dialect: SqlDialect, schema: string, source: NameSource, since: SinceBound | undefined, mode: 'params' | 'literals'): { sql: string; params: SqlValue[] } {
  const values = new SqlValues(dialect, mode);
  const q = (name: string) => dialect.identifier(name);
  const select = [`${q(source.nameColumn)} AS "name"`, `${source.tableColumn ? q(source.tableColumn) : 'NULL'} AS "event_table"`, 'count(*) AS "rows"'];
  if (source.table.columns.some((c) => c.name === 'id')) select.push(`${dialect.sampleIds(q('id'), TRUE, MAX_SAMPLES)} AS "samples"`);
  const group = [q(source.nameColumn), ...(source.tableColumn ? [q(source.tableColumn)] : [])];
  return values.finish(`SELECT ${select.join(', ')}\nFROM ${q(schema)}.${q(source.table.name)}${sinceClause(source.table, since, values)}\nGROUP BY ${group.join(', ')}`);
}

/** Rows of a whole table, with sample ids (an event table the plan does not list). */
export function buildCountQuery(dialect: SqlDialect, schema: string, table: WarehouseTable, since: SinceBound | undefined, mode: 'params' | 'literals'): { sql: string; params: SqlValue[] } {
  const values = new SqlValues(dialect, mode);
  const q = (name: string) => dialect.identifier(name);
  const samples = table.columns.some((c) => c.name === 'id') ? `, ${dialect.sampleIds(q('id'), TRUE, MAX_SAMPLES)} AS "samples"` : '';
  return values.finish(`SELECT count(*) AS "rows"${samples}\nFROM ${q(schema)}.${q(table.name)}${sinceClause(table, since, values)}`);
}

/**
 * Event tables the plan does not list: tables with an `event_text` column that are neither one of
 * the connector's own tables nor a planned event's.
 */
export function unplannedEventTables(catalogue: readonly WarehouseTable[], planned: readonly PlanTable[]): WarehouseTable[] {
  const known = new Set<string>([...SEGMENT_TABLES, ...planned.map((t) => t.table)]);
  return catalogue.filter((t) => !known.has(t.name) && t.columns.some((c) => c.name === 'event_text'));
}

export interface NameFindingsInput {
  plan: Plan;
  settings: RuleSettings;
  conventions: ResolvedConventions;
  schema: string;
  source: NameSource;
  /** The planned entries, for the table each planned event lands in. */
  planned: readonly PlanTable[];
  rows: readonly Record<string, unknown>[];
}

/**
 * `plan/unplanned-event` for each name the plan does not list, and `naming/event-case` for each
 * such event name that breaks the convention, listing the other spellings in its table. Returns
 * the event tables the names account for too, so that their tables are not reported again.
 */
export function nameFindings({ plan, settings, conventions, schema, source, planned, rows }: NameFindingsInput): { diagnostics: Diagnostic[]; tables: Set<string> } {
  const known = source.kind === 'track' ? plan.events : source.kind === 'page' ? plan.pages : plan.screens;
  const plannedByTable = new Map(planned.filter((t) => t.kind === 'track').map((t) => [t.table, t.event!]));
  const groups = rows
    .filter((r) => typeof r.name === 'string')
    .map((r) => ({ name: r.name as string, table: typeof r.event_table === 'string' ? r.event_table : undefined, count: countOf(r.rows), samples: parseSamples(r.samples) }))
    // Most rows first, so that a message lists the main spelling first; engines return groups in any order.
    .sort((a, b) => b.count - a.count || compareCodeUnits(a.name, b.name));
  const total = rows.reduce((sum, r) => sum + countOf(r.rows), 0);
  const where = (count: number, samples: string[]) => ({ table: `${schema}.${source.table.name}`, column: source.nameColumn, count, rows: total, samples });
  const diagnostics: Diagnostic[] = [];
  const tables = new Set<string>();
  for (const group of groups) {
    if (group.table !== undefined) tables.add(group.table);
    if (known.has(group.name)) continue;
    const subject = subjectOf(source.kind, group.name);
    const sameTable = group.table !== undefined ? plannedByTable.get(group.table) : undefined;
    const suggestion = sameTable ?? closest(group.name, known.keys(), Math.max(2, Math.floor(group.name.length / 4)));
    const rowsPhrase = rowsText(group.count, total);
    const unplanned = warehouseDiagnostic(
      settings,
      'plan/unplanned-event',
      { messageId: 'warehouse', data: { subject: subject.charAt(0).toUpperCase() + subject.slice(1), rows: rowsPhrase, table: source.table.name }, suggestion },
      where(group.count, group.samples),
      { event: group.name, path: source.kind === 'track' ? '/event' : '/name', policy: plan.defaults.unplannedEvents },
    );
    if (unplanned) diagnostics.push(unplanned);
    if (source.kind !== 'track') continue;
    const naming = checkName(group.name, conventions.event);
    if (naming.ok) continue;
    const others = groups.filter((g) => g !== group && g.table !== undefined && g.table === group.table);
    const othersText = others.length === 0 ? '' : `; table "${group.table}" also holds ${others.map((g) => `"${g.name}" (${rowCount(g.count)})`).join(', ')}`;
    const reason = naming.reason ?? `does not follow ${describeConvention(conventions.event)}`;
    const d = warehouseDiagnostic(
      settings,
      'naming/event-case',
      { messageId: 'warehouse', data: { name: group.name, reason, rows: rowsPhrase, table: source.table.name, others: othersText }, suggestion: naming.suggestion ?? sameTable },
      where(group.count, group.samples),
      { event: group.name, path: '/event' },
    );
    if (d) diagnostics.push(d);
  }
  return { diagnostics, tables };
}

/** `plan/unplanned-event` for an event table that no name in `tracks` accounts for. */
export function unplannedTableFinding(settings: RuleSettings, plan: Plan, schema: string, table: string, row: Record<string, unknown>): Diagnostic | undefined {
  const count = countOf(row.rows);
  if (count === 0) return undefined;
  return warehouseDiagnostic(
    settings,
    'plan/unplanned-event',
    { messageId: 'warehouseTable', data: { table, rows: rowsText(count, count) } },
    { table: `${schema}.${table}`, count, rows: count, samples: parseSamples(row.samples) },
    { policy: plan.defaults.unplannedEvents },
  );
}
