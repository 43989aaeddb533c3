import type { EventCoverage, SchemaReport } from '../../report/types.js';
import { distinctText, eventTags, eventTitle, int, percent, planText, propertyFlags, rangeText, sparkline, timestampNote, topValuesText, totalsLine, truncate, typesText } from './text.js';

/** GitHub-flavoured markdown for a pull-request comment: an overview table, then one table per event. */
export function renderSchemaMarkdown(report: SchemaReport): string {
  const s = report.summary;
  const out: string[] = ['## Schema report', ''];
  out.push(`${md(totalsLine(report))}${s.firstSeen ? ` · ${rangeText(s.firstSeen, s.lastSeen)}` : ''}`, '');
  const plan = report.plan;
  out.push(plan ? `Plan: ${md(plan.file)}${plan.name ? ` (${md(plan.name)}${plan.version !== undefined ? ` v${md(String(plan.version))}` : ''})` : ''}` : 'Plan: none (discovery mode)', '');
  const stamps = timestampNote(s.timestampMissing, s.timestampInvalid);
  if (stamps) out.push(`Timestamps: ${stamps}`, '');

  if (report.events.length > 0) {
    out.push('| Event | Type | Count | Share | First seen | Last seen | Volume | Plan |', '|---|---|---:|---:|---|---|---|---|');
    for (const e of report.events) {
      out.push(row([md(eventTitle(e)), e.type, int(e.count), percent(e.share), e.firstSeen?.slice(0, 10) ?? '', e.lastSeen?.slice(0, 10) ?? '', sparkline(e.volume, 14), eventPlan(e)]));
    }
    out.push('');
  }
  for (const e of report.events) out.push(...eventSection(e, plan !== undefined));

  if (report.unplannedEvents.length > 0) out.push(`### Not in the plan (${report.unplannedEvents.length})`, '', ...report.unplannedEvents.map((e) => `- ${md(eventTitle(e))}`), '');
  if (report.unseenEvents.length > 0) out.push(`### In the plan, never seen (${report.unseenEvents.length})`, '', ...report.unseenEvents.map((e) => `- ${md(eventTitle(e))}`), '');
  if (s.minCoverage !== undefined) {
    const failures = report.coverageFailures;
    out.push(`### Required properties under ${s.minCoverage}% presence (${failures.length})`, '');
    out.push(...(failures.length === 0 ? ['None.'] : failures.map((f) => `- ${md(eventTitle(f.event))} › ${md(f.path)}: ${percent(f.presence)}`)), '');
  }
  if (report.notes.length > 0) out.push('### Notes', '', ...report.notes.map((n) => `- ${md(n)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function eventSection(e: EventCoverage, withPlan: boolean): string[] {
  const tags = eventTags(e);
  const stamps = timestampNote(e.timestampMissing, e.timestampInvalid);
  if (stamps) tags.push(stamps);
  const out = [`### ${md(eventTitle(e))}`, '', tags.join(' · '), ''];
  if (e.properties.length === 0) return [...out, 'No properties.', ''];
  const head = ['Property', 'Presence', 'Count', 'Types', 'Distinct', 'Top values'];
  const align = ['---', '---:', '---:', '---', '---:', '---'];
  if (withPlan) {
    head.push('Plan', 'Flags');
    align.push('---', '---');
  }
  out.push(row(head), row(align));
  for (const p of e.properties) {
    const cells = [md(p.path), percent(p.presence), int(p.count), typesText(p.types), distinctText(p), md(topValuesText(p, 30))];
    if (withPlan) cells.push(planText(p), propertyFlags(p).map((f) => `⚠ ${f}`).join('<br>'));
    out.push(row(cells));
  }
  out.push('');
  return out;
}

function eventPlan(e: EventCoverage): string {
  if (e.planned === null) return '';
  return `${e.planned ? 'planned' : '⚠ not in plan'}${e.deprecated ? ', deprecated' : ''}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Plain text inside markdown: every character markdown or GitHub's HTML could act on is escaped, so
 * a property called `<img src=x>` or `a|b` shows as written and cannot break the table.
 */
function md(text: string): string {
  return truncate(text, 200)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}
