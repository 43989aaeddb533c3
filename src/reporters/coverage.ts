import { Chalk } from 'chalk';
import { isError, type Diagnostic } from '../core/diagnostic.js';
import { displayPath } from './paths.js';
import { plural } from './text.js';
import type { Reporter } from './types.js';

/**
 * `cdp scan --format coverage`: per planned event, whether code sends it and where, with the
 * problems found at each call site, then how many planned events are implemented.
 */
export const coverage: Reporter = (report, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const entries = report.coverage ?? [];
  const problems = problemsByLocation(report.diagnostics);
  const width = Math.max(0, ...entries.map((e) => e.event.length));
  const lines: string[] = [];
  for (const { event, implemented, locations } of entries) {
    const status = implemented ? chalk.green(`implemented (${plural(locations.length, 'call site')})`) : chalk.yellow('not implemented');
    lines.push(`${event.padEnd(width)}  ${status}`);
    for (const l of locations) {
      const at = `${displayPath(l.file, options.cwd)}:${l.line}:${l.column}`;
      const found = problems.get(`${l.file}:${l.line}:${l.column}`);
      const note = found ? `  ${(found.errors > 0 ? chalk.red : chalk.yellow)(counts(found.errors, found.warnings))}` : '';
      lines.push(`  ${chalk.dim(at)}${note}`);
    }
  }
  const done = entries.filter((e) => e.implemented).length;
  if (lines.length > 0) lines.push('');
  lines.push(chalk.bold(`${done} of ${plural(entries.length, 'planned event')} implemented`));
  const { errorCount, warningCount } = report.summary;
  if (errorCount + warningCount > 0) lines.push(`${counts(errorCount, warningCount)} in all (--format stylish lists them)`);
  return `${lines.join('\n')}\n`;
};

/** `2 errors, 1 warning`, leaving out a count of zero. */
function counts(errors: number, warnings: number): string {
  const parts = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}

function problemsByLocation(diagnostics: readonly Diagnostic[]): Map<string, { errors: number; warnings: number }> {
  const out = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    if (d.file === undefined || d.line === undefined) continue;
    const key = `${d.file}:${d.line}:${d.column}`;
    const counts = out.get(key) ?? { errors: 0, warnings: 0 };
    if (isError(d)) counts.errors++;
    else counts.warnings++;
    out.set(key, counts);
  }
  return out;
}
