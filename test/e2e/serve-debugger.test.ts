import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN, post, project, serve, type Served } from '../support/cdp-serve.js';
import { launchChromium } from '../support/chromium.js';
import { openDebugger, type DebuggerPage } from '../support/debugger-page.js';

// The debugger page of `cdp serve` in headless Chromium: payload text stays text, and the filters,
// pause, detail pane, counters and plan banner do what the page says.

const { browser, skipReason } = await launchChromium();
if (skipReason !== undefined) console.warn(`Skipping the debugger page tests: ${skipReason}`);

let s: Served;
let d: DebuggerPage;
beforeAll(async () => {
  if (!browser) return;
  s = await serve(project());
  d = await openDebugger(browser, s.url);
});
afterAll(async () => {
  await browser?.close();
  if (s?.child.exitCode === null) await s.stop();
});

const track = (event: string, properties: object, userId = 'u1') => post(s, '/v1/track', JSON.stringify({ event, userId, properties }));

/** Clears the server and the page, and sends `calls` one after the other. */
async function fresh(...calls: Array<() => Promise<unknown>>): Promise<void> {
  await post(s, '/api/reset', '');
  await d.waitForRows(0);
  for (const call of calls) await call();
  await d.waitForRows(calls.length);
}

describe.skipIf(browser === undefined)('cdp serve debugger page', () => {
  it('shows hostile payload text as text and runs none of it', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const note = '</script><script>alert(2)</script>';
    await fresh(
      () => track(name, { note }),
      () => post(s, '/v1/page', JSON.stringify({ userId: 'u1', name: '<b onmouseover=alert(3)>Home</b>', properties: { '<svg onload=alert(4)>': note } })),
    );
    expect((await d.rows()).map(([type, shown]) => [type, shown])).toEqual([
      ['page', '<b onmouseover=alert(3)>Home</b>'],
      ['track', name],
    ]);
    await d.page.locator('#list li', { hasText: 'onerror' }).click();
    expect(await d.page.locator('#detail h2').textContent()).toBe(`track — ${name}`);
    expect(await d.page.locator('#detail pre').textContent()).toContain(`"note": ${JSON.stringify(note)}`);
    await d.page.locator('#list li', { hasText: 'onmouseover' }).click();
    await d.page.locator('#list li', { hasText: 'onmouseover' }).hover();
    const markup = await d.page.evaluate(() => ({
      elements: Array.from(document.querySelectorAll('img, svg')).length,
      handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
      scripts: document.scripts.length,
    }));
    expect(markup).toEqual({ elements: 0, handlers: 0, scripts: 1 });
    expect(d.problems).toEqual([]);

    // What the page's policy blocks shows among the problems: an inline script added now is refused, and said so.
    await d.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(() => d.problems).toEqual([expect.stringMatching(/^console error: Executing inline script violates the following Content Security Policy directive/)]);
    expect(await d.page.evaluate(() => 'injected' in window)).toBe(false);
    d.problems.length = 0;
  });

  it('filters by call type, event name, free text and problems', async () => {
    await fresh(
      () => track('Order Completed', { order_id: 'o-1', revenue: 5 }),
      () => track('Order Completed', { revenue: 7 }),
      () => post(s, '/v1/p', JSON.stringify({ userId: 'u1', name: 'Home' })),
      () => post(s, '/v1/identify', JSON.stringify({ userId: 'u1', traits: { email: 'o-77@example.com' } })),
      () => track('Signed Up', {}),
    );
    const shown = async () => (await d.rows()).map(([type, name]) => `${type} ${name}`);
    expect(await shown()).toEqual(['track Signed Up', 'identify ', 'page Home', 'track Order Completed', 'track Order Completed']);
    await d.page.selectOption('#type', 'page');
    expect(await shown()).toEqual(['page Home']);
    await d.page.selectOption('#type', '');
    await d.page.fill('#name', 'Order Completed');
    expect(await shown()).toEqual(['track Order Completed', 'track Order Completed']);
    await d.page.check('#only-problems');
    expect(await d.rows()).toEqual([['track', 'Order Completed', '1 error']]);
    await d.page.fill('#name', '');
    expect(await shown()).toEqual(['track Signed Up', 'track Order Completed']);
    await d.page.uncheck('#only-problems');
    // Free text looks into the whole message, case aside.
    await d.page.fill('#text', 'O-77@EXAMPLE');
    expect(await shown()).toEqual(['identify ']);
    await d.page.fill('#text', '');
    expect(await d.rows()).toHaveLength(5);
  });

  it('holds new messages while paused and shows them on resume; the counters go on counting', async () => {
    await fresh(() => track('Order Completed', { order_id: 'o-1' }));
    await d.page.click('#pause');
    expect(await d.page.textContent('#pause')).toBe('Resume');
    await track('Order Completed', { order_id: 'o-2' });
    await track('Order Completed', {});
    await d.page.locator('#held', { hasText: '2 held' }).waitFor();
    expect(await d.rows()).toHaveLength(1);
    expect(await d.counters()).toEqual({ received: 3, valid: 2, problems: 1 });
    await d.page.click('#pause');
    await d.waitForRows(3);
    expect(await d.page.textContent('#held')).toBe('');
    expect((await d.rows()).map(([, , verdict]) => verdict)).toEqual(['1 error', '✓', '✓']);
  });

  it('shows the selected message as pretty JSON, each diagnostic marking the line of its path', async () => {
    const message = { event: 'Order Completed', userId: 'u1', properties: { revenue: '5', 'a/b~c': 1 } };
    await fresh(() => post(s, '/v1/track', JSON.stringify(message)));
    await d.page.click('#list li');
    const pretty = await d.page.locator('#detail pre').textContent();
    const stored = JSON.parse(pretty!);
    expect(stored).toMatchObject({ ...message, type: 'track', messageId: expect.any(String), receivedAt: expect.any(String) });
    expect(pretty).toBe(`${JSON.stringify(stored, null, 2)}\n`);
    const problems = await d.page.$$eval('#problems li', (items) => items.map((li) => li.textContent));
    expect(problems.sort()).toEqual([
      'error Event "Order Completed" is missing required property "order_id" plan/missing-required at /properties/order_id',
      'error Property "a/b~c" of event "Order Completed" is not in snake_case naming/property-case at /properties/a~1b~0c',
      'error Property "revenue" of event "Order Completed" must be number, got "5" plan/invalid-value at /properties/revenue',
      'warning Property "a/b~c" of event "Order Completed" is not in the plan plan/unplanned-property at /properties/a~1b~0c',
    ]);
    // A property that is there marks its own line; a missing one the object it is missing from.
    const marked = await d.page.$$eval('#detail pre .hit', (lines) => lines.map((l) => [l.textContent, (l as HTMLElement).title.split(', ').sort().join(', '), l.className]));
    expect(marked).toEqual([
      ['  "properties": {\n', 'plan/missing-required', 'hit error'],
      ['    "revenue": "5",\n', 'plan/invalid-value', 'hit error'],
      ['    "a/b~c": 1\n', 'naming/property-case, plan/unplanned-property', 'hit error'],
    ]);
    await d.page.locator('#problems .path', { hasText: '/properties/revenue' }).click();
    expect(d.problems).toEqual([]);
  });

  it('shows a message nested 10,000 levels deep as stored', async () => {
    const deep = `{"event":"Order Completed","userId":"u","properties":{"order_id":"o","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    await fresh(() => post(s, '/v1/track', deep));
    await d.page.click('#list li');
    expect(await d.page.locator('#detail pre').textContent()).toContain(`"x":${'['.repeat(10_000)}`);
    expect(await d.page.$$eval('#problems li code:first-of-type', (codes) => codes.map((c) => c.textContent))).toEqual(['spec/max-depth', 'plan/unplanned-property']);
    expect(d.problems).toEqual([]);
  });

  it('counts received, valid and with problems, also for a page opened after 600 messages', async () => {
    const batch = Array.from({ length: 600 }, (_, i) => ({ type: 'track', event: 'Order Completed', userId: 'u', properties: i % 3 === 0 ? {} : { order_id: `o-${i}` } }));
    await post(s, '/api/reset', '');
    await d.waitForRows(0);
    expect((await post(s, '/v1/batch', JSON.stringify({ batch }))).status).toBe(200);
    await d.waitForRows(500);
    await expect.poll(() => d.counters()).toEqual({ received: 600, valid: 400, problems: 200 });
    const late = await openDebugger(browser!, s.url);
    try {
      await late.waitForRows(500);
      await expect.poll(() => late.counters()).toEqual({ received: 600, valid: 400, problems: 200 });
      await track('Order Completed', {});
      await expect.poll(() => late.counters()).toEqual({ received: 601, valid: 400, problems: 201 });
      expect(late.problems).toEqual([]);
    } finally {
      await late.page.close();
    }
  });

  it('says when the plan no longer loads, and when it loads again', async () => {
    writeFileSync(join(s.dir, 'plan.yaml'), 'plan: [broken');
    await d.page.locator('#plan.bad', { hasText: 'no longer loads' }).waitFor();
    expect(await d.page.textContent('#plan')).toMatch(/^Plan plan\.yaml no longer loads; the last good plan stays in force:\nplan\.yaml:1:\d+: .*\(plan\/yaml-syntax\)/);
    writeFileSync(join(s.dir, 'plan.yaml'), PLAN);
    await d.page.locator('#plan:not(.bad)', { hasText: /^Plan plan\.yaml$/ }).waitFor();
    expect(d.problems).toEqual([]);
  });

  it('lets the server stop at once while it is open, and starts afresh when the server restarts on the same port', async () => {
    await fresh(() => track('Order Completed', { order_id: 'before' }), () => track('Order Completed', { order_id: 'before-2' }));
    expect(await s.stop()).toBe(0);
    s = await serve(s.dir, ['--port', String(s.port)]);
    // EventSource reconnects by itself; the new server numbers its messages from 1 again.
    await d.waitForRows(0);
    await track('Order Completed', { order_id: 'after' });
    await d.waitForRows(1);
    expect(await d.counters()).toEqual({ received: 1, valid: 1, problems: 0 });
    expect(d.problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});
