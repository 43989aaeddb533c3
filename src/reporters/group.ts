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

/**
 * Folds repeated diagnostics (same file, rule, severity and event, and the same message template
 * and path with array indices ignored, or the same message when there is no path) into one with a count and the first few lines, so a million-line log with one
 * systematic bug reads as a screen, not a million lines. Memory is bounded by the number of kinds.
 */
export class DiagnosticGroups {
  readonly #groups = new Map<string, Group>();
  readonly #overflow = new Map<string, { first: Diagnostic; count: number }>();

  add(d: Diagnostic): void {
    // With a path, the template and the path say what went wrong (values in the message vary);
    // without one (a malformed line, a missing userId) the message itself does.
    const what = d.path === undefined ? d.message : `${d.messageId ?? d.message}\u0000${d.path.replace(/\/\d+(?=\/|$)/g, '/*')}`;
    const key = [d.file, d.ruleId, d.severity, d.event, what].join('\u0000');
    const group = this.#groups.get(key);
    if (group) {
      group.count++;
      if (group.lines.length < SAMPLE_LINES && d.line !== undefined && group.lines.at(-1) !== d.line) group.lines.push(d.line);
      return;
    }
    if (this.#groups.size < MAX_GROUPS) {
      this.#groups.set(key, { first: d, count: 1, lines: d.line === undefined ? [] : [d.line] });
      return;
    }
    const bucketKey = [d.file, d.ruleId, d.severity].join('\u0000');
    const bucket = this.#overflow.get(bucketKey);
    if (bucket) bucket.count++;
    else this.#overflow.set(bucketKey, { first: d, count: 1 });
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
