/**
 * Aggregated counts + the plan -> the SchemaReport every format renders. Pure: the same counts and
 * plan give the same report, in the same order, whatever order the events came in.
 */
import { compareCodeUnits } from '../core/compare.js';
import type { Plan, PlanEvent } from '../plan/model.js';
import { isSpecCallProperty, specCallProperties, specPropertySchema } from '../spec/call-properties.js';
import { LIMITS, type CoverageAggregator, type PathNode, type Row, type Scalar } from './aggregate.js';
import { anyShape, planShape, type Shape } from './plan-shape.js';
import { OBSERVED_TYPES, type CallType, type CoverageFailure, type EventCoverage, type EventRef, type PropertyCoverage, type SchemaReport } from './types.js';

export interface BuildOptions {
  /** Absent in discovery mode. */
  plan?: Plan;
  /** How the report names the plan file. */
  planFile?: string;
  files: number;
  /** Only these event names were asked for (--event): limits the unseen-events list too. */
  events?: ReadonlySet<string>;
  since?: string;
  until?: string;
  /** Percentage (0..100) under which a required property's presence is a failure. */
  minCoverage?: number;
}

/** Values of a property listed as top values when it has at most this many distinct ones. */
const LOW_CARDINALITY = 20;
const TOP_VALUES = 5;
const CALL_ORDER: CallType[] = ['track', 'page', 'screen', 'identify', 'group', 'alias'];

export function buildSchemaReport(aggregator: CoverageAggregator, options: BuildOptions): SchemaReport {
  const { plan } = options;
  const rows = [...aggregator.rows.values()].sort(compareRows);
  const reported = aggregator.reported;
  const notes: string[] = [];
  const threshold = options.minCoverage === undefined ? undefined : options.minCoverage / 100;
  const coverageFailures: CoverageFailure[] = [];
  const events = rows.map((row) => eventCoverage(row, plan, reported, notes, threshold, coverageFailures));
  for (const f of aggregator.failedAt) {
    notes.push(`${f.file}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}: cdp failed while counting this event (${f.reason}); this is a bug in cdp, please report it with this input`);
  }
  if (aggregator.failed > aggregator.failedAt.length) notes.push(`${fmt(aggregator.failed - aggregator.failedAt.length)} more events made cdp fail while counting them`);
  if (aggregator.rowsDropped > 0) {
    notes.push(`${fmt(aggregator.rowsDropped)} events with names past the first ${fmt(LIMITS.rows)} distinct ones are counted in the totals but have no row`);
  }

  let firstMs = Infinity;
  let lastMs = -Infinity;
  let missing = 0;
  let invalid = 0;
  for (const row of rows) {
    firstMs = Math.min(firstMs, row.firstMs);
    lastMs = Math.max(lastMs, row.lastMs);
    missing += row.timestampMissing;
    invalid += row.timestampInvalid;
  }

  const report: SchemaReport = {
    ...(plan ? { plan: { file: options.planFile ?? plan.file, ...(plan.name !== undefined ? { name: plan.name } : {}), ...(plan.version !== undefined ? { version: plan.version } : {}) } } : {}),
    summary: {
      files: options.files,
      read: aggregator.read,
      reported,
      malformed: aggregator.malformed,
      filtered: aggregator.filtered,
      malformedAt: aggregator.malformedAt,
      ...(Number.isFinite(firstMs) ? { firstSeen: iso(firstMs), lastSeen: iso(lastMs) } : {}),
      timestampMissing: missing,
      timestampInvalid: invalid,
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
      ...(options.minCoverage !== undefined ? { minCoverage: options.minCoverage } : {}),
    },
    events,
    unplannedEvents: plan ? events.filter((e) => e.planned === false).map(ref) : [],
    unseenEvents: plan ? unseen(plan, aggregator, options.events) : [],
    coverageFailures,
    notes,
  };
  return report;
}

