import { cspHash } from '../../core/csp.js';
import {
  type CoverageFailure,
  type EventCoverage,
  type EventRef,
  type PropertyCoverage,
  type SchemaReport,
} from '../../report/types.js';
import { barClass, SCRIPT, STYLE } from './html-assets.js';
import { esc, int, percent, shown, timestamp, yesNo } from './html-text.js';
import { typesByCount } from './text.js';
import { barStartDay, barsPath, dayRange, volumeSeries, type DayRange, type VolumeSeries } from './volume-series.js';

export interface HtmlOptions {
  /** The page title; by default "Schema report" and the plan's name. */
  title?: string;
}

/** Bars in an event's volume chart: a year day by day, longer spans in bars of several days. */
const CHART_BARS = 366;
const SPARKLINE_BARS = 60;
/**
 * Past this many property rows, sections are laid out only once scrolled near (content-visibility),
 * which opens a report of 500 events x 50 properties in half the time. Smaller reports are laid out
 * whole, so that a full-page screenshot or a search of the page never meets a section not drawn yet.
 */
const DEFERRED_LAYOUT_ROWS = 2_000;
/** Keeps a type and its share, or a value and its count, on one line. */
const NBSP = '\u00a0';

/**
 * `cdp schema-report --format html`: one self-contained page (inline CSS and script, no network)
 * with an overview of the events, a volume chart and a sortable property table per event, and the
 * plan's mismatches. Pure and deterministic: the same report gives the same bytes.
 */
