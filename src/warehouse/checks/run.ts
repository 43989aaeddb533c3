import type { Diagnostic } from '../../core/diagnostic.js';
import type { CoverageEntry } from '../../core/report.js';
import type { Plan } from '../../plan/model.js';
import type { ResolvedConventions } from '../../rules/types.js';
import type { WarehouseEngine } from '../engine.js';
import { layoutPlan, type PlanTable, type WarehouseConfig } from '../layout.js';
import { DIALECTS } from '../sql/index.js';
import { countOf, tableFindings, type RuleSettings } from './findings.js';
import { buildCountQuery, buildNameQuery, nameFindings, nameSources, unplannedEventTables, unplannedTableFinding } from './spellings.js';
import { buildTableQuery, type SinceBound } from './table-query.js';

export interface WarehouseLintInput {
  engine: WarehouseEngine;
  plan: Plan;
  config?: WarehouseConfig;
  /** Default: the engine's (DuckDB `main`, PostgreSQL `public`). */
  schema?: string;
  since?: SinceBound;
  settings: RuleSettings;
  conventions: ResolvedConventions;
}

export interface WarehouseLintResult {
  diagnostics: Diagnostic[];
  /** The tables checked, as `schema.table`. */
  tables: string[];
  stats: { tables: number; rows: number; unseen: number };
  /** Per planned event, page and screen: whether any row of it was found. */
  coverage: CoverageEntry[];
  /** Things the user should know that are not findings: what could not be checked, and why. */
  notes: string[];
}

/**
 * Runs the plan's checks on a warehouse: per planned table one aggregate query (every check of
 * the table in one scan), then the names events arrived with (`tracks.event_text`, page and screen
 * names) and the event tables the plan does not list. A table that cannot be read is reported
 * (exit 2) and the others are still checked.
 */
export async function lintWarehouse(input: WarehouseLintInput): Promise<WarehouseLintResult> {
  const { engine, plan, settings } = input;
  const dialect = DIALECTS[engine.dialect];
  const schema = input.schema ?? engine.defaultSchema;
  const catalogue = await engine.describe(schema);
  const byName = new Map(catalogue.map((t) => [t.name, t]));
  const layout = layoutPlan(plan, input.config);
  // The users table holds each user's latest traits, not calls: identify's checks run on identifies.
  const entries = layout.tables.filter((t) => !t.derived);
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = layout.unmapped.map((u) => `${u.kind} "${u.event}" is not checked: ${u.reason}`);
  const rowsOf = new Map<PlanTable, number>();
  const unreadable = (table: string, error: unknown) => diagnostics.push(unreadableTable(`${schema}.${table}`, error));
  const checked: string[] = [];

  for (const [name, group] of groupByTable(entries)) {
    for (const entry of group) for (const u of entry.unmapped) notes.push(`${u.pointer} of ${entry.event ?? entry.kind} is not checked: ${u.reason}`);
    const table = byName.get(name);
    if (!table) continue;
    try {
      const query = buildTableQuery({ dialect, schema, table, entries: group, ...(input.since ? { since: input.since } : {}), values: 'params' });
      const [row = {}] = await engine.query(query.sql, query.params);
      checked.push(`${schema}.${name}`);
      query.checks.forEach((check, i) => {
        if (check.kind === 'rows') rowsOf.set(check.entry, countOf(row[`c${i}`]));
      });
      diagnostics.push(...tableFindings({ plan, settings, schema, table: name, query, row }));
      if (!query.samples) notes.push(`table ${schema}.${name} has no "id" column: its findings come without sample ids`);
      for (const what of query.unchecked) notes.push(`${what} cannot be checked in ${dialect.name}: table ${schema}.${name}`);
    } catch (error) {
      unreadable(name, error);
    }
  }

  const covered = new Set<string>();
  for (const source of nameSources(plan, catalogue)) {
    try {
      const { sql, params } = buildNameQuery(dialect, schema, source, input.since, 'params');
      const found = nameFindings({ plan, settings, conventions: input.conventions, schema, source, planned: entries, rows: await engine.query(sql, params) });
      diagnostics.push(...found.diagnostics);
      for (const t of found.tables) covered.add(t);
    } catch (error) {
      unreadable(source.table.name, error);
    }
  }
  for (const table of unplannedEventTables(catalogue, entries)) {
    if (covered.has(table.name)) continue;
    try {
      const { sql, params } = buildCountQuery(dialect, schema, table, input.since, 'params');
      const [row = {}] = await engine.query(sql, params);
      const d = unplannedTableFinding(settings, plan, schema, table.name, row);
      if (d) diagnostics.push(d);
    } catch (error) {
      unreadable(table.name, error);
    }
  }

  const coverage = coverageOf(entries, rowsOf);
  const unseen = coverage.filter((c) => !c.implemented).map((c) => `${c.type === 'track' ? 'event' : c.type} "${c.event}"`);
  if (unseen.length > 0) notes.push(`planned but not seen${input.since ? ' since ' + input.since.iso : ''} (no rows): ${unseen.join(', ')}`);
  const rows = [...rowsOf.values()].reduce((sum, n) => sum + n, 0);
  return { diagnostics, tables: checked, stats: { tables: checked.length, rows, unseen: coverage.filter((c) => !c.implemented).length }, coverage, notes: [...new Set(notes)] };
}

/** Entries by the table they land in (pages and screens share theirs), in plan order. */
function groupByTable(entries: readonly PlanTable[]): Map<string, PlanTable[]> {
  const out = new Map<string, PlanTable[]>();
  for (const entry of entries) out.set(entry.table, [...(out.get(entry.table) ?? []), entry]);
  return out;
}

function coverageOf(entries: readonly PlanTable[], rowsOf: ReadonlyMap<PlanTable, number>): CoverageEntry[] {
  return entries
    .filter((e): e is PlanTable & { kind: CoverageEntry['type']; event: string } => e.event !== undefined && (e.kind === 'track' || e.kind === 'page' || e.kind === 'screen'))
    .map((e) => ({ type: e.kind, event: e.event, implemented: (rowsOf.get(e) ?? 0) > 0, locations: [] }));
}

/** A table whose query failed: reported where it is, and the run goes on (exit 2 at the end). */
function unreadableTable(table: string, error: unknown): Diagnostic {
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0]!;
  return { ruleId: 'input/unreadable', severity: 'error', fatal: true, message: `Table ${table} cannot be checked: ${reason}; the other tables were checked`, file: table };
}

