import type { Diagnostic } from '../core/diagnostic.js';
import { isBatch } from '../ingest/batch.js';
import { forEachLine } from '../ingest/lines.js';
import type { EventLocation, WorkUnit } from '../ingest/types.js';
import type { EventChecker } from './event-checker.js';

/** Counts of one unit of input. Every event read is exactly one of valid, invalid or malformed. */
export interface UnitCounts {
  read: number;
  valid: number;
  invalid: number;
  malformed: number;
}

export interface UnitResult extends UnitCounts {
  diagnostics: Diagnostic[];
}

/** Parses and checks every event of a unit. Runs in a worker thread, or in-process with --jobs 1. */
export function processUnit(unit: WorkUnit, checker: EventChecker): UnitResult {
  const result: UnitResult = { read: 0, valid: 0, invalid: 0, malformed: 0, diagnostics: [] };
  const { file } = unit;
  if (unit.kind === 'lines') {
    forEachLine(unit, (text, line) => checkText(text, { file, line }, checker, result, true));
  } else {
    for (const item of unit.items) {
      const loc: EventLocation = { file, line: item.line, column: item.column };
      if (item.index !== undefined) loc.index = item.index;
      checkText(item.text, loc, checker, result, false);
    }
  }
  return result;
}

function checkText(text: string | undefined, loc: EventLocation, checker: EventChecker, result: UnitResult, batchLines: boolean): void {
  if (text === undefined) {
    malformed(loc, undefined, undefined, checker, result);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { reason, offset } = parseError(error as Error, text);
    malformed(loc, reason, offset, checker, result);
    return;
  }
  // A Segment HTTP batch on one line: each of its events counts, told apart by `/batch/<i>`.
  if (batchLines && isBatch(value)) {
    value.batch.forEach((event, index) => count(checker.check(event, { ...loc, index, pathPrefix: `/batch/${index}` }, result.diagnostics), result));
    return;
  }
  count(checker.check(value, loc, result.diagnostics), result);
}

function count(problems: number, result: UnitResult): void {
  result.read++;
  if (problems === 0) result.valid++;
  else result.invalid++;
}

function malformed(loc: EventLocation, reason: string | undefined, offset: number | undefined, checker: EventChecker, result: UnitResult): void {
  result.read++;
  result.malformed++;
  // Within an element the parser's offset is relative to the element's first character.
  const column = offset === undefined ? undefined : (loc.column ?? 1) + offset;
  checker.malformed(loc, reason, result.diagnostics, column);
}

/** V8's JSON.parse messages end in "in JSON at position N": keep the words, turn N into a column. */
function parseError(error: Error, text: string): { reason: string; offset?: number } {
  // "Unexpected token 'h', "this is not json" is not valid JSON" quotes the line: drop the quote.
  if (/^Unexpected token/.test(error.message)) return { reason: lowerFirst(error.message.replace(/, ".*" is not valid JSON$/s, '')) };
  const match = /^(.*?)(?: in JSON)? at position (\d+)/.exec(error.message);
  if (match) {
    const offset = Number(match[2]);
    // Failing on the very last character almost always means the line was cut short.
    const truncated = offset >= text.trimEnd().length - 1 ? ' (is the line truncated?)' : '';
    return { reason: lowerFirst(match[1]!) + truncated, offset };
  }
  if (/Unexpected end of JSON input/.test(error.message)) return { reason: 'unexpected end of input (is the line truncated?)', offset: text.length };
  return { reason: lowerFirst(error.message) };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