export function renderSchemaReportHtml(report: SchemaReport, options: HtmlOptions = {}): string {
  const title = options.title ?? (report.plan?.name === undefined ? 'Schema report' : `Schema report: ${report.plan.name}`);
  const withPlan = report.plan !== undefined;
  const failures = new Set(report.coverageFailures.map((f) => failureKey(f.event, f.path)));
  const overall = dayRange(report.events.map((e) => e.volume));
  const body = [
    header(report, title),
    report.events.reduce((rows, e) => rows + e.properties.length, 0) > DEFERRED_LAYOUT_ROWS ? '<main class="deferred">' : '<main>',
    coverageFailures(report.coverageFailures),
    overview(report.events, overall, withPlan),
    withPlan ? planMismatches(report) : '',
    ...report.events.map((event, i) => eventSection(event, i, withPlan, failures)),
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body.filter((part) => part !== ''),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Nothing may be fetched, and only our own stylesheet and script may apply: should a string from a
 * log ever reach the page as markup, it could neither run nor phone home.
 */
function contentSecurityPolicy(): string {
  return `default-src 'none'; style-src '${cspHash(STYLE)}'; script-src '${cspHash(SCRIPT)}'; base-uri 'none'; form-action 'none'`;
}


/** The name part of an event's label: identify, group and alias have none; a page may lack one. */
function eventName(ref: EventRef): string {
  if (ref.name === null) return ref.type === 'page' || ref.type === 'screen' ? '<span class="muted">(no name)</span>' : '';
  return ref.name === '' ? '<span class="muted">(empty name)</span>' : shown(ref.name);
}

function eventLabel(ref: EventRef): string {
  const name = eventName(ref);
  return `<span class="type">${esc(ref.type)}</span>${name === '' ? '' : ` ${name}`}`;
}

/** A property path; a key can be the empty string in real data, and must not vanish from the table. */
function propertyPath(path: string): string {
  return path === '' ? '<span class="muted">(empty key)</span>' : shown(path);
}

function failureKey(ref: EventRef, path: string): string {
  return JSON.stringify([ref.type, ref.name, path]);
}

function header(report: SchemaReport, title: string): string {
  const { summary, plan } = report;
  const planLine =
    plan === undefined
      ? '<p>Discovery mode, no plan: what the log holds, without plan checks.</p>'
      : `<p>Plan ${plan.name === undefined ? '' : `<strong>${shown(plan.name)}</strong> `}${plan.version === undefined ? '' : `version ${esc(String(plan.version))} `}(<code>${shown(plan.file)}</code>)</p>`;
  const totals: Array<[string, string]> = [
    summary.tables === undefined ? ['Files', int(summary.files)] : ['Tables', int(summary.tables)],
    ['Events read', int(summary.read)],
    ['Reported', int(summary.reported)],
    ['Malformed', int(summary.malformed)],
    ['Filtered out', int(summary.filtered)],
    ['First seen (UTC)', timestamp(summary.firstSeen)],
    ['Last seen (UTC)', timestamp(summary.lastSeen)],
    ['Timestamps', timestampProblems(summary.timestampMissing, summary.timestampInvalid) || 'all valid'],
  ];
  if (summary.since !== undefined) totals.push(['Since', timestamp(summary.since)]);
  if (summary.until !== undefined) totals.push(['Until', timestamp(summary.until)]);
  if (summary.minCoverage !== undefined) totals.push(['Minimum coverage', `${esc(String(summary.minCoverage))}%`]);
  const malformedAt = summary.malformedAt.map((at) => `<code>${shown([at.file, at.line, at.column].filter((part) => part !== undefined).join(':'))}</code>`);
  const more = summary.malformed > malformedAt.length ? ', …' : '';
  return [
    '<header>',
    `<h1>${esc(title)}</h1>`,
    planLine,
    `<dl class="totals">${totals.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`,
    malformedAt.length === 0 ? '' : `<p>Malformed input at ${malformedAt.join(', ')}${more}</p>`,
    report.notes.length === 0 ? '' : `<ul class="notes">${report.notes.map((note) => `<li>${shown(note)}</li>`).join('')}</ul>`,
    '</header>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function timestampProblems(missing: number, invalid: number): string {
  return [missing > 0 ? `${int(missing)} missing` : '', invalid > 0 ? `${int(invalid)} unparseable` : ''].filter(Boolean).join(', ');
}

// Body rows leave out the optional </td>, </th> and </tr> end tags (HTML allows it): with tens of
// thousands of property rows, they would be a fifth of the page.

/** A header cell whose button sorts the table; `number` columns by each cell's `data-v`, else its digits. */
function sortHeader(label: string, type: 'number' | 'text' = 'text'): string {
  return `<th scope="col"${type === 'number' ? ' data-type="number"' : ''}><button type="button">${label}</button></th>`;
}

function coverageFailures(failures: readonly CoverageFailure[]): string {
  if (failures.length === 0) return '';
  const rows = failures.map(
    (f) => `<tr><td>${eventLabel(f.event)}<th scope="row">${propertyPath(f.path)}<td data-v="${f.presence}">${percent(f.presence, 1)}`,
  );
  const head = [sortHeader('Event'), sortHeader('Property'), sortHeader('Presence', 'number')];
  const table = sortableTable('', `Required properties below the minimum coverage (${int(failures.length)})`, head, rows);
  return ['<section>', '<h2>Coverage failures</h2>', table, '</section>'].join('\n');
}

/** A table the page's script sorts by its headers; `caption` is HTML. */
function sortableTable(className: string, caption: string, head: readonly string[], rows: readonly string[]): string {
  return [
    `<table class="sortable${className === '' ? '' : ` ${className}`}">`,
    `<caption>${caption}</caption>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function overview(events: readonly EventCoverage[], range: DayRange | undefined, withPlan: boolean): string {
  const rows = events.map((e, i) => {
    const name = eventName(e);
    const cells = [
      `<td>${esc(e.type)}`,
      `<th scope="row"><a href="#e${i + 1}">${name === '' ? `<span class="muted">(${esc(e.type)})</span>` : name}</a>`,
      `<td>${int(e.count)}`,
      `<td data-v="${e.share}">${percent(e.share, 1)}`,
      `<td>${timestamp(e.firstSeen)}`,
      `<td>${timestamp(e.lastSeen)}`,
      withPlan ? `<td>${yesNo(e.planned)}${e.deprecated ? ' <span class="flag">deprecated</span>' : ''}` : '',
      `<td>${range === undefined || dayRange([e.volume]) === undefined ? '<span class="muted">no timestamps</span>' : sparkline(volumeSeries(e.volume, range, SPARKLINE_BARS))}`,
    ];
    return `<tr>${cells.join('')}`;
  });
  const head = [
    sortHeader('Type'),
    sortHeader('Event'),
    sortHeader('Count', 'number'),
    sortHeader('Share', 'number'),
    sortHeader('First seen (UTC)'),
    sortHeader('Last seen (UTC)'),
    withPlan ? sortHeader('Planned') : '',
    '<th scope="col">Volume</th>',
  ];
  return ['<section>', '<h2>Events</h2>', sortableTable('events', `Events in the log (${int(events.length)})`, head, rows), '</section>'].join('\n');
}

function planMismatches(report: SchemaReport): string {
  const list = (refs: readonly EventRef[]) =>
    refs.length === 0 ? '<p class="muted">None.</p>' : `<ul class="refs">${refs.map((ref) => `<li>${eventLabel(ref)}</li>`).join('')}</ul>`;
  return [
    '<section>',
    `<h2>Unplanned events (${int(report.unplannedEvents.length)})</h2>`,
    '<p class="meta">Seen in the log, not defined in the plan.</p>',
    list(report.unplannedEvents),
    `<h2>Planned, never seen (${int(report.unseenEvents.length)})</h2>`,
    '<p class="meta">Defined in the plan, absent from the log: dead plan entries, or code not shipped yet.</p>',
    list(report.unseenEvents),
    '</section>',
  ].join('\n');
}

function eventSection(event: EventCoverage, index: number, withPlan: boolean, failures: ReadonlySet<string>): string {
  const flags = [
    event.planned === false ? '<span class="flag">unplanned</span>' : '',
    event.deprecated ? '<span class="flag">deprecated</span>' : '',
  ].join('');
  const timestamps = timestampProblems(event.timestampMissing, event.timestampInvalid);
  const meta = [
    `${int(event.count)} event${event.count === 1 ? '' : 's'}, ${percent(event.share, 1)} of reported`,
    event.firstSeen === undefined ? '' : `first ${timestamp(event.firstSeen)}, last ${timestamp(event.lastSeen)} UTC`,
    timestamps === '' ? '' : `timestamps: ${timestamps}`,
  ].filter(Boolean);
  const range = dayRange([event.volume]);
  return [
    `<section id="e${index + 1}">`,
    `<h2>${eventLabel(event)}${flags === '' ? '' : ` ${flags}`}</h2>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    range === undefined ? '<p class="muted">No valid timestamps: no volume chart.</p>' : volumeChart(volumeSeries(event.volume, range, CHART_BARS)),
    propertyTable(event, withPlan, failures),
    '</section>',
  ].join('\n');
}

function seriesSummary(series: VolumeSeries): string {
  const unit = series.daysPerBar === 1 ? 'day' : `${series.daysPerBar} days`;
  const peak = Math.max(...series.bars);
  const peakDay = barStartDay(series, series.bars.indexOf(peak));
  const empty = series.bars.filter((count) => count === 0).length;
  const gaps = empty === 0 ? '' : `; ${int(empty)} ${series.daysPerBar === 1 ? 'day' : 'period'}${empty === 1 ? '' : 's'} without events`;
  return `Events per ${unit}, ${series.firstDay} to ${series.lastDay}: peak ${int(peak)} ${series.daysPerBar === 1 ? 'on' : 'from'} ${peakDay}${gaps}`;
}

function volumeChart(series: VolumeSeries): string {
  const summary = esc(seriesSummary(series));
  return [
    '<figure>',
    // The data-* attributes feed the script's readout of the bar under the pointer.
    `<svg class="chart" viewBox="0 0 ${series.bars.length} 100" preserveAspectRatio="none" role="img" aria-label="${summary}" data-first="${esc(series.firstDay)}" data-last="${esc(series.lastDay)}" data-days="${series.daysPerBar}" data-counts="${series.bars.join(',')}"><path d="${barsPath(series.bars)}"/></svg>`,
    `<figcaption>${summary}<span class="readout"></span></figcaption>`,
    '</figure>',
  ].join('\n');
}

function sparkline(series: VolumeSeries): string {
  const summary = esc(seriesSummary(series));
  return `<svg class="spark" viewBox="0 0 ${series.bars.length} 100" preserveAspectRatio="none" role="img"><title>${summary}</title><path d="${barsPath(series.bars)}"/></svg>`;
}

function propertyTable(event: EventCoverage, withPlan: boolean, failures: ReadonlySet<string>): string {
  if (event.properties.length === 0) return '<p class="muted">No properties seen.</p>';
  const head = [
    sortHeader('Property'),
    sortHeader('Presence', 'number'),
    sortHeader('Count', 'number'),
    sortHeader('Types'),
    sortHeader('Distinct', 'number'),
    sortHeader('Top values'),
    ...(withPlan ? [sortHeader('Planned'), sortHeader('Required'), sortHeader('Flags')] : []),
  ];
  const rows = event.properties.map((p) => propertyRow(p, withPlan, failures.has(failureKey(event, p.path))));
  return sortableTable('props', `Properties of ${eventLabel(event)} (${int(event.properties.length)})`, head, rows);
}

function propertyRow(p: PropertyCoverage, withPlan: boolean, belowMinimum: boolean): string {
  const forbidden = new Set(p.forbiddenTypes ?? []);
  const cells = [
    `<th scope="row">${propertyPath(p.path)}`,
    `<td data-v="${p.presence}">${percent(p.presence, 1)}<i class="bar ${barClass(p.presence)}"></i>`,
    `<td>${int(p.count)}`,
    `<td>${typeShares(p, forbidden)}`,
    // A capped count means "at least this many", so it sorts above the same count uncapped.
    `<td data-v="${p.distinct.count + (p.distinct.capped ? 0.5 : 0)}">${p.distinct.capped ? '&gt;' : ''}${int(p.distinct.count)}`,
    `<td>${topValues(p)}`,
  ];
  if (withPlan) {
    const flags = [
      p.required === true && p.presence < 1 ? '<span class="flag">required, &lt; 100%</span>' : '',
      belowMinimum ? '<span class="flag bad">below minimum coverage</span>' : '',
      forbidden.size > 0 ? `<span class="flag bad">forbidden type: ${esc([...forbidden].join(', '))}</span>` : '',
      p.planned === false ? '<span class="flag">unplanned</span>' : '',
    ];
    cells.push(`<td>${p.planned === 'spec' ? 'spec' : yesNo(p.planned)}`, `<td>${yesNo(p.planned === false ? null : p.required, 'required', 'optional')}`, `<td>${flags.join('')}`);
  }
  return `<tr>${cells.join('')}`;
}

/** `number 93%, string 7%`: the most frequent first, forbidden ones marked. */
function typeShares(p: PropertyCoverage, forbidden: ReadonlySet<string>): string {
  return typesByCount(p.types)
    .map(({ type, share }) => {
      const text = `${type}${NBSP}${percent(share, 0)}`;
      return forbidden.has(type) ? `<strong class="bad">${text}</strong>` : text;
    })
    .join(', ');
}

/** Values as JSON, so the string "true" and the boolean true read apart, each with its count. */
function topValues(p: PropertyCoverage): string {
  return (p.topValues ?? []).map(({ value, count }) => `${shown(JSON.stringify(value))}${NBSP}×${int(count)}`).join(', ');
}
