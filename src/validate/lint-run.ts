import type { Diagnostic } from '../core/diagnostic.js';
import { readUnits } from '../ingest/read-units.js';
import { InputError, type InputSource, type WorkUnit } from '../ingest/types.js';
import type { UnitCounts } from './process-unit.js';

export interface LintRunOptions<R extends UnitCounts> {
  sources: readonly InputSource[];
  stdin?: NodeJS.ReadableStream;
  /** Checks a unit, in this thread or in a worker. */
  check: (unit: WorkUnit) => R | Promise<R>;
  /** Units read ahead of the oldest unchecked one; bounds memory while workers stay busy. */
  inFlight: number;
  /** Receives each unit's result, in input order. */
  onResult?: (result: R) => void;
  /** Progress: bytes of input consumed and events checked so far. */
  onProgress?: (bytes: number, events: number) => void;
}

export interface LintRunResult extends UnitCounts {
  /** Inputs that could not be read, or not to the end: reported, and the run goes on. */
  problems: Diagnostic[];
}

/**
 * Reads every source unit by unit, checks the units (in parallel when `check` hands them to
 * workers) and delivers results in input order, so output is deterministic whatever the timing.
 */
export async function runLint<R extends UnitCounts>(options: LintRunOptions<R>): Promise<LintRunResult> {
  const totals: LintRunResult = { read: 0, valid: 0, invalid: 0, malformed: 0, problems: [] };
  const pending: Array<{ result: Promise<R>; bytes: number }> = [];
  let bytes = 0;
  const settle = async () => {
    const next = pending.shift()!;
    const result = await next.result;
    totals.read += result.read;
    totals.valid += result.valid;
    totals.invalid += result.invalid;
    totals.malformed += result.malformed;
    bytes += next.bytes;
    options.onResult?.(result);
    options.onProgress?.(bytes, totals.read);
  };
  for (const source of options.sources) {
    try {
      for await (const unit of readUnits(source, options.stdin ? { stdin: options.stdin } : {})) {
        pending.push({ result: Promise.resolve(options.check(unit)), bytes: unitBytes(unit) });
        while (pending.length >= options.inFlight) await settle();
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Everything read before the failure is still checked and counted.
      while (pending.length > 0) await settle();
      const d: Diagnostic = { ruleId: 'input/unreadable', severity: 'error', fatal: true, message: error.message, file: error.file };
      if (error.line !== undefined) d.line = error.line;
      totals.problems.push(d);
    }
    while (pending.length > 0) await settle();
  }
  return totals;
}

function unitBytes(unit: WorkUnit): number {
  if (unit.kind === 'lines') return unit.data.byteLength;
  let n = 0;
  for (const item of unit.items) n += item.text.length;
  return n;
}
