import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';

const SAMPLE = 'plans/ecommerce.sample.ndjson';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdp-schema-report-'));
});

function reportJson(args: string[], input?: string) {
  const r = cdp(['schema-report', '--format', 'json', ...args], input === undefined ? {} : { input });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}

type Row = { type: string; name: string | null; count: number; properties: Array<{ path: string; count: number; presence: number; planned: boolean; required: boolean }> };

// Coverage of plans/ecommerce.sample.ndjson, counted by hand from its 14 lines: line 13 is cut short,
// line 14 spells the type "Track"; Order Completed arrives three times (lines 8, 9, 12), its products
// carry a product_id in two of three (line 9 has none), giftWrap in one.
describe('cdp schema-report: the sample log against the example plan', () => {
  it('json: counts, presence and plan status as computed by hand', () => {
    const { code, report } = reportJson([SAMPLE]);
    expect(code).toBe(0);
    expect(report.plan).toEqual({ file: 'plans/ecommerce.yaml', name: 'acme-storefront', version: 3 });
    expect(report.summary).toMatchObject({ files: 1, read: 14, reported: 13, malformed: 1, filtered: 0, malformedAt: [{ file: SAMPLE, line: 13 }], timestampInvalid: 1, timestampMissing: 0 });
    const orders = report.events.find((e: Row) => e.name === 'Order Completed') as Row;
    expect(orders.count).toBe(2);
    const byPath = Object.fromEntries(orders.properties.map((p) => [p.path, p]));
    expect(byPath['order_id']).toMatchObject({ count: 2, presence: 1, planned: true, required: true });
    expect(byPath['products[].product_id']).toMatchObject({ count: 1, presence: 0.5, required: true });
    expect(byPath['giftWrap']).toMatchObject({ count: 1, presence: 0.5, planned: false, types: { boolean: 1 } });
    expect(byPath['currency']).toMatchObject({ topValues: [{ value: 'USD', count: 1 }, { value: 'usd', count: 1 }] });
    const added = report.events.find((e: Row) => e.name === 'Product Added') as Row;
    expect(added.properties.find((p) => p.path === 'price')).toMatchObject({ types: { string: 1 }, forbiddenTypes: ['string'] });
    expect(report.unplannedEvents).toEqual([{ type: 'track', name: 'Add To Cart' }, { type: 'page', name: 'Blog' }]);
    expect(report.unseenEvents).toHaveLength(24);
    expect(report.unseenEvents).toContainEqual({ type: 'track', name: 'Cart Viewed' });
  });

  it('table: the same figures, within 100 columns', () => {
    const { code, stdout } = cdp(['schema-report', SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('schema-report: 1 file · 14 read · 13 reported · 1 malformed · 0 filtered out\nseen: 2026-11-02 → 2026-11-02\n');
    expect(stdout).toContain('Order Completed  track · 2 events (15.4%)');
    expect(stdout).toMatch(/\n {2}products\[\]\.product_id █████░░░░░ {2}50\.0% +1 +string +1 +required\n {4}↳ required, sometimes missing\n/);
    expect(stdout).toMatch(/\n {2}giftWrap +█████░░░░░ {2}50\.0% +1 +boolean +1 +unplanned\n {4}↳ not in plan\n/);
    expect(stdout).toContain('Not in the plan (2):\n  Add To Cart\n  page "Blog"');
    for (const line of stdout.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(100);
  });

  it('markdown: the same figures, as tables', () => {
    const { code, stdout } = cdp(['schema-report', SAMPLE, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('| Order Completed | track | 2 | 15.4% |');
    expect(stdout).toContain('| products\\[\\].product\\_id | 50.0% | 1 | string | 1 | "SKU-1042" ×1 | required | ⚠ required, sometimes missing |');
    expect(stdout).toContain('| giftWrap | 50.0% | 1 | boolean | 1 | true ×1 | unplanned | ⚠ not in plan |');
  });

  it('html: the same figures, in one self-contained page', () => {
    const out = join(dir, 'report.html');
    const { code } = cdp(['schema-report', SAMPLE, '--format', 'html', '-o', out]);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<th scope="row"><a href="#e1">Order Completed</a><td>2<td data-v="0.15384615384615385">15.4%');
    expect(html).toContain('<th scope="row">products[].product_id<td data-v="0.5">50%<i class="bar p50"></i><td>1<td>string\u00a0100%');
    expect(html).toContain('<span class="flag">required, &lt; 100%</span>');
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
  });

  it('--min-coverage fails the run (exit 1) when a required property is under the threshold', () => {
    const failing = cdp(['schema-report', SAMPLE, '--min-coverage', '95']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Required properties under 95% presence (1):\n  Order Completed › products[].product_id: 50.0%');
    const passing = cdp(['schema-report', SAMPLE, '--min-coverage', '50']);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('Every required property is present in at least 50% of its events.');
  });

  it('--event, --since and --until leave events out and count them as filtered', () => {
    const { report } = reportJson([SAMPLE, '--event', 'Order Completed', '--event', 'identify']);
    expect(report.summary).toMatchObject({ read: 14, reported: 3, filtered: 10, malformed: 1 });
    expect(report.events.map((e: Row) => e.name ?? e.type)).toEqual(['Order Completed', 'identify']);
    expect(report.unseenEvents).toEqual([]);
    const window = reportJson([SAMPLE, '--since', '2026-11-02T09:16:00Z', '--until', '2026-11-02T09:19:00Z']).report;
    expect(window.summary).toMatchObject({ reported: 5, filtered: 8, since: '2026-11-02T09:16:00.000Z', until: '2026-11-02T09:19:00.000Z' });
  });
});

describe('cdp schema-report: discovery mode and inference', () => {
  it('reports without a plan', () => {
    const { code, report } = reportJson([SAMPLE, '--no-plan']);
    expect(code).toBe(0);
    expect(report.plan).toBeUndefined();
    expect(report.events[0]).toMatchObject({ name: 'Order Completed', planned: null });
  });

  it.each(['plans/ecommerce.sample.ndjson', 'plans/b2b-saas.sample.ndjson'])('infers a plan from %s that cdp check accepts and that the same log meets', (log) => {
    const planFile = join(dir, `inferred-${log.split('/')[1]}.yaml`);
    const inferred = cdp(['schema-report', log, '--infer', '-o', planFile]);
    expect(inferred.code).toBe(0);
    expect(readFileSync(planFile, 'utf8')).toMatch(/^# yaml-language-server/);
    const check = cdp(['check', planFile, '--format', 'json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary.errorCount).toBe(0);
    const lint = cdp(['lint', log, '--plan', planFile, '--format', 'json']);
    const planRules = JSON.parse(lint.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId).filter((id: string) => id.startsWith('plan/'));
    expect(planRules).toEqual([]);
  });

  it('infers enums only from values seen often enough, and required only where always present', () => {
    const events = Array.from({ length: 30 }, (_, i) => JSON.stringify({ type: 'track', event: 'Plan Chosen', userId: `u${i}`, properties: { tier: ['free', 'pro', 'team'][i % 3], seats: i, note: i % 2 ? 'x' : undefined } }));
    const { code, stdout } = cdp(['schema-report', '--infer'], { input: events.join('\n') });
    expect(code).toBe(0);
    expect(stdout).toContain(['  Plan Chosen:', '    properties:', '      tier:', '        type: string', '        enum:', '          - free', '          - pro', '          - team', '        required: true', '      seats:', '        type: integer', '        required: true', '      note: string'].join('\n'));
  });
});

describe('cdp schema-report: bad input and usage', () => {
  it('reports a missing file, reads the others, and exits 2', () => {
    const { code, report, stderr } = reportJson([SAMPLE, join(dir, 'nope.ndjson')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope\.ndjson/);
    expect(report.summary.read).toBe(14);
  });

  it('reads an empty file as zero events', () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '');
    const { code, report } = reportJson([empty, '--no-plan']);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ read: 0, reported: 0 });
    expect(report.events).toEqual([]);
  });

  it('counts malformed lines among good ones without stopping', () => {
    const { code, report } = reportJson(['--no-plan'], ['{"type":"track","event":"A","userId":"u"}', '{bad', '\u00ff\u00fe', '[1]', '{"type":"track","event":"A","userId":"u"}'].join('\n'));
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ read: 5, reported: 2, malformed: 3 });
  });

  it('caps an event with 10,000 property keys and says so; shows a 10 KB name cut short', () => {
    const wide = JSON.stringify({ type: 'track', event: 'Wide Event', userId: 'u', properties: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key_${i}`, i])) });
    const long = JSON.stringify({ type: 'track', event: 'L'.repeat(10_240), userId: 'u', properties: { a: 1 } });
    const deep = `{"type":"track","event":"Deep","userId":"u","properties":${'{"n":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const { code, stdout } = cdp(['schema-report', '--no-plan'], { input: [wide, long, deep].join('\n') });
    expect(code).toBe(0);
    expect(stdout).toContain('event "Wide Event": 9,000 values at paths past the first 1,000 distinct ones were not tracked');
    expect(stdout).toContain('event "Deep": 1 value nested deeper than 32 levels were not followed');
    expect(stdout).toContain(`${'L'.repeat(59)}…  track · 1 event`);
    for (const line of stdout.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(100);
  });

  it.each([
    [['--since', 'last week'], /--since expects a date/],
    [['--min-coverage', '120'], /--min-coverage expects a percentage/],
    [['--format', 'pdf'], /Unknown format "pdf"/],
    [['--infer', '--format', 'json'], /--infer writes YAML/],
    [['--since', '2026-11-03', '--until', '2026-11-01'], /--since \(2026-11-03\) is after --until/],
    [['--no-plan', '--min-coverage', '90'], /--min-coverage needs a plan/],
  ])('rejects %j with exit code 2', (args, message) => {
    const { code, stderr } = cdp(['schema-report', SAMPLE, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 with the plan problems when the plan is broken', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'events:\n  A: { properties: { x: strin } }\n');
    const { code, stderr } = cdp(['schema-report', SAMPLE, '--plan', broken]);
    expect(code).toBe(2);
    expect(stderr).toContain('plan/unknown-type-ref');
  });
});
