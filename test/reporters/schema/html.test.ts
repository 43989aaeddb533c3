import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SchemaReport } from '../../../src/report/types.js';
import { barClass } from '../../../src/reporters/schema/html-assets.js';
import { renderSchemaReportHtml } from '../../../src/reporters/schema/html.js';
import { largeReport, sampleReport } from './fixture.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text of a fragment as a reader sees it: tags dropped, the five entities we write decoded, no-break spaces as spaces. */
function text(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!)
    .replaceAll('\u00a0', ' ');
}

/** The part of the page between an element's start tag (found by `opening`) and its matching end. */
function element(html: string, opening: string, tag: string): string {
  const start = html.indexOf(opening);
  expect(start, `${opening} in the page`).toBeGreaterThanOrEqual(0);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end + tag.length + 3);
}

/** Cell texts of each body row of a table fragment (whose rows leave out their optional end tags). */
function rows(table: string): string[][] {
  const body = table.slice(table.indexOf('<tbody>') + '<tbody>'.length, table.indexOf('</tbody>'));
  return body
    .split('<tr>')
    .slice(1)
    .map((row) => row.split(/<t[hd](?:\s[^>]*)?>/).slice(1).map((cell) => text(cell).trim()));
}

function headers(table: string): string[] {
  const head = table.slice(table.indexOf('<thead>'), table.indexOf('</thead>'));
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((cell) => text(cell[1]!));
}

function propertyTable(html: string, section: number): string {
  return element(element(html, `<section id="e${section}">`, 'section'), '<table', 'table');
}

