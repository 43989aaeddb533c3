import { compareCodeUnits } from './compare.js';
/** Severity a diagnostic carries once emitted. */
export type Severity = 'error' | 'warn';

/** Severity a user can configure for a rule or policy; `off` disables it. */
export type SeverityOption = Severity | 'off';

export const SEVERITY_OPTIONS: readonly SeverityOption[] = ['error', 'warn', 'off'];

/**
 * The one shape every checker produces (DESIGN.md §1). Positions are 1-based.
 * `fatal` marks problems that stopped the command from doing its job (a plan that cannot be
 * loaded, an unreadable input): they lead to exit code 2 rather than 1.
 */
export interface Diagnostic {
  ruleId: string;
  /** Stable id of the message template inside the rule, for machines (JSON output). */
  messageId?: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  event?: string;
  /** JSON pointer inside the payload or the plan document. */
  path?: string;
  expected?: unknown;
  actual?: unknown;
  suggestion?: string;
  fatal?: boolean;
  /**
   * Set when one diagnostic stands for many alike (same file, rule, event and path), as the
   * human-readable reports of big logs show them: how many, and the first few lines.
   */
  occurrences?: { count: number; lines: number[] };
  /** Set by `cdp diff`: how the change between two plans is classified. */
  change?: PlanChange;
  /** Set by `cdp lint --warehouse`: where in the warehouse, and in how many rows. */
  warehouse?: WarehouseFinding;
}

/** Where a finding of `cdp lint --warehouse` is, and how many rows it concerns. */
export interface WarehouseFinding {
  /** `schema.table`. */
  table: string;
  /** The column the finding is about, when there is one. */
  column?: string;
  /** Rows with the problem. */
  count: number;
  /** Rows checked (of the event, in the period `--since` gives). */
  rows: number;
  /** Ids of up to five of the rows with the problem, smallest first; empty when the table has no `id` column. */
  samples: string[];
}

/** Whose code a plan change can break: those who send events, or those who read them (dashboards, tables). */
export type Audience = 'senders' | 'consumers';

/** What `cdp diff` knows about one change between an old and a new plan. */
export interface PlanChange {
  /** What changed: an event, a page, a screen, a traits section or the plan as a whole. */
  subject: 'track' | 'page' | 'screen' | 'identify' | 'group' | 'plan';
  /** Who the change breaks; empty when it is compatible. */
  breaks: Audience[];
  /** Set when the change breaks someone and the subject's version was bumped: an intended new version. */
  intended?: { from?: number | string; to: number | string };
  /** The changed value in the old plan and in the new one, where there is one value to show. */
  before?: unknown;
  after?: unknown;
  /** Where the changed part was in the old plan (a removed event, a removed property). */
  was?: { file: string; line: number; column: number };
}

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

/** Orders diagnostics by file, then position, then rule id, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareCodeUnits(a.ruleId, b.ruleId) ||
    compareCodeUnits(a.message, b.message)
  );
}
