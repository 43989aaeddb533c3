import { styles } from './styles.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { shortened } from '../core/text.js';

/** What the terminal shows of one message `cdp serve` received. */
export interface LiveLine {
  receivedAt: string;
  type: string;
  name?: string;
  diagnostics: readonly Diagnostic[];
}

/**
 * One line per message (time, type, name, ✓ or the count of problems), then its problems indented
 * as the stylish reporter writes them. Names come from the network: control characters are shown
 * escaped, so a payload cannot move the cursor or clear the terminal.
 */
export function liveLine(record: LiveLine, color: boolean): string {
  const c = styles(color);
  const time = record.receivedAt.slice(11, 19);
  const name = record.name === undefined ? '' : `  ${safe(shortened(record.name, 80))}`;
  const errors = record.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = record.diagnostics.length - errors;
  const verdict = record.diagnostics.length === 0 ? c.green('✓') : [errors > 0 ? c.red(`${errors} error${errors === 1 ? '' : 's'}`) : '', warnings > 0 ? c.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`) : ''].filter(Boolean).join(', ');
  const lines = [`${c.dim(time)}  ${safe(record.type || '?').padEnd(8)}${name}  ${verdict}`];
  for (const d of record.diagnostics) {
    const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    lines.push(`    ${severity}  ${safe(d.message)}  ${c.dim(d.ruleId)}`);
  }
  return `${lines.join('\n')}\n`;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

function safe(text: string): string {
  // Most names have nothing to escape: a test is cheaper than a replace with a callback (it was 40% of a line).
  return CONTROL.test(text) ? text.replace(CONTROLS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
