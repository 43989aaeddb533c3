import { compareCodeUnits } from '../core/compare.js';
import { joinPath, ref } from '../report/build-report.js';
import type { Plan } from '../plan/model.js';
import type { CallType, CoverageFailure, EventCoverage, EventRef, ObservedType, PropertyCoverage, SchemaReport } from '../report/types.js';
import { isSpecCallProperty } from '../spec/call-properties.js';
import { columnFamily, type ColumnFamily, type ValueKind } from './column-types.js';
import type { WarehouseEngine, WarehouseTable } from './engine.js';
import { layoutPlan, type PlanColumn, type PlanTable, type WarehouseConfig } from './layout.js';
import { SEGMENT_TABLES, isCommonColumn } from './names.js';
import { tableStats, type ColumnStats, type GroupStats, type TableStats } from './table-stats.js';

/**
 * `cdp schema-report --warehouse`: the report model of the file schema-report (report/types.ts),
 * built from the tables the connector wrote instead of from a log. A row per event table, per page
 * and screen name, and for identifies, groups and aliases; a property per column. docs/warehouse.md
 * says what each number means here.
 */

export interface WarehouseReportOptions {
  plan?: Plan;
  planFile?: string;
  config?: WarehouseConfig;
  schema: string;
  /** ISO-8601 instants bounding `received_at`. */
  since?: string;
  until?: string;
  /** Only these rows: event, page or screen names, or identify, group, alias. */
  events?: ReadonlySet<string>;
  /** Percentage (0..100) under which a required column's non-null share is a failure. */
  minCoverage?: number;
}

/** A table and what the report makes of it. */
interface Target {
  type: CallType;
  table: WarehouseTable;
  groupBy?: 'name';
  /** Track: the planned event the table belongs to. */
  planned?: PlanTable;
}

const CALL_ORDER: CallType[] = ['track', 'page', 'screen', 'identify', 'group', 'alias'];
const FIXED_TABLES: ReadonlySet<string> = new Set(SEGMENT_TABLES);

export async function warehouseSchemaReport(engine: WarehouseEngine, options: WarehouseReportOptions): Promise<SchemaReport> {
  const tables = await engine.describe(options.schema);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const layout = options.plan ? layoutPlan(options.plan, options.config) : undefined;
  const notes = (layout?.unmapped ?? []).map((u) => `${u.kind} ${JSON.stringify(u.event)}: ${u.reason}`);

  const targets: Target[] = [];
  const plannedTracks = new Map<string, PlanTable>();
  for (const t of layout?.tables ?? []) if (t.kind === 'track' && !plannedTracks.has(t.table)) plannedTracks.set(t.table, t);
  for (const table of tables) {
    const planned = plannedTracks.get(table.name);
    if (planned) targets.push({ type: 'track', table, planned });
    else if (!FIXED_TABLES.has(table.name) && table.columns.some((c) => c.name === 'event_text')) targets.push({ type: 'track', table });
  }
  for (const [type, name] of [['page', 'pages'], ['screen', 'screens'], ['identify', 'identifies'], ['group', 'groups'], ['alias', 'aliases']] as const) {
    const table = byName.get(name);
    if (table) targets.push({ type, table, ...(type === 'page' || type === 'screen' ? { groupBy: 'name' as const } : {}) });
  }

  const rows: Array<{ target: Target; group: GroupStats; name: string | null }> = [];
  let filtered = 0;
  let read = 0;
  for (const target of targets) {
    const stats = await tableStats(engine, { schema: options.schema, table: target.table, ...(target.groupBy ? { groupBy: target.groupBy } : {}), ...bounds(options) });
    notes.push(...stats.notes);
    for (const group of stats.groups) {
      const name = rowName(target, group, stats);
      read += group.rows;
      if (options.events && !options.events.has(name ?? target.type)) filtered += group.rows;
      else rows.push({ target, group, name });
    }
    filtered += stats.filtered;
    read += stats.filtered;
  }

  const reported = rows.reduce((n, r) => n + r.group.rows, 0);
  const threshold = options.minCoverage === undefined ? undefined : options.minCoverage / 100;
  const coverageFailures: CoverageFailure[] = [];
  const events = rows.map(({ target, group, name }) => eventCoverage(target, group, name, options.plan, layout?.tables ?? [], reported, threshold, coverageFailures));
  events.sort((a, b) => b.count - a.count || CALL_ORDER.indexOf(a.type) - CALL_ORDER.indexOf(b.type) || compareCodeUnits(a.name ?? '', b.name ?? ''));

  const seen = events.filter((e) => e.firstSeen !== undefined);
  const report: SchemaReport = {
    ...(options.plan ? { plan: { file: options.planFile ?? options.plan.file, ...(options.plan.name !== undefined ? { name: options.plan.name } : {}), ...(options.plan.version !== undefined ? { version: options.plan.version } : {}) } } : {}),
    summary: {
      files: 0,
      tables: targets.length,
      read,
      reported,
      malformed: 0,
      filtered,
      malformedAt: [],
      ...(seen.length > 0 ? { firstSeen: seen.map((e) => e.firstSeen!).sort()[0]!, lastSeen: seen.map((e) => e.lastSeen!).sort().at(-1)! } : {}),
      timestampMissing: events.reduce((n, e) => n + e.timestampMissing, 0),
      timestampInvalid: 0,
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
      ...(options.minCoverage !== undefined ? { minCoverage: options.minCoverage } : {}),
    },
    events,
    unplannedEvents: options.plan ? events.filter((e) => e.planned === false).map(ref) : [],
    unseenEvents: options.plan ? unseen(options.plan, events, options.events) : [],
    coverageFailures,
    notes,
  };
  return report;
}

