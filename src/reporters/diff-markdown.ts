import type { Diagnostic } from '../core/diagnostic.js';
import { portablePath } from './paths.js';
import { fullMessage, plural } from './text.js';
import type { Reporter } from './types.js';

type Status = 'breaking' | 'intended' | 'compatible';

const STATUS_LABEL: Record<Status, string> = { breaking: '❌ breaking', intended: '⚠️ intended', compatible: '✅ compatible' };
const STATUS_ORDER: Status[] = ['breaking', 'intended', 'compatible'];

/**
 * `cdp diff` as a pull-request comment: a summary line, then a table per event (page, screen,
 * traits section, the plan itself), the events with breaking changes first and, in each table,
 * breaking changes before intended and compatible ones.
 */
export const diffMarkdown: Reporter = (report, options) => {
  const changes = report.diagnostics.filter((d) => d.change !== undefined);
  const problems = report.diagnostics.filter((d) => d.change === undefined);
  const lines = ['### Tracking plan changes', ''];
  if (changes.length === 0 && problems.length === 0) return `${lines.join('\n')}No changes to the tracking plan.\n`;
  const counts = STATUS_ORDER.map((s) => [s, changes.filter((d) => statusOf(d) === s).length] as const);
  lines.push(`${counts.map(([s, n]) => `${STATUS_LABEL[s]}: ${n}`).join(' · ')}`, '');
  if (counts[0]![1] > 0) lines.push(`${plural(counts[0]![1], 'breaking change')} without a version bump: bump the event's \`version\` if the break is intended.`, '');

  const groups = new Map<string, Diagnostic[]>();
  for (const d of changes) {
    const key = subjectTitle(d);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const rank = (d: Diagnostic) => STATUS_ORDER.indexOf(statusOf(d));
  const ordered = [...groups].sort(([, a], [, b]) => Math.min(...a.map(rank)) - Math.min(...b.map(rank)));
  for (const [title, list] of ordered) {
    lines.push(`#### ${STATUS_LABEL[STATUS_ORDER[Math.min(...list.map(rank))]!].split(' ')[0]} ${cell(title)}`, '');
    lines.push('| | Change | Breaks | Where |', '| --- | --- | --- | --- |');
    for (const d of [...list].sort((a, b) => rank(a) - rank(b))) {
      lines.push(`| ${STATUS_LABEL[statusOf(d)]} | ${cell(fullMessage(d))} | ${d.change!.breaks.join(', ') || '—'} | ${where(d, options.cwd)} |`);
    }
    lines.push('');
  }
  if (problems.length > 0) {
    lines.push('#### Problems', '', '| | Problem | Where |', '| --- | --- | --- |');
    for (const d of problems) lines.push(`| ${d.severity} | ${cell(fullMessage(d))} | ${where(d, options.cwd)} |`);
    lines.push('');
  }
  return lines.join('\n');
};

function statusOf(d: Diagnostic): Status {
  if (d.change!.breaks.length === 0) return 'compatible';
  return d.change!.intended ? 'intended' : 'breaking';
}

function subjectTitle(d: Diagnostic): string {
  const { subject } = d.change!;
  if (subject === 'plan') return 'The plan';
  if (subject === 'identify' || subject === 'group') return `The ${subject} traits`;
  return `${subject === 'track' ? 'Event' : subject === 'page' ? 'Page' : 'Screen'} "${d.event ?? ''}"`;
}

function where(d: Diagnostic, cwd: string): string {
  if (d.file === undefined) return '';
  return `\`${portablePath(d.file, cwd)}${d.line !== undefined ? `:${d.line}` : ''}\``;
}

/** Table cells hold one line; a `|` would end the cell and `<` could open HTML. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