function eventCoverage(row: Row, plan: Plan | undefined, reported: number, notes: string[], threshold: number | undefined, coverageFailures: CoverageFailure[]): EventCoverage {
  const planned = plan ? plannedEntry(row, plan) : undefined;
  const label = rowLabel(row);
  if (row.untrackedPaths > 0) notes.push(`${label}: ${values(row.untrackedPaths)} at paths past the first ${fmt(LIMITS.pathsPerRow)} distinct ones were not tracked`);
  if (row.tooDeep > 0) notes.push(`${label}: ${values(row.tooDeep)} nested deeper than ${LIMITS.depth} levels were not followed`);
  if (row.daysDropped > 0) notes.push(`${label}: events on days past the first ${fmt(LIMITS.days)} distinct ones are missing from its volume chart (${fmt(row.daysDropped)})`);

  const collected: Collected[] = [];
  const shape = planned === undefined ? undefined : planned === false ? null : planned;
  collect(row.root, row.count, shape, '', collected, plan && planned !== false ? row.type : undefined);
  const properties = collected.map((c) => c.property);
  const coverage: EventCoverage = {
    type: row.type,
    name: row.name,
    count: row.count,
    share: reported > 0 ? row.count / reported : 0,
    ...(Number.isFinite(row.firstMs) ? { firstSeen: iso(row.firstMs), lastSeen: iso(row.lastMs) } : {}),
    volume: [...row.days].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ day: iso(day * 86_400_000).slice(0, 10), count })),
    timestampMissing: row.timestampMissing,
    timestampInvalid: row.timestampInvalid,
    planned: planned === undefined ? null : planned !== false,
    properties,
  };
  if (threshold !== undefined) {
    // A required property of an object that never arrived is not missing: only its parent is absent.
    for (const { property, parentCount } of collected) {
      if (property.required === true && parentCount > 0 && property.presence < threshold) coverageFailures.push({ event: ref(coverage), path: property.path, presence: property.presence });
    }
  }
  if (plan && row.name !== null && (row.type === 'track' || row.type === 'page' || row.type === 'screen')) {
    const entry = entryMap(plan, row.type).get(row.name);
    if (entry?.deprecated !== undefined && entry.deprecated !== false) coverage.deprecated = true;
  }
  return coverage;
}

/**
 * The plan's shape for a row, false when the plan does not define it. Pages and screens sent
 * without a name are never unplanned (as in `cdp lint`), and alias has nothing to plan.
 */
function plannedEntry(row: Row, plan: Plan): Shape | false {
  switch (row.type) {
    case 'identify':
    case 'group': {
      const section = plan[row.type];
      return section ? planShape(section.traits, plan.types) : false;
    }
    case 'alias':
      return anyShape();
    default: {
      if (row.name === null) return row.type === 'track' ? false : anyShape();
      const entry = entryMap(plan, row.type).get(row.name);
      return entry ? planShape(entry.properties, plan.types) : false;
    }
  }
}

function entryMap(plan: Plan, type: 'track' | 'page' | 'screen'): Map<string, PlanEvent> {
  return type === 'track' ? plan.events : type === 'page' ? plan.pages : plan.screens;
}

function topValues(values: Map<Scalar, number>): NonNullable<PropertyCoverage['topValues']> {
  return [...values]
    .sort((a, b) => b[1] - a[1] || compareCodeUnits(String(a[0]), String(b[0])))
    .slice(0, TOP_VALUES)
    .map(([value, count]) => ({ value, count }));
}

interface Collected {
  property: PropertyCoverage;
  /** Occurrences of the property's parent: the denominator of its presence. */
  parentCount: number;
}

/**
 * Lists the children of `node` depth first: the plan's properties in plan order, then those only
 * seen, in code-unit order. `shape` is undefined in discovery mode and null under something the
 * plan does not define.
 */
