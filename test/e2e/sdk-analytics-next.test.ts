import type { AnalyticsBrowser } from '@segment/analytics-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveAnalyticsNext, NEXT_WRITE_KEY, type AnalyticsNextOptions } from '../support/analytics-next.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { expectLintsClean, expectPlantedMistakes, NEXT_CLEAN_TYPES, nextCleanSession, nextPlantedSession } from './sdk-shop.js';
import { launchChromium } from '../support/chromium.js';

// The real @segment/analytics-next in headless Chromium, posting to a capture server on 127.0.0.1.
const ISO_MS_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const { browser, skipReason } = await launchChromium();
if (skipReason !== undefined) console.warn(`Skipping the analytics-next browser tests: ${skipReason}`);

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(async () => {
  await browser?.close();
  await server.close();
});

/** Runs `script` in a fresh page on a fresh capture, waits for `count` messages, and returns them with the page's run. */
async function session(script: (analytics: AnalyticsBrowser) => Promise<unknown>, count: number, options: AnalyticsNextOptions = {}) {
  server.requests.length = 0;
  const run = await driveAnalyticsNext(browser!, `${server.host}/v1`, script, { ...options, settle: () => server.waitForMessages(count) });
  return { ...run, messages: server.messages() };
}


describe.skipIf(browser === undefined)('@segment/analytics-next in headless Chromium against cdp lint', () => {
  it('a clean session draws no diagnostic, and no request leaves 127.0.0.1', async () => {
    const { messages, requests, problems } = await session(nextCleanSession, NEXT_CLEAN_TYPES.length, { search: '?utm_source=newsletter&utm_campaign=spring' });

    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(problems).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/p', '/v1/p', '/v1/p', '/v1/t', '/v1/t', '/v1/a', '/v1/i', '/v1/i', '/v1/g', '/v1/s']);
    for (const r of server.requests) {
      // text/plain spares the browser a CORS preflight: a collector must parse JSON whatever the type says.
      expect(r.headers['content-type']).toBe('text/plain');
      expect(r.headers.authorization).toBe(`Basic ${btoa(`${NEXT_WRITE_KEY}:`)}`);
    }
    expect(messages.map((m) => m.type)).toEqual(NEXT_CLEAN_TYPES);

    const [unnamed, home, install, productAdded, orderCompleted, alias, identify, identifyAgain] = messages;
    expect(Object.keys(unnamed!.properties as object).sort()).toEqual(['path', 'referrer', 'search', 'title', 'url']);
    expect(home).toMatchObject({ name: 'Home', properties: { name: 'Home', title: 'Acme Shop', path: '/' } });
    expect(install).toMatchObject({ category: 'Docs', name: 'Install', properties: { section: 'cli', category: 'Docs', name: 'Install' } });
    expect(productAdded).toMatchObject({ integrations: { 'Segment.io': true, Mixpanel: { session_id: 7 }, Intercom: false } });
    expect(orderCompleted).toMatchObject({ userId: null, anonymousId: expect.any(String) });
    expect(alias).toMatchObject({ userId: 'u1', previousId: orderCompleted!.anonymousId });
    expect(identify).toMatchObject({ userId: 'u1', traits: { email: 'ada@example.com' } });
    expect(identifyAgain).toMatchObject({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
    for (const m of messages) {
      expect(m).toMatchObject({ writeKey: NEXT_WRITE_KEY, timestamp: expect.stringMatching(ISO_MS_Z), sentAt: expect.stringMatching(ISO_MS_Z) });
      expect(m.context).toMatchObject({
        library: { name: 'analytics.js', version: 'next-1.84.3' },
        campaign: { source: 'newsletter', name: 'spring' },
        page: { path: '/', title: 'Acme Shop' },
        userAgent: expect.any(String),
        locale: expect.any(String),
        timezone: expect.any(String),
      });
      expect(m._metadata).toEqual({ bundled: ['Segment.io'], unbundled: [], bundledIds: [] });
    }

    expectLintsClean(messages);
  });

  it('the batching delivery strategy posts one /v1/b batch that lints as clean', async () => {
    const { messages, requests } = await session(nextCleanSession, NEXT_CLEAN_TYPES.length, {
      // Flushed when the tenth message arrives; the timeout only has to outlast the session, or it splits the batch.
      deliveryStrategy: { strategy: 'batching', config: { size: NEXT_CLEAN_TYPES.length, timeout: 8_000 } },
    });
    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/b']);
    expect(server.requests[0]!.body).toMatchObject({ writeKey: NEXT_WRITE_KEY, sentAt: expect.stringMatching(ISO_MS_Z) });
    expect(messages.map((m) => m.type)).toEqual(NEXT_CLEAN_TYPES);
    // One sentAt for the batch: the SDK strips it from each message.
    expect(messages.filter((m) => 'sentAt' in m)).toEqual([]);

    expectLintsClean(messages);
  });

  it('planted mistakes draw exactly their diagnostics, the same count in every format', async () => {
    const { messages } = await session(nextPlantedSession, 7);

    expectPlantedMistakes(messages);
  });
});
