import { styles, type Styles } from './styles.js';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Report } from '../core/report.js';
import { displayPath } from './paths.js';
import { fullMessage, NO_FILE_LABEL, plural, unicodeEscape } from './text.js';
import type { Reporter } from './types.js';

/**
 * ESLint-style human output: one underlined heading per file, aligned `line:col severity message rule`
 * rows, then a problem count and the command's stats.
 */
export const stylish: Reporter = (report, options) => {
  const chalk = styles(options.color);
  const blocks = groupByFile(report.diagnostics).map(([file, diagnostics]) =>
    renderGroup(file === undefined ? NO_FILE_LABEL : displayPath(file, options.cwd), diagnostics, chalk),
  );
  const footer = [problemLine(report, chalk), statsLine(report, chalk)].filter((line) => line !== '');
  if (footer.length > 0) blocks.push(footer.join('\n'));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
};

/** Files in sorted order, diagnostics without a file last so per-file output reads top to bottom. */
function groupByFile(diagnostics: readonly Diagnostic[]): [string | undefined, Diagnostic[]][] {
  const groups = new Map<string | undefined, Diagnostic[]>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  const fileless = groups.get(undefined);
  groups.delete(undefined);
  const ordered = [...groups];
  if (fileless) ordered.push([undefined, fileless]);
  return ordered;
}

interface Row {
  line: string;
  column: string;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

function renderGroup(heading: string, diagnostics: readonly Diagnostic[], chalk: Styles): string {
  const rows: Row[] = diagnostics.map((d) => ({
    line: d.line === undefined ? '' : String(d.line),
    column: d.line === undefined || d.column === undefined ? '' : `:${d.column}`,
    severity: d.severity === 'error' ? 'error' : 'warning',
    message: terminalSafe(fullMessage(d)),
    ruleId: terminalSafe(d.ruleId),
  }));
  // Line numbers right-aligned and columns left-aligned, as ESLint does, so the colons line up.
  const lineWidth = widest(rows.map((r) => r.line));
  const positions = rows.map((r) => r.line.padStart(lineWidth) + r.column);
  const positionWidth = widest(positions);
  const severityWidth = widest(rows.map((r) => r.severity));
  // A very long message is not padded to, or every row would be as wide as it.
  const messageWidth = widest(rows.map((r) => r.message).filter((m) => m.length <= MAX_ALIGNED_MESSAGE));
  const lines = rows.map((r, i) => {
    const severityColor = r.severity === 'error' ? chalk.red : chalk.yellow;
    return [
      '',
      chalk.dim(positions[i]!) + pad(positions[i]!, positionWidth),
      severityColor(r.severity) + pad(r.severity, severityWidth),
      r.message + pad(r.message, messageWidth),
      chalk.dim(r.ruleId),
    ].join('  ');
  });
  return [chalk.underline(terminalSafe(heading)), ...lines].join('\n');
}

function problemLine(report: Report, chalk: Styles): string {
  const { errorCount, warningCount } = report.summary;
  const total = errorCount + warningCount;
  if (total === 0) return '';
  const color = errorCount > 0 ? chalk.red : chalk.yellow;
  return color.bold(
    `✖ ${plural(total, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`,
  );
}

/** Stats keys are plural nouns (`events`, `files`); one of them reads as `1 file`. */
function statsLine(report: Report, chalk: Styles): string {
  const entries = Object.entries(report.summary.stats);
  if (entries.length === 0) return '';
  return chalk.dim(`${report.command}: ${entries.map(([key, value]) => `${value} ${value === 1 ? key.replace(/s$/, '') : key}`).join(' · ')}`);
}

/**
 * Messages quote payload data, which can hold newlines (breaking the table) or escape sequences
 * (rewriting the user's terminal); show such characters as escapes instead.
 */
function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : unicodeEscape(c),
  );
}

const MAX_ALIGNED_MESSAGE = 160;

function widest(cells: readonly string[]): number {
  let width = 0;
  for (const cell of cells) width = Math.max(width, cell.length);
  return width;
}

function pad(cell: string, width: number): string {
  return ' '.repeat(Math.max(0, width - cell.length));
}
