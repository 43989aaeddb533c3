import { SummaryCounter } from '../core/report.js';
import { jsonDiagnosticRun } from '../reporters/json.js';
import type { JsonUnitOutput, UnitResult } from './process-unit.js';

export interface JsonOutputOptions {
  cwd: string;
  /** Leave warnings out (--quiet): they are neither printed nor counted. */
  quiet: boolean;
}

/**
 * A unit's diagnostics as `--format json` text and counts, made where the unit was checked: in a
 * worker thread this spares the main thread cloning, rendering and counting every diagnostic,
 * leaving it one string to append per unit.
 */
export function renderUnitJson(result: UnitResult, options: JsonOutputOptions): UnitResult {
  const shown = options.quiet ? result.diagnostics.filter((d) => d.severity !== 'warn') : result.diagnostics;
  const counter = new SummaryCounter();
  for (const d of shown) counter.add(d);
  const json: JsonUnitOutput = { text: jsonDiagnosticRun(shown, options.cwd), counts: counter.counts() };
  return { read: result.read, valid: result.valid, invalid: result.invalid, malformed: result.malformed, diagnostics: [], json };
}
