import type { Diagnostic } from '../core/diagnostic.js';

/** Lines listed for a group before `…`. */
export const SAMPLE_LINES = 5;
/** Distinct groups kept; beyond this, further kinds are only counted per file and rule. */
export const MAX_GROUPS = 10_000;

interface Group {
  first: Diagnostic;
  count: number;
  lines: number[];
}

/** A group as plain data, keyed, for a worker thread to send: see `DiagnosticGroups.merge`. */
export type GroupEntry = [key: string, group: Group];

/**
 * Folds repeated diagnostics (same file, rule, severity and event, and the same message template
 * and path with array indices ignored, or the same message when there is no path) into one with a count and the first few lines, so a million-line log with one
 * systematic bug reads as a screen, not a million lines. Memory is bounded by the number of kinds.
 */
export class DiagnosticGroups {
  readonly #groups = new Map<string, Group>();
  readonly #overflow = new Map<string, { first: Diagnostic; count: number }>();

  constructor(private readonly maxGroups = MAX_GROUPS) {}

  add(d: Diagnostic): void {
    // With a path, the template and the path say what went wrong (values in the message vary);
    // without one (a malformed line, a missing userId) the message itself does.
    const what = d.path === undefined ? d.message : `${d.messageId ?? d.message}\u0000${d.path.replace(/\/\d+(?=\/|$)/g, '/*')}`;
    this.#fold([d.file, d.ruleId, d.severity, d.event, what].join('\u0000'), { first: d, count: 1, lines: d.line === undefined ? [] : [d.line] });
  }

  /** The groups so far, for a worker thread to send; the pool's side folds them in with `merge`. */
  entries(): GroupEntry[] {
    return [...this.#groups];
  }

  /**
   * Folds in groups made from later input (a worker's unit): the same result as adding their
   * diagnostics one by one, for units that arrive in input order.
   */
  merge(entries: readonly GroupEntry[]): void {
    for (const [key, group] of entries) this.#fold(key, group);
  }

  #fold(key: string, incoming: Group): void {
    const group = this.#groups.get(key);
    if (group) {
      group.count += incoming.count;
      for (const line of incoming.lines) {
        if (group.lines.length >= SAMPLE_LINES) break;
        if (group.lines.at(-1) !== line) group.lines.push(line);
      }
      return;
    }
    if (this.#groups.size < this.maxGroups) {
      this.#groups.set(key, { first: incoming.first, count: incoming.count, lines: incoming.lines.slice(0, SAMPLE_LINES) });
      return;
    }
    const d = incoming.first;
    const bucketKey = [d.file, d.ruleId, d.severity].join('\u0000');
    const bucket = this.#overflow.get(bucketKey);
    if (bucket) bucket.count += incoming.count;
    else this.#overflow.set(bucketKey, { first: d, count: incoming.count });
  }

  /** One diagnostic per group; groups of more than one carry `occurrences`. */
  toDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { first, count, lines } of this.#groups.values()) out.push(count === 1 ? first : { ...first, occurrences: { count, lines } });
    for (const { first, count } of this.#overflow.values()) {
      const d: Diagnostic = {
        ruleId: first.ruleId,
        severity: first.severity,
        message: `${count} more ${first.ruleId} problems of other kinds (not listed one by one; use --format json for all)`,
      };
      if (first.file !== undefined) d.file = first.file;
      out.push(d);
    }
    return out;
  }
}