function collect(node: PathNode | undefined, parentCount: number, shape: Shape | null | undefined, prefix: string, out: Collected[], call?: CallType): void {
  const declared = shape ? shape.properties : undefined;
  const seen = node?.children;
  const keys = declared ? [...declared.keys()] : [];
  if (seen) keys.push(...[...seen.keys()].filter((k) => !declared?.has(k)).sort(compareCodeUnits));
  for (const key of keys) {
    const child = seen?.get(key);
    const decl = declared?.get(key);
    const path = joinPath(prefix, key);
    if (!decl && call !== undefined && isSpecCallProperty(call, key)) {
      // Allowed by the Segment spec, not by the plan: never unplanned, never required.
      const specShape = planShape(specPropertySchema(specCallProperties(call as 'page' | 'screen').get(key)!), new Map());
      const first = out.length;
      out.push(property(path, child, parentCount, 'spec', false, specShape));
      collectBelow(child, specShape, path, out);
      for (let i = first; i < out.length; i++) if (out[i]!.property.planned === true) out[i]!.property.planned = 'spec';
      continue;
    }
    const childShape = shape === undefined ? undefined : decl ? decl.shape : shape?.open ? anyShape() : null;
    out.push(property(path, child, parentCount, shape === undefined ? null : childShape !== null, shape === undefined ? null : decl?.required === true, childShape));
    collectBelow(child, childShape, path, out);
  }
}

function collectBelow(node: PathNode | undefined, shape: Shape | null | undefined, path: string, out: Collected[]): void {
  collect(node, node?.typeCount('object') ?? 0, shape, path, out);
  const items = node?.items;
  const itemShape = shape === undefined ? undefined : shape === null ? null : (shape.items ?? (shape.types === undefined || shape.types.has('array') ? anyShape() : null));
  if (!items && !shape?.items) return;
  const itemsPath = `${path}[]`;
  out.push(property(itemsPath, items, items?.count ?? 0, shape === undefined ? null : itemShape !== null, shape === undefined ? null : false, itemShape));
  collectBelow(items, itemShape, itemsPath, out);
}

function property(path: string, node: PathNode | undefined, parentCount: number, planned: PropertyCoverage['planned'], required: boolean | null, shape: Shape | null | undefined): Collected {
  const count = node?.count ?? 0;
  const types: PropertyCoverage['types'] = {};
  const forbidden: PropertyCoverage['forbiddenTypes'] = [];
  for (const t of OBSERVED_TYPES) {
    const n = node?.typeCount(t) ?? 0;
    if (n === 0) continue;
    types[t] = n;
    if (shape?.types && !shape.types.has(t)) forbidden.push(t);
  }
  const values = node?.values;
  const result: PropertyCoverage = {
    path,
    count,
    presence: parentCount > 0 ? count / parentCount : 0,
    types,
    distinct: values === null ? { count: LIMITS.distinctValues, capped: true } : { count: values?.size ?? 0, capped: false },
    ...(values && values.size > 0 && values.size <= LOW_CARDINALITY ? { topValues: topValues(values) } : {}),
    planned,
    required,
    ...(forbidden.length > 0 ? { forbiddenTypes: forbidden } : {}),
  };
  return { property: result, parentCount };
}

function unseen(plan: Plan, aggregator: CoverageAggregator, only: ReadonlySet<string> | undefined): EventRef[] {
  const out: EventRef[] = [];
  for (const type of ['track', 'page', 'screen'] as const) {
    for (const name of entryMap(plan, type).keys()) {
      if (only && !only.has(name)) continue;
      if (!aggregator.rows.has(`${type}\u0000${name}`)) out.push({ type, name });
    }
  }
  for (const type of ['identify', 'group'] as const) {
    if (only && !only.has(type)) continue;
    if (plan[type] && !aggregator.rows.has(type)) out.push({ type, name: null });
  }
  return out;
}

/** `products[].price`; a key that would read as path syntax is quoted: `["a.b"]`. */
export function joinPath(prefix: string, key: string): string {
  const part = /^[^.[\]"\s]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (prefix === '') return part;
  return part.startsWith('[') ? prefix + part : `${prefix}.${part}`;
}

function compareRows(a: Row, b: Row): number {
  return b.count - a.count || CALL_ORDER.indexOf(a.type) - CALL_ORDER.indexOf(b.type) || compareCodeUnits(a.name ?? '', b.name ?? '');
}

export function ref(e: EventRef): EventRef {
  return { type: e.type, name: e.name };
}

function rowLabel(row: EventRef): string {
  if (row.name === null) return row.type === 'page' || row.type === 'screen' ? `${row.type} (no name)` : row.type;
  return row.type === 'track' ? `event ${JSON.stringify(row.name)}` : `${row.type} ${JSON.stringify(row.name)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function values(n: number): string {
  return `${fmt(n)} value${n === 1 ? '' : 's'}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
