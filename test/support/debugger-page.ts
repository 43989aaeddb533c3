import type { Browser, Page } from 'playwright-core';
import { recordPage } from './chromium.js';

export interface DebuggerPage {
  page: Page;
  /** Console errors and warnings (Chromium reports a Content-Security-Policy violation as one), uncaught errors, dialogs. */
  problems: string[];
  /** The list as shown, newest first: [type, name, verdict] of each row. */
  rows(): Promise<string[][]>;
  /** The counters in the header. */
  counters(): Promise<{ received: number; valid: number; problems: number }>;
  /** Resolves once the list shows `count` rows. */
  waitForRows(count: number): Promise<void>;
}

/** Opens `cdp serve`'s debugger page (`GET /` of `url`) in a new page of `browser`. */
export async function openDebugger(browser: Browser, url: string): Promise<DebuggerPage> {
  const page = await browser.newPage();
  const { problems } = recordPage(page);
  await page.goto(`${url}/`);
  // The stream is open once the plan banner has been filled in from its first event.
  await page.locator('#plan').filter({ hasText: /^Plan / }).waitFor();
  return {
    page,
    problems,
    rows: () => page.$$eval('#list li', (items) => items.map((li) => Array.from(li.children).slice(1).map((c) => c.textContent ?? ''))),
    counters: () =>
      page.evaluate(() => {
        const n = (id: string) => Number(document.getElementById(id)!.textContent);
        return { received: n('received'), valid: n('valid'), problems: n('with-problems') };
      }),
    waitForRows: async (count) => {
      await page.waitForFunction((n) => document.querySelectorAll('#list li').length === n, count, { timeout: 10_000 });
    },
  };
}
