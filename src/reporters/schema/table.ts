import { styles, type Styles } from '../styles.js';
import type { EventCoverage, PropertyCoverage, SchemaReport } from '../../report/types.js';
import { displayPath } from '../paths.js';
import { distinctText, eventTags, eventTitle, int, percent, planText, propertyFlags, rangeText, sparkline, timestampNote, topValuesText, totalsLine, truncate, typesText } from './text.js';

/** The report is laid out for a terminal this wide. */
const WIDTH = 100;
const BAR = 10;
const PATH_MAX = 24;

/** The terminal view: one block per event with a coverage bar per property, then what is missing. */
export function renderSchemaTable(report: SchemaReport, options: { color: boolean; cwd: string }): string {
  const chalk = styles(options.color);
  const out: string[] = [header(report, chalk, options.cwd)];
  for (const event of report.events) out.push(eventBlock(event, report.plan !== undefined, chalk));
  out.push(...footer(report, chalk));
  return `${out.filter((b) => b !== '').join('\n\n')}\n`;
}

function header(report: SchemaReport, chalk: Styles, cwd: string): string {
  const s = report.summary;
  const lines = [`${chalk.bold('schema-report')}: ${totalsLine(report)}`];
  if (s.firstSeen) lines.push(`seen: ${rangeText(s.firstSeen, s.lastSeen)}`);
  const plan = report.plan;
  lines.push(plan ? `plan: ${displayPath(plan.file, cwd)}${plan.name ? ` (${plan.name}${plan.version !== undefined ? ` v${plan.version}` : ''})` : ''}` : 'plan: none (discovery mode)');
  const stamps = timestampNote(s.timestampMissing, s.timestampInvalid);
  if (stamps) lines.push(chalk.yellow(`timestamps: ${stamps}`));
  if (s.malformed > 0) lines.push(chalk.yellow(`malformed: ${s.malformedAt.map((m) => `${m.file}:${m.line}${m.column ? `:${m.column}` : ''}`).join(', ')}${s.malformed > s.malformedAt.length ? ', …' : ''}`));
  return lines.join('\n');
}

function eventBlock(event: EventCoverage, withPlan: boolean, chalk: Styles): string {
  const tags = eventTags(event);
  let title = chalk.bold(eventTitle(event, 60));
  if (event.planned === false) title += ` ${chalk.red('not in plan')}`;
  if (event.deprecated) title += ` ${chalk.yellow('deprecated')}`;
  const spark = sparkline(event.volume, 20);
  const lines = [`${title}  ${chalk.dim(tags.join(' · '))}${spark ? `  ${chalk.cyan(spark)}` : ''}`];
  const stamps = timestampNote(event.timestampMissing, event.timestampInvalid);
  if (stamps) lines.push(chalk.yellow(`  timestamps: ${stamps}`));
  if (event.properties.length === 0) {
    lines.push(chalk.dim('  (no properties)'));
    return lines.join('\n');
  }
  const pathWidth = Math.min(PATH_MAX, Math.max(8, ...event.properties.map((p) => Array.from(p.path).length)));
  const columns = ['property'.padEnd(pathWidth), 'presence'.padEnd(BAR + 7), 'count'.padStart(8), '  types'.padEnd(24), 'distinct'.padStart(8)];
  if (withPlan) columns.push('  plan');
  lines.push(chalk.dim(`  ${columns.join(' ')}`));
  for (const p of event.properties) lines.push(...propertyLines(p, pathWidth, withPlan, chalk));
  return lines.join('\n');
}

function propertyLines(p: PropertyCoverage, pathWidth: number, withPlan: boolean, chalk: Styles): string[] {
  const flags = propertyFlags(p);
  const bad = flags.length > 0;
  // Only a property present every time gets a full bar.
  const filled = p.presence >= 1 ? BAR : Math.floor(p.presence * BAR);
  const bar = chalk[bad ? 'red' : 'green']('█'.repeat(filled)) + chalk.dim('░'.repeat(BAR - filled));
  const path = truncate(p.path, pathWidth);
  const cells = [
    path + ' '.repeat(Math.max(0, pathWidth - Array.from(path).length)),
    `${bar} ${percent(p.presence).padStart(6)}`,
    int(p.count).padStart(8),
    `  ${truncate(typesText(p.types) || '—', 22).padEnd(22)}`,
    distinctText(p).padStart(8),
  ];
  if (withPlan) cells.push(`  ${planText(p)}`);
  // A planned property that never arrived is worth a line, but a quiet one.
  const lines = [p.count === 0 && !bad ? chalk.dim(`  ${cells.join(' ')}`) : `  ${cells.join(' ')}`];
  const indent = ' '.repeat(4);
  if (bad) lines.push(chalk.red(`${indent}↳ ${truncate(flags.join('; '), WIDTH - indent.length - 2)}`));
  const values = topValuesText(p, 30);
  if (values) lines.push(chalk.dim(`${indent}values: ${truncate(values, WIDTH - indent.length - 8)}`));
  return lines;
}

function footer(report: SchemaReport, chalk: Styles): string[] {
  const blocks: string[] = [];
  const list = (title: string, items: string[]) => blocks.push([title, ...items.map((i) => `  ${i}`)].join('\n'));
  if (report.unplannedEvents.length > 0) list(chalk.red(`Not in the plan (${report.unplannedEvents.length}):`), report.unplannedEvents.map((e) => eventTitle(e)));
  if (report.unseenEvents.length > 0) list(chalk.yellow(`In the plan, never seen (${report.unseenEvents.length}):`), report.unseenEvents.map((e) => eventTitle(e)));
  if (report.summary.minCoverage !== undefined) {
    const failures = report.coverageFailures;
    if (failures.length === 0) blocks.push(chalk.green(`Every required property is present in at least ${report.summary.minCoverage}% of its events.`));
    else list(chalk.red(`Required properties under ${report.summary.minCoverage}% presence (${failures.length}):`), failures.map((f) => `${eventTitle(f.event)} › ${f.path}: ${percent(f.presence)}`));
  }
  if (report.notes.length > 0) list(chalk.yellow('Notes:'), report.notes.map((n) => truncate(n, WIDTH - 2)));
  return blocks;
}
