import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's chromium package; .ci/run installs it when it can.
export const CHROMIUM = '/usr/bin/chromium';
// No call home of its own (component updates, sync, field trials): the only requests are the page's.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Debian's chromium headless, or says why it cannot (the browser tests then skip, saying so). */
export async function launchChromium(): Promise<{ browser?: Browser; skipReason?: string }> {
  if (!existsSync(CHROMIUM)) return { skipReason: `${CHROMIUM} does not exist (apt-get install chromium)` };
  try {
    return { browser: await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }) };
  } catch (error) {
    return { skipReason: `${CHROMIUM} failed to launch: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Starts listing every URL `page` requests and every console error or warning, uncaught error and dialog it shows. */
export function recordPage(page: Page): { requests: string[]; problems: string[] } {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  return { requests, problems };
}
