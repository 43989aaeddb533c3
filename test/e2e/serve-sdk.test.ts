import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';
import { driveAnalyticsNext, NEXT_WRITE_KEY } from '../support/analytics-next.js';
import { driveAnalyticsNode } from '../support/analytics-node.js';
import { captured, getJson, post, serve, until, type Served } from '../support/cdp-serve.js';
import { launchChromium } from '../support/chromium.js';
import { openDebugger, type DebuggerPage } from '../support/debugger-page.js';
import { NEXT_CLEAN_TYPES, nextCleanSession, nextPlantedSession, NODE_CLEAN_TYPES, nodeCleanSession, nodePlantedSession, PLANTED, SHOP_PLAN } from './sdk-shop.js';

// The real SDKs send to a `cdp serve` started here, with the shop's plan: what they send must arrive in
// the NDJSON, in the test API and on the debugger page, and be judged as `cdp lint` judges the file.

interface ApiRecord {
  receivedAt: string;
  message: Record<string, unknown>;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; file: string; line: number; path?: string }>;
}

const { browser, skipReason } = await launchChromium();
if (skipReason !== undefined) console.warn(`Skipping the analytics-next and debugger page checks against cdp serve: ${skipReason}`);

let s: Served;
let debuggerPage: DebuggerPage | undefined;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-serve-sdk-'));
  copyFileSync(join(ROOT, SHOP_PLAN), join(dir, 'plan.yaml'));
  s = await serve(dir);
  if (browser) debuggerPage = await openDebugger(browser, s.url);
});
afterAll(async () => {
  await browser?.close();
  if (s?.child.exitCode === null) await s.stop();
});

const events = async (): Promise<ApiRecord[]> => (await getJson(s, '/api/events')).events;
const waitForStored = (count: number) => until(async () => (await getJson(s, '/api/summary')).stats.read >= count, 10_000);

/** Clears what the API and the page show; returns how many lines the capture already holds. */
async function fresh(): Promise<number> {
  expect((await post(s, '/api/reset', '')).status).toBe(200);
  await debuggerPage?.waitForRows(0);
  return captured(s.dir).length;
}

/** A session drew no diagnostic: in the summary, in each event, and on the page. */
async function expectClean(types: string[], before: number): Promise<ApiRecord[]> {
  const summary = await getJson(s, '/api/summary');
  expect(summary).toMatchObject({ errorCount: 0, warningCount: 0, rules: {}, stats: { read: types.length, valid: types.length, invalid: 0, malformed: 0 } });
  const records = await events();
  expect(records.map((r) => r.message.type).reverse()).toEqual(types);
  expect(records.flatMap((r) => r.diagnostics)).toEqual([]);
  // Stored before it was acknowledged, as received: the file's new lines are the API's messages, oldest first.
  const lines = captured(s.dir).slice(before).map((l) => JSON.parse(l));
  expect(lines).toEqual(records.map((r) => r.message).reverse());
  for (const m of lines) expect(m).toMatchObject({ receivedAt: expect.any(String), messageId: expect.any(String) });
  if (debuggerPage) {
    await debuggerPage.waitForRows(types.length);
    expect((await debuggerPage.rows()).map(([type, , verdict]) => [type, verdict])).toEqual(types.map((t) => [t, '✓']).reverse());
    expect(await debuggerPage.counters()).toEqual({ received: types.length, valid: types.length, problems: 0 });
  }
  return records;
}

/** Every diagnostic the server showed since it started (the clean sessions showed none). */
const shownSoFar: ApiRecord['diagnostics'] = [];