function bounds(options: WarehouseReportOptions): { since?: string; until?: string } {
  return { ...(options.since !== undefined ? { since: options.since } : {}), ...(options.until !== undefined ? { until: options.until } : {}) };
}

/** A track row is named by the plan's event, else by its most frequent spelling, else by its table. */
function rowName(target: Target, group: GroupStats, stats: TableStats): string | null {
  switch (target.type) {
    case 'track':
      return target.planned?.event ?? stats.eventText ?? target.table.name;
    case 'page':
    case 'screen':
      return group.key;
    default:
      return null;
  }
}

function eventCoverage(
  target: Target,
  group: GroupStats,
  name: string | null,
  plan: Plan | undefined,
  planTables: readonly PlanTable[],
  reported: number,
  threshold: number | undefined,
  coverageFailures: CoverageFailure[],
): EventCoverage {
  const planned = plan ? plannedTable(target, name, planTables) : undefined;
  const rows = group.rows;
  const properties: PropertyCoverage[] = [];
  const claimed = new Set<string>();
  const columnTypes = new Map(target.table.columns.map((c) => [c.name, c.type]));
  const kind = target.type === 'alias' ? 'alias' : target.type;

  if (planned !== undefined && planned !== 'any') {
    const ownKeys = target.type === 'page' || target.type === 'screen' ? declaredKeys(plan!, target.type, name) : undefined;
    for (const column of planned.columns) {
      claimed.add(column.column);
      const spec = ownKeys !== undefined && column.path.length > 0 && isSpecCallProperty(target.type, column.path[0]!) && !ownKeys.has(column.path[0]!);
      // As in the file report, a spec property the plan leaves to the spec is listed only when it arrived.
      if (spec && (group.columns.get(column.column)?.nonNull ?? 0) === 0) continue;
      const p = property(column.path.reduce(joinPath, ''), group.columns.get(column.column), rows, spec ? 'spec' : true, spec ? false : column.required, column, column.column, columnTypes.get(column.column));
      properties.push(p);
      if (threshold !== undefined && p.required === true && p.presence < threshold) coverageFailures.push({ event: { type: target.type, name }, path: p.path, presence: p.presence });
    }
  }
  const rest = target.table.columns.filter((c) => !claimed.has(c.name) && !isCommonColumn(c.name, kind) && (group.columns.get(c.name)?.nonNull ?? 0) > 0).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const c of rest) {
    let state: PropertyCoverage['planned'];
    if (!plan) state = null;
    else if (planned === undefined) state = (target.type === 'page' || target.type === 'screen') && isSpecCallProperty(target.type, c.name) ? 'spec' : false;
    else if (planned === 'any' || planned.openPrefixes.some((prefix) => c.name.startsWith(prefix))) state = true;
    else state = false;
    properties.push(property(c.name, group.columns.get(c.name), rows, state, plan ? false : null, undefined, c.name, c.type));
  }

  const coverage: EventCoverage = {
    type: target.type,
    name,
    count: rows,
    share: reported > 0 ? rows / reported : 0,
    ...(group.firstReceived !== undefined ? { firstSeen: group.firstReceived, lastSeen: group.lastReceived! } : {}),
    volume: group.days,
    timestampMissing: group.receivedMissing,
    timestampInvalid: 0,
    planned: plan ? planned !== undefined : null,
    properties,
    table: target.table.name,
  };
  if (planned !== undefined && planned !== 'any' && planned.deprecated) coverage.deprecated = true;
  return coverage;
}

