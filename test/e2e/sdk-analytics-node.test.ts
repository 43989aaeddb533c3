import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveAnalyticsNode, NODE_WRITE_KEY } from '../support/analytics-node.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { expectLintsClean, expectPlantedMistakes, NODE_CLEAN_TYPES, nodeCleanSession, nodePlantedSession } from './sdk-shop.js';

// The real @segment/analytics-node posting to a capture server on 127.0.0.1; cdp lints what arrived.
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
    const messages = await session(nodeCleanSession);

    // What the SDK put on the wire, so that a change of SDK shows here before it shows in the lint.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/batch']);
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${NODE_WRITE_KEY}:`).toString('base64')}`);
    expect(server.requests[0]!.body).toMatchObject({ writeKey: NODE_WRITE_KEY, sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(messages.map((m) => m.type)).toEqual(NODE_CLEAN_TYPES);
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
    const messages = await session(nodePlantedSession);

    expectPlantedMistakes(messages);
  });
});