/** The planted session drew exactly its diagnostics, at the capture's lines, in the API and on the page. */
async function expectPlanted(before: number): Promise<void> {
  const records = await events();
  expect(records).toHaveLength(7);
  const shown = records.flatMap((r) => r.diagnostics);
  expect(shown.map((d) => [d.line - before, d.ruleId, d.path]).sort()).toEqual([...PLANTED].sort());
  expect(await getJson(s, '/api/summary')).toMatchObject({ errorCount: 7, warningCount: 1, stats: { read: 7, valid: 0, invalid: 7 } });

  shownSoFar.push(...shown);

  if (debuggerPage) {
    await debuggerPage.waitForRows(7);
    const rows = await debuggerPage.rows();
    expect(rows.map(([type, name]) => `${type} ${name}`)).toEqual(['page Install', 'identify ', 'track Product Added', 'track Order Completed', 'track Product Added', 'track Product Added', 'track Coupon Entered']);
    expect(rows.map(([, , verdict]) => verdict)).toEqual(['1 error', '1 error', '1 error', '1 error', '1 error', '1 error, 1 warning', '1 error']);
    expect(await debuggerPage.counters()).toEqual({ received: 7, valid: 0, problems: 7 });
  }
}

describe('@segment/analytics-node → cdp serve', () => {
  it('a clean session is stored, listed and shown without a diagnostic', async () => {
    const before = await fresh();
    await driveAnalyticsNode(s.url, nodeCleanSession);
    const records = await expectClean(NODE_CLEAN_TYPES, before);
    expect(records.at(-1)!.message).toMatchObject({ context: { library: { name: '@segment/analytics-node' } } });
  });

  it('planted mistakes draw exactly their diagnostics, at their lines in the capture', async () => {
    const before = await fresh();
    await driveAnalyticsNode(s.url, nodePlantedSession);
    await expectPlanted(before);
  });
});

describe.skipIf(browser === undefined)('@segment/analytics-next in headless Chromium → cdp serve', () => {
  const apiHost = () => `${new URL(s.url).host}/v1`;

  it('standard delivery (/v1/p, /v1/t, ...): a clean session appears live on the debugger page', async () => {
    const before = await fresh();
    const run = await driveAnalyticsNext(browser!, apiHost(), nextCleanSession, { settle: () => waitForStored(NEXT_CLEAN_TYPES.length) });
    expect(run.problems).toEqual([]);
    const posted = run.requests.filter((u) => u.startsWith(s.url)).map((u) => new URL(u).pathname);
    expect(posted).toEqual(['/v1/p', '/v1/p', '/v1/p', '/v1/t', '/v1/t', '/v1/a', '/v1/i', '/v1/i', '/v1/g', '/v1/s']);
    const records = await expectClean(NEXT_CLEAN_TYPES, before);
    for (const r of records) expect(r.message).toMatchObject({ writeKey: NEXT_WRITE_KEY, context: { library: { name: 'analytics.js' } } });
    expect(debuggerPage!.problems).toEqual([]);
  });

  it('batching (/v1/b): planted mistakes draw exactly their diagnostics, at their lines in the capture', async () => {
    const before = await fresh();
    const run = await driveAnalyticsNext(browser!, apiHost(), nextPlantedSession, {
      deliveryStrategy: { strategy: 'batching', config: { size: 7, timeout: 8_000 } },
      settle: () => waitForStored(7),
    });
    expect(run.requests.filter((u) => u.startsWith(s.url)).map((u) => new URL(u).pathname)).toEqual(['/v1/b']);
    await expectPlanted(before);
    expect(debuggerPage!.problems).toEqual([]);
  });
});

describe('the capture, linted', () => {
  it('cdp lint captured/*.ndjson reports the problems the server showed, at the same lines', () => {
    const files = readdirSync(join(s.dir, 'captured')).map((f) => join('captured', f));
    const lint = cdp(['lint', '--plan', 'plan.yaml', '--format', 'json', ...files], { cwd: s.dir });
    expect(lint.code).toBe(shownSoFar.length > 0 ? 1 : 0);
    const key = (d: ApiRecord['diagnostics'][number]) => JSON.stringify([d.file, d.line, d.ruleId, d.severity, d.path, d.message]);
    expect(JSON.parse(lint.stdout).diagnostics.map(key).sort()).toEqual(shownSoFar.map(key).sort());
  });
});
