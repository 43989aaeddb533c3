import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AnalyticsBrowser } from '@segment/analytics-next';
import type { Browser } from 'playwright-core';
import { recordPage } from './chromium.js';

export const NEXT_WRITE_KEY = 'cdp-test-next-write-key';

// The UMD build and its lazily loaded chunks, as cdn.segment.com serves them under /analytics-next/bundles/.
const UMD_DIR = join(dirname(createRequire(import.meta.url).resolve('@segment/analytics-next/package.json')), 'dist/umd');
const UMD_FILES = new Set(readdirSync(UMD_DIR).filter((f) => f.endsWith('.js')));

export interface AnalyticsNextOptions {
  /** Segment.io's deliveryStrategy: `{ strategy: 'batching', config: { size, timeout } }` posts to /v1/b. */
  deliveryStrategy?: { strategy: 'standard' | 'batching'; config?: Record<string, unknown> };
  /** Query string of the page, e.g. `?utm_source=news` (analytics-next reads campaigns from it). */
  search?: string;
  /** Resolves when the test has seen what it waits for (e.g. the capture server's messages); the page stays open until then. */
  settle?: () => Promise<unknown>;
}

export interface AnalyticsNextRun {
  /** Every URL the page requested, the page and the SDK's own files included. */
  requests: string[];
  /** Console errors and warnings, uncaught page errors, dialogs. */
  problems: string[];
}

/**
 * Loads the real analytics-next UMD bundle in a page of `browser` served from 127.0.0.1, configured as an
 * app behind a proxy would be (`cdnSettings` inline, so no settings fetch; `apiHost` pointing at `apiHost`,
 * e.g. 127.0.0.1:4000/v1) and runs `script` with the loaded AnalyticsBrowser. `script` runs in the page:
 * it can use nothing from the test's scope. Requests that would leave 127.0.0.1 are aborted and still listed.
 */
export async function driveAnalyticsNext(
  browser: Browser,
  apiHost: string,
  script: (analytics: AnalyticsBrowser) => Promise<unknown>,
  options: AnalyticsNextOptions = {},
): Promise<AnalyticsNextRun> {
  const site = await serveSite();
  const page = await browser.newPage();
  const { requests, problems } = recordPage(page);
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  try {
    await page.goto(`${site.origin}/${options.search ?? ''}`);
    const segmentio = { apiKey: NEXT_WRITE_KEY, apiHost, protocol: 'http', ...(options.deliveryStrategy ? { deliveryStrategy: options.deliveryStrategy } : {}) };
    await page.evaluate(
      ({ writeKey, segmentio }) => {
        const w = window as unknown as { AnalyticsNext: { AnalyticsBrowser: typeof AnalyticsBrowser }; ajs: AnalyticsBrowser };
        // What cdn.segment.com/v1/projects/<key>/settings answers for a source with no destinations, minus
        // remote metrics (they would post to api.segment.io every 30 s).
        const cdnSettings = {
          integrations: { 'Segment.io': { apiKey: writeKey, unbundledIntegrations: [], addBundledMetadata: true, maybeBundledConfigIds: {} } },
          plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
          middlewareSettings: {},
          enabledMiddleware: {},
          metrics: { sampleRate: 0 },
          legacyVideoPluginsEnabled: false,
          remotePlugins: [],
        };
        // A proxied setup passes apiHost in the load options, as most apps that self-host do.
        w.ajs = w.AnalyticsNext.AnalyticsBrowser.load({ writeKey, cdnSettings }, { integrations: { 'Segment.io': segmentio } });
      },
      { writeKey: NEXT_WRITE_KEY, segmentio },
    );
    // A function's source, not the function: page.evaluate would serialise an argument, not a live object.
    await page.evaluate(`(${script.toString()})(window.ajs)`);
    await options.settle?.();
    return { requests, problems };
  } finally {
    await page.close();
    await site.close();
  }
}

/** The app's page (`html` at `/`) and the SDK bundle, on 127.0.0.1 and an ephemeral port, for one run. */
export async function serveSite(html = PAGE): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = path.startsWith('/analytics-next/bundles/') ? path.slice('/analytics-next/bundles/'.length) : '';
    if (UMD_FILES.has(file)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(UMD_DIR, file)));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// analytics._cdn is how the Segment snippet names a self-hosted CDN: the bundle then loads its chunks from
// this origin, not from cdn.segment.com.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Shop</title>
<script>window.analytics = { _cdn: location.origin };</script>
<script src="/analytics-next/bundles/index.js"></script>
</head><body><h1>Acme Shop</h1></body></html>
`;
