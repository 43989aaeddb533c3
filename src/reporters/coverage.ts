import { styles } from './styles.js';
import { isError, type Diagnostic } from '../core/diagnostic.js';
import type { CoverageEntry } from '../core/report.js';
import { displayPath } from './paths.js';
import { plural } from './text.js';
import type { Reporter } from './types.js';

/**
 * `cdp scan --format coverage`: per planned event, page and screen, whether code sends it and where,
 * with the problems found at each call site, then how many of each are implemented.
 */
export const coverage: Reporter = (report, options) => {
  const chalk = styles(options.color);
  const entries = report.coverage ?? [];
  const problems = problemsByLocation(report.diagnostics);
  const labels = entries.map((e) => (e.type === 'track' ? e.event : `${e.type} ${e.event}`));
  let width = 0;
  for (const label of labels) width = Math.max(width, label.length);
  const lines: string[] = [];
  for (const [i, { implemented, locations }] of entries.entries()) {
    const status = implemented ? chalk.green(`implemented (${plural(locations.length, 'call site')})`) : chalk.yellow('not implemented');
    lines.push(`${labels[i]!.padEnd(width)}  ${status}`);
    for (const l of locations) {
      const at = `${displayPath(l.file, options.cwd)}:${l.line}:${l.column}`;
      const found = problems.get(`${l.file}:${l.line}:${l.column}`);
      const note = found ? `  ${(found.errors > 0 ? chalk.red : chalk.yellow)(counts(found.errors, found.warnings))}` : '';
      lines.push(`  ${chalk.dim(at)}${note}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(chalk.bold(`${implementedCounts(entries)} implemented`));
  const { errorCount, warningCount } = report.summary;
  if (errorCount + warningCount > 0) lines.push(`${counts(errorCount, warningCount)} in all (--format stylish lists them)`);
  return `${lines.join('\n')}\n`;
};

/** `4 of 5 planned events, 1 of 2 planned pages`: events always, pages and screens when the plan has them. */
function implementedCounts(entries: readonly CoverageEntry[]): string {
  const parts: string[] = [];
  for (const [type, noun] of [['track', 'planned event'], ['page', 'planned page'], ['screen', 'planned screen']] as const) {
    const of = entries.filter((e) => e.type === type);
    if (of.length > 0 || type === 'track') parts.push(`${of.filter((e) => e.implemented).length} of ${plural(of.length, noun)}`);
  }
  return parts.join(', ');
}

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
