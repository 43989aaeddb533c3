/**
 * Streaming aggregation for `cdp schema-report`: one pass over the events, memory bounded by the
 * number of distinct rows (event names) and property paths, never by the number of events.
 */
import { failureReason } from '../rules/internal/check-failed.js';
import { parseInstant } from './instant.js';
import { isCallType, type CallType } from '../spec/call-types.js';
import { OBSERVED_TYPES, type ObservedType } from './types.js';

export const LIMITS = {
  /** Distinct rows (event names, page names, ...) reported one by one; later ones are counted in the totals only. */
  rows: 10_000,
  /** Distinct property paths tracked per row. */
  pathsPerRow: 1_000,
  /** Nesting followed below an event's properties; deeper values count at the deepest tracked path. */
  depth: 32,
  /** Distinct scalar values counted per path before counting stops (the path is then high-cardinality). */
  distinctValues: 200,
  /** Strings longer than this are not counted as values: they are text, not enum candidates. */
  valueLength: 200,
  /** Distinct days per row in the volume series. */
  days: 3_660,
} as const;

const TYPE_INDEX: Record<ObservedType, number> = Object.fromEntries(OBSERVED_TYPES.map((t, i) => [t, i])) as Record<ObservedType, number>;
const DAY_MS = 86_400_000;

export type Scalar = string | number | boolean | null;

/** What was seen at one property path of one row. */
export class PathNode {
  count = 0;
  readonly types = [0, 0, 0, 0, 0, 0, 0];
  /** Counts per distinct scalar value; null once there are more than LIMITS.distinctValues. */
  values: Map<Scalar, number> | null = new Map();
  children: Map<string, PathNode> | undefined;
  items: PathNode | undefined;

  typeCount(type: ObservedType): number {
    return this.types[TYPE_INDEX[type]]!;
  }
}

/** One row of the report: every event with the same call type and name. */
export class Row {
  count = 0;
  readonly root = new PathNode();
  paths = 0;
  /** Values met at paths past the per-row limit, or below the depth limit. */
  untrackedPaths = 0;
  tooDeep = 0;
  firstMs = Infinity;
  lastMs = -Infinity;
  timestampMissing = 0;
  timestampInvalid = 0;
  readonly days = new Map<number, number>();
  daysDropped = 0;

  constructor(
    readonly type: CallType,
    readonly name: string | null,
  ) {}
}

export interface AggregateFilter {
  /** Keep only events whose name (or, for identify, group and alias, whose type) is one of these. */
  events?: ReadonlySet<string>;
  /** Keep only events stamped at or after / at or before these instants (ms since the epoch). */
  sinceMs?: number;
  untilMs?: number;
}

export interface Location {
  file: string;
  line: number;
  column?: number;
}

/**
 * Counts events into rows. Every call of `add` or `malformed` counts one event read, as exactly one
 * of reported, malformed or filtered.
 */
export class CoverageAggregator {
  readonly rows = new Map<string, Row>();
  read = 0;
  reported = 0;
  malformed = 0;
  filtered = 0;
  /** Events counted in the totals but not in a row, past LIMITS.rows. */
  rowsDropped = 0;
  readonly malformedAt: Location[] = [];
  /** Events whose aggregation threw (a bug in cdp), the first ten with the error; the report says so. */
  failed = 0;
  readonly failedAt: Array<Location & { reason: string }> = [];

  constructor(private readonly filter: AggregateFilter = {}) {}

  /**
   * A parsed event. Anything but an object with a recognisable call type counts as malformed. An
   * event that makes the aggregation throw (a bug in cdp) costs that event, never the report.
   */
  add(event: unknown, at: Location): void {
    const read = this.read;
    try {
      this.addEvent(event, at);
    } catch (error) {
      this.addFailed(at, error, this.read === read);
    }
  }

