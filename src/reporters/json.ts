import type { Diagnostic } from '../core/diagnostic.js';
import type { CoverageEntry, ReportSummary } from '../core/report.js';
import { displayPath } from './paths.js';
import type { Reporter } from './types.js';

/**
 * The documented machine format (docs/json-format.md). Keys are written in a fixed order, whatever
 * order the objects were built in, so output diffs cleanly between runs and versions.
 */
export const json: Reporter = (report, options) =>
  [...jsonChunks(report.summary, [jsonDiagnosticRun(report.diagnostics, options.cwd)], options.cwd, report.coverage)].join('');

/**
 * The same text as `JSON.stringify({ summary, diagnostics, coverage }, null, 2)`, from diagnostics
 * already rendered by `jsonDiagnosticRun`, so `cdp lint --format json` can keep millions of them
 * as text and stream them after the summary. `diagnostics` is that text in pieces cut anywhere,
 * as strings or as UTF-8 bytes (passed on as they are); the comma it starts with is dropped.
 */
export function* jsonChunks<T extends string | Uint8Array>(
  summary: ReportSummary,
  diagnostics: Iterable<T>,
  cwd: string,
  coverage?: readonly CoverageEntry[],
): Generator<string | T> {
  yield `{\n  "summary": ${indent(JSON.stringify(orderSummary(summary), null, 2))},\n  "diagnostics": [`;
  let empty = true;
  for (const piece of diagnostics) {
    if (piece.length === 0) continue;
    // The comma is one byte in UTF-8 as it is one character in text.
    yield (!empty ? piece : typeof piece === 'string' ? piece.slice(1) : piece.subarray(1)) as T;
    empty = false;
  }
  yield empty ? ']' : '\n  ]';
  if (coverage) {
    const entries = coverage.map(({ type, event, implemented, locations }) => ({ type, event, implemented, locations: locations.map((l) => ({ file: displayPath(l.file, cwd), line: l.line, column: l.column })) }));
    yield `,\n  "coverage": ${indent(JSON.stringify(entries, null, 2))}`;
  }
  yield '\n}\n';
}

/**
 * A run of elements of the `diagnostics` array, each with the `,` separator before it (`jsonChunks`
 * drops the first). Lets worker threads send text instead of objects.
 */
export function jsonDiagnosticRun(diagnostics: readonly Diagnostic[], cwd: string): string {
  let text = '';
  for (const d of diagnostics) text += jsonDiagnostic(d, cwd);
  return text;
}

/**
 * One element of the `diagnostics` array as `jsonChunks` writes it, with the separator before it:
 * the text `JSON.stringify` would give, written key by key in the documented order, since a log can
 * hold millions of diagnostics and a generic pretty-printer per object was a tenth of the run.
 */
function jsonDiagnostic(d: Diagnostic, cwd: string): string {
  let text = ',\n    {';
  let separator = '\n      ';
  for (const key of DIAGNOSTIC_KEYS) {
    const value = d[key];
    if (value === undefined) continue;
    text += `${separator}"${key}": ${key === 'file' ? JSON.stringify(shownPath(value as string, cwd)) : valueText(value)}`;
    separator = ',\n      ';
  }
  return `${text}\n    }`;
}

function valueText(value: unknown): string {
  return value !== null && typeof value === 'object' ? indent(JSON.stringify(value, null, 2), 3) : JSON.stringify(value);
}

// Diagnostics come in runs from the same file: its display form is worked out once per run.
let lastPath: { file: string; cwd: string; shown: string } | undefined;

function shownPath(file: string, cwd: string): string {
  if (lastPath?.file !== file || lastPath.cwd !== cwd) lastPath = { file, cwd, shown: displayPath(file, cwd) };
  return lastPath.shown;
}

function indent(text: string, levels = 1): string {
  return text.replace(/\n/g, '\n' + '  '.repeat(levels));
}

/**
 * Output order of diagnostic keys. Typed as a full record so that a field added to Diagnostic does
 * not compile until it is given its place here (and in docs/json-format.md).
 */
const KEY_ORDER: Record<keyof Diagnostic, true> = {
  ruleId: true,
  messageId: true,
  severity: true,
  message: true,
  file: true,
  line: true,
  column: true,
  endLine: true,
  endColumn: true,
  event: true,
  path: true,
  expected: true,
  actual: true,
  suggestion: true,
  fatal: true,
  occurrences: true,
  change: true,
  warehouse: true,
};
const DIAGNOSTIC_KEYS = Object.keys(KEY_ORDER) as (keyof Diagnostic)[];

function orderSummary(summary: ReportSummary): ReportSummary {
  return {
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    fatalCount: summary.fatalCount,
    rules: summary.rules,
    stats: summary.stats,
  };
}