/**
 * The plan's table for a row; 'any' where the plan accepts any property (pages and screens sent
 * without a name, aliases, as in the file report); undefined when the plan does not define it.
 */
function plannedTable(target: Target, name: string | null, planTables: readonly PlanTable[]): PlanTable | 'any' | undefined {
  switch (target.type) {
    case 'track':
      return target.planned;
    case 'page':
    case 'screen':
      return name === null ? 'any' : planTables.find((t) => t.kind === target.type && t.event === name);
    case 'identify':
      return planTables.find((t) => t.kind === 'identify' && !t.derived);
    case 'group':
      return planTables.find((t) => t.kind === 'group');
    default:
      return 'any';
  }
}

/** Keys a named page or screen declares itself (the spec's other properties are the spec's). */
function declaredKeys(plan: Plan, type: 'page' | 'screen', name: string | null): Set<string> {
  const entry = name === null ? undefined : (type === 'page' ? plan.pages : plan.screens).get(name);
  const declared = entry?.properties.properties;
  return new Set(declared && typeof declared === 'object' ? Object.keys(declared) : []);
}

function property(
  path: string,
  stats: ColumnStats | undefined,
  rows: number,
  planned: PropertyCoverage['planned'],
  required: boolean | null,
  planColumn: PlanColumn | undefined,
  column: string,
  columnType: string | undefined,
): PropertyCoverage {
  const count = stats?.nonNull ?? 0;
  const types: PropertyCoverage['types'] = {};
  const family = columnType === undefined ? undefined : columnFamily(columnType);
  if (count > 0 && family !== undefined) types[observedType(family)] = count;
  const p: PropertyCoverage = {
    path,
    count,
    presence: rows > 0 ? count / rows : 0,
    types,
    distinct: { count: stats?.distinct ?? 0, capped: stats?.capped === true },
    ...(stats?.top && stats.top.length > 0 ? { topValues: stats.top } : {}),
    planned,
    required,
    column: { name: column, ...(columnType !== undefined ? { type: columnType } : {}) },
  };
  if (count > 0 && family !== undefined && planColumn?.kinds && !holdsPlanned(family, planColumn.kinds)) p.forbiddenTypes = [observedType(family)];
  return p;
}

/** The JSON type a column of this family reports its values as (timestamps arrived as strings). */
function observedType(family: ColumnFamily): ObservedType {
  switch (family) {
    case 'integer':
    case 'number':
    case 'boolean':
      return family;
    case 'json':
      return 'object';
    default:
      return 'string';
  }
}

/** Whether a column of this family is what the plan's kinds would have made (a text column is, for text, dates and arrays). */
function holdsPlanned(family: ColumnFamily, kinds: readonly ValueKind[]): boolean {
  if (kinds.length === 0) return true;
  switch (family) {
    case 'string':
      return kinds.some((k) => k === 'string' || k === 'timestamp' || k === 'array');
    case 'integer':
      return kinds.some((k) => k === 'integer' || k === 'number');
    case 'number':
      return kinds.includes('number') || kinds.includes('integer');
    case 'boolean':
      return kinds.includes('boolean');
    case 'timestamp':
      return kinds.some((k) => k === 'timestamp' || k === 'string');
    default:
      return true;
  }
}

function unseen(plan: Plan, events: readonly EventCoverage[], only: ReadonlySet<string> | undefined): EventRef[] {
  const seen = new Set(events.map((e) => `${e.type}\u0000${e.name ?? ''}`));
  const out: EventRef[] = [];
  for (const [type, map] of [['track', plan.events], ['page', plan.pages], ['screen', plan.screens]] as const) {
    for (const name of map.keys()) if ((!only || only.has(name)) && !seen.has(`${type}\u0000${name}`)) out.push({ type, name });
  }
  for (const type of ['identify', 'group'] as const) {
    if (plan[type] && (!only || only.has(type)) && !seen.has(`${type}\u0000`)) out.push({ type, name: null });
  }
  return out;
}