  private addEvent(event: unknown, at: Location): void {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      this.addMalformed(at);
      return;
    }
    const e = event as Record<string, unknown>;
    const type = callType(e);
    if (type === undefined) {
      this.addMalformed(at);
      return;
    }
    const name = rowName(type, e);
    const { filter } = this;
    if (filter.events && !filter.events.has(name ?? type)) {
      this.read++;
      this.filtered++;
      return;
    }
    const stamp = timestampOf(e);
    if ((filter.sinceMs !== undefined || filter.untilMs !== undefined) && (typeof stamp !== 'number' || stamp < (filter.sinceMs ?? -Infinity) || stamp > (filter.untilMs ?? Infinity))) {
      this.read++;
      this.filtered++;
      return;
    }
    this.read++;
    this.reported++;
    const row = this.rowFor(type, name);
    if (!row) return;
    row.count++;
    if (typeof stamp === 'number') {
      if (stamp < row.firstMs) row.firstMs = stamp;
      if (stamp > row.lastMs) row.lastMs = stamp;
      const day = Math.floor(stamp / DAY_MS);
      const n = row.days.get(day);
      if (n !== undefined) row.days.set(day, n + 1);
      else if (row.days.size < LIMITS.days) row.days.set(day, 1);
      else row.daysDropped++;
    } else if (stamp === 'missing') {
      row.timestampMissing++;
    } else {
      row.timestampInvalid++;
    }
    const body = type === 'identify' || type === 'group' ? e.traits : type === 'alias' ? undefined : e.properties;
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) this.observeObject(row, row.root, body as Record<string, unknown>, 0);
  }

  /**
   * An event the aggregator threw on. It is counted as reported (it was a well-formed event) when
   * the failure came before it was counted at all, so that the totals still add up.
   */
  private addFailed(at: Location, error: unknown, uncounted: boolean): void {
    if (uncounted) {
      this.read++;
      this.reported++;
    }
    this.failed++;
    if (this.failedAt.length < 10) this.failedAt.push({ ...at, reason: failureReason(error) });
  }

  /** A line or element that is not JSON, or not UTF-8. */
  addMalformed(at: Location): void {
    this.read++;
    this.malformed++;
    if (this.malformedAt.length < 10) this.malformedAt.push(at);
  }

  private rowFor(type: CallType, name: string | null): Row | undefined {
    const key = name === null ? type : `${type}\u0000${name}`;
    let row = this.rows.get(key);
    if (row) return row;
    if (this.rows.size >= LIMITS.rows) {
      this.rowsDropped++;
      return undefined;
    }
    row = new Row(type, name);
    this.rows.set(key, row);
    return row;
  }

  private observeObject(row: Row, node: PathNode, object: Record<string, unknown>, depth: number): void {
    if (depth >= LIMITS.depth) {
      row.tooDeep++;
      return;
    }
    let children = node.children;
    for (const key in object) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
      const value = object[key];
      if (value === undefined) continue;
      children ??= node.children = new Map();
      let child = children.get(key);
      if (!child) {
        if (row.paths >= LIMITS.pathsPerRow) {
          row.untrackedPaths++;
          continue;
        }
        row.paths++;
        child = new PathNode();
        children.set(key, child);
      }
      this.observe(row, child, value, depth + 1);
    }
  }

  private observe(row: Row, node: PathNode, value: unknown, depth: number): void {
    node.count++;
    switch (typeof value) {
      case 'string':
        node.types[0]!++;
        if (value.length <= LIMITS.valueLength) countValue(node, value);
        return;
      case 'number':
        node.types[Number.isInteger(value) ? 1 : 2]!++;
        countValue(node, value);
        return;
      case 'boolean':
        node.types[3]!++;
        countValue(node, value);
        return;
      default:
        if (value === null) {
          node.types[6]!++;
          countValue(node, null);
        } else if (Array.isArray(value)) {
          node.types[5]!++;
          if (depth >= LIMITS.depth) {
            row.tooDeep++;
            return;
          }
          if (value.length === 0) return;
          if (!node.items) {
            if (row.paths >= LIMITS.pathsPerRow) {
              row.untrackedPaths += value.length;
              return;
            }
            row.paths++;
            node.items = new PathNode();
          }
          for (const item of value) this.observe(row, node.items, item, depth + 1);
        } else {
          node.types[4]!++;
          this.observeObject(row, node, value as Record<string, unknown>, depth);
        }
    }
  }
}

function countValue(node: PathNode, value: Scalar): void {
  const values = node.values;
  if (values === null) return;
  const n = values.get(value);
  if (n !== undefined) values.set(value, n + 1);
  else if (values.size < LIMITS.distinctValues) values.set(value, 1);
  else node.values = null;
}

/** The call type, forgiving case ("Track") and a missing type on an event with a name (as Segment's libraries do). */
function callType(e: Record<string, unknown>): CallType | undefined {
  const t = e.type;
  if (typeof t === 'string') {
    if (isCallType(t)) return t;
    const lower = t.toLowerCase();
    return isCallType(lower) ? lower : undefined;
  }
  return t === undefined && typeof e.event === 'string' ? 'track' : undefined;
}

function rowName(type: CallType, e: Record<string, unknown>): string | null {
  const name = type === 'track' ? e.event : type === 'page' || type === 'screen' ? e.name : undefined;
  return typeof name === 'string' ? name : null;
}

/**
 * When the event happened: `timestamp`, else `originalTimestamp`, `sentAt`, `receivedAt` (the order
 * Segment trusts them in). A value that is there but not an ISO-8601 date-time is 'invalid'.
 */
function timestampOf(e: Record<string, unknown>): number | 'missing' | 'invalid' {
  const value = e.timestamp ?? e.originalTimestamp ?? e.sentAt ?? e.receivedAt;
  if (value === undefined || value === null) return 'missing';
  const ms = typeof value === 'string' ? parseInstant(value) : undefined;
  return ms ?? 'invalid';
}
