import type { Diagnostic } from '../core/diagnostic.js';
import { SummaryCounter } from '../core/report.js';
import { DiagnosticGroups } from '../reporters/group.js';
import { jsonDiagnosticRun } from '../reporters/json.js';
import type { UnitResult } from './process-unit.js';

/**
 * How a unit's diagnostics travel back from where they were checked: as they are, as `--format json`
 * text, or already folded into groups for the human formats. Made in the worker thread, the last
 * two spare the main thread cloning, rendering or grouping every diagnostic.
 */
export type UnitOutput = { format: 'json'; cwd: string; quiet: boolean } | { format: 'groups'; quiet: boolean };

export function prepareUnitOutput(result: UnitResult, output: UnitOutput): UnitResult {
  // --quiet: warnings are neither printed nor counted.
  const shown = output.quiet ? result.diagnostics.filter((d) => d.severity !== 'warn') : result.diagnostics;
  const counts = countOf(shown);
  const base = { read: result.read, valid: result.valid, invalid: result.invalid, malformed: result.malformed, diagnostics: [] };
  if (output.format === 'json') return { ...base, json: { text: jsonDiagnosticRun(shown, output.cwd), counts } };
  // A unit is bounded in size, so its groups need no cap; the run's groups apply MAX_GROUPS on merging.
  const groups = new DiagnosticGroups(Infinity);
  for (const d of shown) groups.add(d);
  return { ...base, groups: { entries: groups.entries(), counts } };
}

function countOf(diagnostics: readonly Diagnostic[]) {
  const counter = new SummaryCounter();
  for (const d of diagnostics) counter.add(d);
  return counter.counts();
}
