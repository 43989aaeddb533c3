import type { Diagnostic } from '../core/diagnostic.js';
import { SummaryCounter, type DiagnosticCounts } from '../core/report.js';
import { DiagnosticGroups, type GroupEntry } from '../reporters/group.js';
import { jsonDiagnosticRun } from '../reporters/json.js';
import type { EventChecker } from './event-checker.js';
import type { WorkUnit } from '../ingest/types.js';
import { processUnit, type UnitCounts } from './process-unit.js';

/**
 * How a unit's diagnostics travel back from where they were checked: as `--format json` text, or
 * folded into groups for the human formats. Made in the worker thread, this spares the main thread
 * cloning, rendering or grouping every diagnostic.
 */
export type UnitOutput = { format: 'json'; cwd: string; quiet: boolean } | { format: 'groups'; quiet: boolean };

/** A unit's counts with its diagnostics as the output wants them, and their counts per severity and rule. */
export type PreparedUnit = UnitCounts & { counts: DiagnosticCounts } & (
    | { /** Elements of the report's `diagnostics` array, each preceded by `,`. */ json: string }
    | { groups: GroupEntry[] }
  );

export function prepareUnitOutput(counts: UnitCounts, diagnostics: readonly Diagnostic[], output: UnitOutput): PreparedUnit {
  // --quiet: warnings are neither printed nor counted.
  const shown = output.quiet ? diagnostics.filter((d) => d.severity !== 'warn') : diagnostics;
  const counter = new SummaryCounter();
  for (const d of shown) counter.add(d);
  const base = { read: counts.read, valid: counts.valid, invalid: counts.invalid, malformed: counts.malformed, counts: counter.counts() };
  if (output.format === 'json') return { ...base, json: jsonDiagnosticRun(shown, output.cwd) };
  // A unit is bounded in size, so its groups need no cap; the run's groups apply MAX_GROUPS on merging.
  const groups = new DiagnosticGroups(Infinity);
  for (const d of shown) groups.add(d);
  return { ...base, groups: groups.entries() };
}

/** Checks a unit and prepares its result for the output: what a worker thread, or the main thread with --jobs 1, does with each unit. */
export function checkUnit(unit: WorkUnit, checker: EventChecker, output: UnitOutput): PreparedUnit {
  const result = processUnit(unit, checker);
  return prepareUnitOutput(result, result.diagnostics, output);
}
