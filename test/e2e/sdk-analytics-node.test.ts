import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveAnalyticsNode, NODE_WRITE_KEY } from '../support/analytics-node.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { expectLintsClean, expectPlantedMistakes } from './sdk-shop.js';

// The real @segment/analytics-node posting to a capture server on 127.0.0.1; cdp lints what arrived.
// The SDK's types say userId is a string, but JavaScript apps pass null for a visitor not signed in.
const NO_USER = null as unknown as string;

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

/** Drives the SDK through `script` on a fresh capture and returns the messages that arrived. */
async function session(script: Parameters<typeof driveAnalyticsNode>[1]): Promise<Record<string, unknown>[]> {
  server.requests.length = 0;
  await driveAnalyticsNode(server.origin, script);
  return server.messages();
}

describe('@segment/analytics-node against cdp lint', () => {
  it('a clean session, every call type, draws no diagnostic', async () => {
    const messages = await session((analytics) => {
      analytics.page({ userId: 'u1', name: 'Home' });
      analytics.page({ anonymousId: 'anon-1', category: 'Docs', name: 'Install', properties: { section: 'cli' } });
      // A server-side app that forwards what the browser saw passes the spec's page fields itself.
      analytics.page({ userId: 'u1', name: 'Home', properties: { path: '/', url: 'https://shop.example/', title: 'Acme Shop', referrer: 'https://search.example/', search: '' } });
      analytics.page({ anonymousId: 'anon-1' });
      analytics.track({
        userId: 'u1',
        event: 'Product Added',
        properties: { product_id: 'p1', price: 9.99, quantity: 1, size: 'M' },
        integrations: { All: true, Mixpanel: { session_id: 7 }, Intercom: false },
      });
      analytics.track({ userId: NO_USER, anonymousId: 'anon-1', event: 'Order Completed', properties: { order_id: 'o1', revenue: 9.99, currency: 'USD' } });
      analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
      analytics.identify({ anonymousId: 'anon-1', traits: { plan: 'free' }, integrations: { Salesforce: false } });
      analytics.group({ userId: 'u1', groupId: 'g1', traits: { name: 'Acme', employees: 12 } });
      analytics.alias({ userId: 'u1', previousId: 'anon-1' });
      analytics.screen({ userId: 'u1', name: 'Cart', properties: { items: 2 } });
      analytics.screen({ userId: 'u1', category: 'Shop', name: 'Cart', properties: { items: 3 } });
    });

    // What the SDK put on the wire, so that a change of SDK shows here before it shows in the lint.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/batch']);
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${NODE_WRITE_KEY}:`).toString('base64')}`);
    expect(server.requests[0]!.body).toMatchObject({ writeKey: NODE_WRITE_KEY, sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(messages.map((m) => m.type)).toEqual(['page', 'page', 'page', 'page', 'track', 'track', 'identify', 'identify', 'group', 'alias', 'screen', 'screen']);
    expect(messages[1]).toMatchObject({ category: 'Docs', name: 'Install', properties: { section: 'cli', category: 'Docs' } });
    expect(messages[5]).toMatchObject({ userId: null, anonymousId: 'anon-1' });
    expect(messages[11]).toMatchObject({ category: 'Shop', name: 'Cart', properties: { items: 3 } });
    for (const m of messages) {
      expect(m.context).toEqual({ library: { name: '@segment/analytics-node', version: '3.1.0' } });
      expect(m._metadata).toEqual({ nodeVersion: process.version, jsRuntime: 'node' });
      expect(m.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }

    expectLintsClean(messages);
  });

  it('planted mistakes draw exactly their diagnostics, the same count in every format', async () => {
    const messages = await session((analytics) => {
      analytics.track({ userId: 'u1', event: 'Coupon Entered', properties: { coupon_id: 'c1' } });
      analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p1', productName: 'Mug' } });
      analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p2', price: '9.99' } });
      analytics.track({ userId: NO_USER, anonymousId: 'anon-1', event: 'Order Completed', properties: { revenue: 5, currency: 'USD' } });
      analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p3', size: 'XL' } });
      analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'enterprise' } });
      analytics.page({ userId: 'u1', category: 'Docs', name: 'Install', properties: { section: 3 } });
    });

    expectPlantedMistakes(messages);
  });
});
