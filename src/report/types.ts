import type { CallType } from '../spec/call-types.js';

/**
 * The data of `cdp schema-report`: what a log really holds, event by event and property by property,
 * set against the plan. Every output format (table, markdown, json, html, the inferred yaml plan)
 * renders this one structure; `--format json` prints it as it is, so its shape is a public contract
 * (docs/schema-report-format.md).
 */

/** JSON types as seen in data; `integer` is a number with no fractional part. */
export const OBSERVED_TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'] as const;
export type ObservedType = (typeof OBSERVED_TYPES)[number];

export type { CallType };

/** A row of the report: a track event by name, a page or screen by name, or one of the other calls. */
export interface EventRef {
  type: CallType;
  /** Track event, page or screen name; null for identify, group, alias, and pages or screens sent without one. */
  name: string | null;
}

export interface SchemaReport {
  /** The plan the log was set against; absent in discovery mode (no plan). */
  plan?: { file: string; name?: string; version?: string | number };
  summary: ReportTotals;
  events: EventCoverage[];
  /** Events (and pages, screens) seen in the log that the plan does not define. Empty without a plan. */
  unplannedEvents: EventRef[];
  /** Events, pages and screens the plan defines that never arrived: dead plan entries. Empty without a plan. */
  unseenEvents: EventRef[];
  /** Required properties whose presence is under `--min-coverage` (only when that option is given). */
  coverageFailures: CoverageFailure[];
  /** Limits the report hit, each as one sentence ("event X: 9,000 more property paths were not tracked"). */
  notes: string[];
}

export interface ReportTotals {
  /** Inputs read (0 with `--warehouse`). */
  files: number;
  /** Warehouse tables read (`--warehouse` only). */
  tables?: number;
  /** Every event read: reported + malformed + filtered. */
  read: number;
  /** Events that made it into the report. */
  reported: number;
  /** Lines or elements that were not a JSON object (not JSON, not UTF-8, or not an object). */
  malformed: number;
  /** Events left out by --event, --since or --until. */
  filtered: number;
  /** The first malformed inputs, to find them by: at most 10. */
  malformedAt: Array<{ file: string; line: number; column?: number }>;
  /** Earliest and latest event timestamp among the reported events (ISO-8601, UTC). */
  firstSeen?: string;
  lastSeen?: string;
  /** Reported events with no timestamp, and with one that is not an ISO-8601 date-time. */
  timestampMissing: number;
  timestampInvalid: number;
  /** The filters in force. */
  since?: string;
  until?: string;
  minCoverage?: number;
}

export interface EventCoverage extends EventRef {
  count: number;
  /** count / summary.reported, 0..1. */
  share: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Events per UTC day, ascending, days with no events left out. */
  volume: Array<{ day: string; count: number }>;
  timestampMissing: number;
  timestampInvalid: number;
  /** Whether the plan defines this event; null in discovery mode. */
  planned: boolean | null;
  /** The plan marks the event deprecated. */
  deprecated?: boolean;
  properties: PropertyCoverage[];
  /** The warehouse table the row was read from (`--warehouse` only). */
  table?: string;
}

export interface PropertyCoverage {
  /** Dotted path from the event's properties (traits for identify and group): `address.city`, `products[].price`. */
  path: string;
  /** How many times the path held a value (`undefined` is never sent, so never counted). */
  count: number;
  /**
   * count / occurrences of the path's parent, 0..1: of the event for top-level properties, of the
   * parent object for nested ones, of the array items for `[]` paths.
   */
  presence: number;
  /** How many of the values had each JSON type. */
  types: Partial<Record<ObservedType, number>>;
  /** Distinct scalar values, counted up to a cap. */
  distinct: { count: number; capped: boolean };
  /** The most frequent values with their counts, for low-cardinality properties (enum candidates). */
  topValues?: Array<{ value: string | number | boolean | null; count: number }>;
  /**
   * Whether the plan declares the path; `"spec"` for a property the Segment spec defines on every
   * page or screen (url, title, ...) that the plan leaves to the spec; null in discovery mode.
   */
  planned: boolean | 'spec' | null;
  /** Whether the plan requires it (within its parent); null in discovery mode. */
  required: boolean | null;
  /** Types seen that the plan does not allow at this path. */
  forbiddenTypes?: ObservedType[];
  /** The warehouse column the path was read from, with its type as the engine names it (`--warehouse` only). */
  column?: { name: string; type?: string };
}

export interface CoverageFailure {
  event: EventRef;
  path: string;
  presence: number;
}
