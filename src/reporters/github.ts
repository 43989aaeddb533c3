import type { Diagnostic } from '../core/diagnostic.js';
import { portablePath } from './paths.js';
import { fullMessage } from './text.js';
import type { Reporter } from './types.js';

/**
 * GitHub Actions workflow commands, one annotation per diagnostic and nothing else: the job's exit
 * code already says pass/fail, and any other line would only be noise next to the annotations.
 */
export const github: Reporter = (report, options) =>
  report.diagnostics.map((d) => `${command(d, options.cwd)}\n`).join('');

function command(d: Diagnostic, cwd: string): string {
  const props: [string, string | number | undefined][] = [
    ['file', d.file === undefined ? undefined : portablePath(d.file, cwd)],
    ['line', d.line],
    ['endLine', d.endLine],
    ['col', d.column],
    ['endColumn', d.endColumn],
    ['title', d.ruleId],
  ];
  const rendered = props
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  const level = d.severity === 'error' ? 'error' : 'warning';
  return `::${level} ${rendered}::${escapeData(fullMessage(d))}`;
}

// Same escaping as @actions/core: without it a newline in payload data would end the command and
// let the rest of the message be read as a new one.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