describe('renderSchemaReportHtml', () => {
  const html = renderSchemaReportHtml(sampleReport());

  it('is one self-contained document: inline style and script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)="?[^"#]|<link|@import|url\(|https?:\/\//i);
  });

  it('allows exactly its own style and script by hash, and no network, in its Content-Security-Policy', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
  });

  it('heads the page with the plan, the totals, the malformed inputs and the notes', () => {
    const header = text(element(html, '<header>', 'header'));
    const expected = [
      'Schema report: acme-storefront',
      'Plan acme-storefront version 3 (plans/ecommerce.yaml)',
      'Events read1,204',
      'Reported1,200',
      'Malformed3',
      'Filtered out1',
      'First seen (UTC)2026-11-01 00:03',
      'Last seen (UTC)2026-11-07 23:58',
      'Timestamps4 missing, 2 unparseable',
      'Malformed input at logs/day.ndjson:13:210, logs/day.ndjson:400, logs/day.ndjson:977',
      'event "Order Completed": 9,000 more property paths were not tracked',
    ];
    for (const part of expected) expect(header).toContain(part);
  });

  it('says discovery mode without a plan, and leaves out the plan columns and lists', () => {
    const { plan: _, ...rest } = sampleReport();
    const discovery = renderSchemaReportHtml({ ...rest, unplannedEvents: [], unseenEvents: [], coverageFailures: [] });
    expect(text(element(discovery, '<header>', 'header'))).toContain('Discovery mode, no plan');
    expect(text(discovery)).toContain('Schema report');
    expect(headers(propertyTable(discovery, 1))).toEqual(['Property', 'Presence', 'Count', 'Types', 'Distinct', 'Top values']);
    expect(discovery).not.toContain('Unplanned events');
    expect(discovery).not.toContain('Planned</button>');
  });

  it('lists every event in the overview with count, share, first and last seen, planned, and a link to its section', () => {
    const overview = element(html, '<table class="sortable events">', 'table');
    expect(headers(overview)).toEqual(['Type', 'Event', 'Count', 'Share', 'First seen (UTC)', 'Last seen (UTC)', 'Planned', 'Volume']);
    expect(rows(overview).map((row) => row.slice(0, 7))).toEqual([
      ['track', 'Order Completed', '700', '58.3%', '2026-11-01 00:03', '2026-11-07 23:58', 'yes'],
      ['track', 'Add To Cart', '300', '25%', '2026-11-02 10:00', '2026-11-06 10:00', 'no'],
      ['identify', '(identify)', '199', '16.6%', '2026-11-01 08:00', '2026-11-07 08:00', 'yes'],
      ['page', '(no name)', '1', '0.1%', '–', '–', 'no'],
    ]);
    for (const i of [1, 2, 3, 4]) expect(overview).toContain(`href="#e${i}"`);
    expect(rows(overview)[3]![7]).toBe('no timestamps');
  });

  it('draws the overview sparklines on one day axis for all events', () => {
    const overview = element(html, '<table class="sortable events">', 'table');
    const sparklines = [...overview.matchAll(/<svg class="spark" viewBox="0 0 (\d+) 100"/g)].map((m) => m[1]);
    expect(sparklines).toEqual(['7', '7', '7']);
    // Add To Cart: 100 on Nov 2nd (bar 1), 200 on Nov 6th (bar 5, the peak).
    expect(rows(overview)[1]![7]).toBe('Events per day, 2026-11-01 to 2026-11-07: peak 200 on 2026-11-06; 5 days without events');
    expect(overview).toContain('<path d="M1.5 100V50M5.5 100V0"/>');
  });

  it("charts each event's volume per day from its first to its last day, with a gap for a day without events", () => {
    const section = element(html, '<section id="e1">', 'section');
    expect(section).toContain('<svg class="chart" viewBox="0 0 7 100"');
    expect(section).toContain('data-first="2026-11-01" data-last="2026-11-07" data-days="1" data-counts="90,120,80,130,60,0,220"');
    const path = /<path d="([^"]*)"/.exec(section)![1]!;
    // 90 120 80 130 60 – 220: heights relative to the peak of 220, nothing drawn on Nov 6th.
    expect(path).toBe('M0.5 100V59M1.5 100V45M2.5 100V64M3.5 100V41M4.5 100V73M6.5 100V0');
    expect(text(section)).toContain('Events per day, 2026-11-01 to 2026-11-07: peak 220 on 2026-11-07; 1 day without events');
    expect(text(section)).toContain('700 events, 58.3% of reported · first 2026-11-01 00:03, last 2026-11-07 23:58 UTC · timestamps: 2 missing, 1 unparseable');
  });

  it('says so where an event has no timestamps to chart, or no properties', () => {
    const section = text(element(html, '<section id="e4">', 'section'));
    expect(section).toContain('page (no name) unplanned');
    expect(section).toContain('1 event, 0.1% of reported');
    expect(section).toContain('No valid timestamps: no volume chart.');
    expect(section).toContain('No properties seen.');
  });

  it('tabulates each property: presence with a bar, count, type shares, distinct values, top values, plan status', () => {
    const table = propertyTable(html, 1);
    expect(text(/<caption>.*<\/caption>/.exec(table)![0])).toBe('Properties of track Order Completed (8)');
    expect(headers(table)).toEqual(['Property', 'Presence', 'Count', 'Types', 'Distinct', 'Top values', 'Planned', 'Required', 'Flags']);
    expect(rows(table)).toEqual([
      ['order_id', '99%', '693', 'string 100%', '>200', '', 'yes', 'required', 'required, < 100%'],
      ['revenue', '100%', '700', 'number 93%, string 7%', '>200', '', 'yes', 'optional', 'forbidden type: string'],
      ['currency', '100%', '700', 'string 100%', '3', '"USD" ×600, "EUR" ×90, "usd" ×10', 'yes', 'optional', ''],
      ['products', '100%', '700', 'array 100%', '0', '', 'yes', 'optional', ''],
      ['products[]', '100%', '1,500', 'object 100%', '0', '', 'yes', 'optional', ''],
      ['products[].price', '98.7%', '1,480', 'number 95%, integer 5%', '>200', '', 'yes', 'optional', ''],
      ['products[].product_id', '100%', '1,500', 'string 100%', '>200', '', 'yes', 'required', ''],
      ['giftWrap', '1.7%', '12', 'boolean 100%', '2', 'true ×9, false ×3', 'no', '–', 'unplanned'],
    ]);
    expect(table).toContain('<td data-v="0.9867">98.7%<i class="bar p99"></i><td>');
    // A type and its share, a value and its count, never split over two lines.
    expect(table).toContain('number\u00a093%, <strong class="bad">string\u00a07%</strong>');
    expect(table).toContain('&quot;USD&quot;\u00a0×600, ');
  });

  it('flags a required property below the minimum coverage and a forbidden null', () => {
    const email = rows(propertyTable(html, 3))[0]!;
    expect(email).toEqual(['email', '75.4%', '150', 'string 93%, null 7%', '140', '', 'yes', 'required', 'required, < 100%below minimum coverageforbidden type: null']);
    const failures = element(html, '<h2>Coverage failures</h2>', 'table');
    expect(rows(failures)).toEqual([['identify', 'email', '75.4%']]);
  });

  it('lists unplanned events and planned events never seen', () => {
    const lists = text(element(html, '<h2>Unplanned events (2)</h2>', 'section'));
    expect(lists).toContain('track Add To Cartpage (no name)');
    expect(lists).toContain('Planned, never seen (2)');
    expect(lists).toContain('track Checkout Startedscreen Home');
  });

  it('marks every table sortable: a button per column header, numeric columns typed, their cells keyed by data-v', () => {
    const table = propertyTable(html, 1);
    const ths = [...table.matchAll(/<th scope="col"([^>]*)><button type="button">([^<]*)<\/button><\/th>/g)];
    expect(ths.map((m) => m[2])).toHaveLength(9);
    expect(ths.filter((m) => m[1] === ' data-type="number"').map((m) => m[2])).toEqual(['Presence', 'Count', 'Distinct']);
    // A capped distinct count sorts above the same count uncapped.
    expect(table).toContain('<td data-v="200.5">&gt;200<td>');
    expect(html).toContain('<caption>');
    // The page opens in the report's own order: no column claims to be sorted until clicked.
    expect(html).not.toMatch(/<th[^>]*aria-sort/);
  });

  it('escapes the hostile strings of the report, so none of them reaches the page as markup', () => {
    expect(html).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;<td');
    expect(html).toContain('&quot;&lt;/td&gt;&lt;img src=x onerror=alert(2)&gt;&quot;\u00a0×1');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('escapes every string field, in text and in attributes alike', () => {
    const hostile = `"'><script>alert(0)</script>&amp;`;
    const report = sampleReport();
    report.plan = { file: hostile, name: hostile, version: hostile };
    report.notes = [hostile];
    report.summary.malformedAt = [{ file: hostile, line: 1 }];
    report.summary.firstSeen = hostile;
    report.events[0]!.name = hostile;
    report.events[0]!.firstSeen = hostile;
    report.events[0]!.volume[0]!.day = hostile;
    report.events[0]!.properties[0]!.path = hostile;
    report.events[0]!.properties[0]!.topValues = [{ value: hostile, count: 1 }];
    report.unplannedEvents = [{ type: 'track', name: hostile }];
    report.unseenEvents = [{ type: 'track', name: hostile }];
    report.coverageFailures = [{ event: { type: 'track', name: hostile }, path: hostile, presence: 0.5 }];
    const page = renderSchemaReportHtml(report, { title: hostile });
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toContain(`"'>`);
    // Markup from the report could only add tags or attributes; every tag is one the renderer writes.
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    const ours = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'strong', 'code', 'dl', 'div', 'dt', 'dd', 'time', 'ul', 'li', 'main', 'section', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'button', 'span', 'a', 'svg', 'title', 'path', 'figure', 'figcaption', 'i', 'script'];
    expect([...tags].filter((tag) => !ours.includes(tag))).toEqual([]);
    expect(page.split(`&quot;&#39;&gt;&lt;script&gt;alert(0)&lt;/script&gt;&amp;amp;`).length).toBeGreaterThan(10);
  });

  it('names an empty event name and an empty property key instead of showing nothing', () => {
    const report = sampleReport();
    report.events[1]!.name = '';
    report.events[1]!.properties[0]!.path = '';
    const section = element(renderSchemaReportHtml(report), '<section id="e2">', 'section');
    expect(text(element(section, '<h2>', 'h2'))).toBe('track (empty name) unplanned');
    expect(rows(propertyTable(section, 2))[0]![0]).toBe('(empty key)');
  });

  it('shows invisible and reordering characters as visible escapes', () => {
    const report = sampleReport();
    report.events[0]!.name = 'Order\u0007Comp\u202eleted\n';
    expect(renderSchemaReportHtml(report)).toContain('Order\\u0007Comp\\u202eleted\\u000a');
  });

  it('cuts a 10 KB name in the page and keeps the whole of it in a tooltip', () => {
    const report = sampleReport();
    const long = `${'Checkout Step Viewed '.repeat(500)}end`;
    report.events[0]!.name = long;
    const page = renderSchemaReportHtml(report);
    const heading = element(element(page, '<section id="e1">', 'section'), '<h2>', 'h2');
    expect(heading).toContain(`<span title="${long}">${long.slice(0, 120)}…</span>`);
    expect(text(heading).length).toBeLessThan(200);
  });

  it('draws coverage bars by class, with a width rule for each percent', () => {
    expect(html).toContain('.p0::before{width:0%}');
    expect(html).toContain('.p100::before{width:100%}');
    expect(html).not.toMatch(/\sstyle=/);
    expect(barClass(0)).toBe('p0');
    expect(barClass(0.004)).toBe('p1');
    expect(barClass(0.42)).toBe('p42');
    expect(barClass(0.996)).toBe('p99');
    expect(barClass(1)).toBe('p100');
  });

  it('never rounds to 100% or 0% what is neither', () => {
    const report = sampleReport();
    const [first, second] = report.events[0]!.properties;
    first!.presence = 0.9996;
    second!.presence = 0.0004;
    const [a, b] = rows(propertyTable(renderSchemaReportHtml(report), 1));
    expect(a![1]).toBe('>99.9%');
    expect(b![1]).toBe('<0.1%');
  });

  it('skips volume days that are not calendar days instead of failing on them', () => {
    const report = sampleReport();
    report.events[1]!.volume = [{ day: '2026-02-30', count: 5 }, { day: 'yesterday', count: 5 }];
    report.events[2]!.volume = [{ day: '1970-01-01', count: 1 }, { day: '2026-11-07', count: 100 }];
    const page = renderSchemaReportHtml(report);
    expect(text(element(page, '<section id="e2">', 'section'))).toContain('No valid timestamps: no volume chart.');
    expect(rows(element(page, '<table class="sortable events">', 'table'))[1]![7]).toBe('no timestamps');
    // 20,765 days in 365 bars of 57 days: a stray epoch timestamp must not blow the chart up.
    expect(text(element(page, '<section id="e3">', 'section'))).toContain('Events per 57 days, 1970-01-01 to 2026-11-07: peak 100 from 2026-10-22; 363 periods without events');
  });

  it('defers the layout of sections in big reports only', () => {
    expect(html).toContain('<main>');
    expect(renderSchemaReportHtml(largeReport(50, 41))).toContain('<main class="deferred">');
    expect(renderSchemaReportHtml(largeReport(50, 40))).toContain('<main>');
  });

  it('uses the title it is given', () => {
    expect(renderSchemaReportHtml(sampleReport(), { title: 'Nightly & weekly' })).toContain('<title>Nightly &amp; weekly</title>');
  });

  it('is deterministic: the same report gives the same bytes', () => {
    expect(renderSchemaReportHtml(sampleReport())).toBe(html);
    const big = largeReport(20, 10);
    expect(renderSchemaReportHtml(big)).toBe(renderSchemaReportHtml(structuredClone(big) as SchemaReport));
  });

  it('costs at most a third more than the raw data, for 500 events of 50 properties', () => {
    const report = largeReport(500, 50);
    const page = renderSchemaReportHtml(report);
    // The overview (a head row and a row per event), then per event a head row and its properties.
    expect(page.match(/<tr>/g)!.length).toBe(1 + 500 + 500 * (1 + 50));
    // Measured: 7.1 MB of page for 5.8 MB of compact JSON. Tables that show every figure of the
    // report cannot be much smaller than the report itself.
    expect(Buffer.byteLength(page)).toBeLessThan(1.33 * Buffer.byteLength(JSON.stringify(report)));
  });
});
