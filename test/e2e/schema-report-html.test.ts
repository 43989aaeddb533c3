import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaReport } from '../../src/report/types.js';
import { renderSchemaReportHtml } from '../../src/reporters/schema/html.js';
import { sampleReport } from '../reporters/schema/fixture.js';
import { launchChromium, recordPage } from '../support/chromium.js';

const { browser, skipReason } = await launchChromium();
if (skipReason !== undefined) console.warn(`Skipping the HTML schema report browser test: ${skipReason}`);

const dir = mkdtempSync(join(tmpdir(), 'cdp-schema-html-'));
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
}

/** Writes the report's page to a file and opens it, recording every request and every error. */
async function open(report: SchemaReport, name: string): Promise<Opened> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderSchemaReportHtml(report));
  const page = await browser!.newPage({ viewport: { width: 1366, height: 900 } });
  const { requests, problems } = recordPage(page);
  const url = pathToFileURL(file).href;
  await page.goto(url);
  return { page, url, requests, problems };
}

/** The property column of an event's table, top to bottom. */
async function propertyOrder(page: Page, section: string): Promise<string[]> {
  return page.locator(`${section} table tbody th`).allTextContents();
}

describe.skipIf(browser === undefined)('the HTML schema report in headless Chromium', () => {
  it('opens with no errors and no request beyond the file itself', async () => {
    const { page, url, requests, problems } = await open(sampleReport(), 'sample');
    await expect(page.title()).resolves.toBe('Schema report: acme-storefront');
    await expect(page.locator('section[id^="e"]').count()).resolves.toBe(4);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('shows the hostile strings of the report as text, never as markup', async () => {
    const { page, problems } = await open(sampleReport(), 'hostile');
    await expect(page.locator('#e2 tbody th').nth(1).textContent()).resolves.toBe('<script>alert(1)</script>');
    await expect(page.locator('#e2 tbody tr').nth(1).locator('td').nth(4).textContent()).resolves.toBe('"</td><img src=x onerror=alert(2)>"\u00a0×1');
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts a property table by the column clicked: numbers numerically, again to reverse, aria-sort set', async () => {
    const { page, problems } = await open(sampleReport(), 'sort');
    const count = page.locator('#e1 thead th', { hasText: 'Count' });
    expect(await propertyOrder(page, '#e1')).toEqual(['order_id', 'revenue', 'currency', 'products', 'products[]', 'products[].price', 'products[].product_id', 'giftWrap']);

    await count.locator('button').click();
    await expect(count.getAttribute('aria-sort')).resolves.toBe('ascending');
    // 12, 693, 700 x3 (ties keep their order), 1,480, 1,500 x2: "1,480" sorts as a number, not as text.
    expect(await propertyOrder(page, '#e1')).toEqual(['giftWrap', 'order_id', 'revenue', 'currency', 'products', 'products[].price', 'products[]', 'products[].product_id']);

    await count.locator('button').click();
    await expect(count.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await propertyOrder(page, '#e1')).toEqual(['products[]', 'products[].product_id', 'products[].price', 'revenue', 'currency', 'products', 'order_id', 'giftWrap']);

    // From the keyboard, by presence (each row's bar): only one column of a table claims the sort.
    const presence = page.locator('#e1 thead th', { hasText: 'Presence' });
    await presence.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(presence.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(count.getAttribute('aria-sort')).resolves.toBeNull();
    expect((await propertyOrder(page, '#e1')).slice(0, 3)).toEqual(['giftWrap', 'products[].price', 'order_id']);

    const property = page.locator('#e1 thead th', { hasText: 'Property' });
    await property.locator('button').click();
    expect(await propertyOrder(page, '#e1')).toEqual(['currency', 'giftWrap', 'order_id', 'products', 'products[]', 'products[].price', 'products[].product_id', 'revenue']);
    // Sorting one table leaves the others alone.
    expect(await propertyOrder(page, '#e3')).toEqual(['email', 'address.city']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reads out the day and count of the volume chart's bar under the pointer", async () => {
    const { page, problems } = await open(sampleReport(), 'chart');
    const chart = page.locator('#e1 svg.chart');
    const readout = page.locator('#e1 figcaption .readout');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // Seven bars from Nov 1st: the fourth is Nov 4th (130 events), the sixth Nov 6th (none).
    await page.mouse.move(box.x + box.width * (3.5 / 7), box.y + box.height / 2);
    await expect(readout.textContent()).resolves.toBe('2026-11-04: 130 events');
    await page.mouse.move(box.x + box.width * (5.5 / 7), box.y + box.height / 2);
    await expect(readout.textContent()).resolves.toBe('2026-11-06: 0 events');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
    await expect(readout.textContent()).resolves.toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads out a bar of several days as its range, cut at the last day', async () => {
    const report = sampleReport();
    // 401 days: bars of 2 days, the last one holding only Feb 5th.
    report.events[0]!.volume = [{ day: '2026-01-01', count: 1 }, { day: '2027-02-05', count: 3 }];
    const { page } = await open(report, 'chart-days');
    const chart = page.locator('#e1 svg.chart');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await expect(page.locator('#e1 .readout').textContent()).resolves.toBe('2026-01-01 to 2026-01-02: 1 event');
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await expect(page.locator('#e1 .readout').textContent()).resolves.toBe('2027-02-05: 3 events');
    await page.close();
  });

  it('follows the light or dark colour scheme of the system', async () => {
    const { page } = await open(sampleReport(), 'scheme');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(background()).resolves.toBe('rgb(13, 17, 23)');
    await page.close();
  });

  it('fits a laptop screen without sideways scrolling, even with a 10 KB event name and property path', async () => {
    const report = sampleReport();
    const long = 'Checkout Step Viewed '.repeat(500);
    report.events[0]!.name = long;
    report.events[0]!.properties[0]!.path = `a${'.nested_property_name_without_spaces'.repeat(280)}`;
    report.unplannedEvents.push({ type: 'track', name: long.replaceAll(' ', '_') });
    const { page, problems } = await open(report, 'long');
    // Sections are laid out once near the viewport: bring the long one there before measuring it.
    await page.locator('#e1').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll('main > section')].map((e) => e.scrollWidth - e.clientWidth).filter((n) => n > 0),
    );
    expect(overflow).toEqual([]);
    await expect(page.locator('#e1 h2 span[title]').getAttribute('title')).resolves.toBe(long);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes a screenshot of the whole page', async () => {
    const { page } = await open(sampleReport(), 'screenshot');
    const file = join(dir, 'schema-report.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Width and height from the IHDR chunk: the full 1366-pixel width, and taller than one screen.
    expect(png.readUInt32BE(16)).toBe(1366);
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.CDP_KEEP_SCREENSHOT) writeFileSync(process.env.CDP_KEEP_SCREENSHOT, png);
    await page.close();
  });
});
