import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

// The SDK tests trust what this server records; these are the body shapes SDKs send that the two SDKs
// of those tests do not (RudderStack gzips, and labels the gzip as a form).
let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

async function post(path: string, body: string | Buffer, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.origin}${path}`, { method: 'POST', body, headers });
}

describe('the capture server', () => {
  it('decodes JSON, text/plain and gzip bodies, unwraps batches, and answers as the Tracking API does', async () => {
    const track = { type: 'track', event: 'Order Completed', userId: 'u1' };
    const identify = { type: 'identify', userId: 'u1' };
    const page = { type: 'page', name: 'Home', anonymousId: 'a1' };
    const res = await post('/v1/t', JSON.stringify(track), { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ success: true });
    await post('/v1/batch', gzipSync(JSON.stringify({ batch: [identify, page], sentAt: '2024-01-01T00:00:00.000Z' })), {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Encoding': 'gzip',
    });
    await post('/v1/m', JSON.stringify({ series: [] }), { 'Content-Type': 'application/json' });

    await expect(server.waitForMessages(3, 1_000)).resolves.toEqual([track, identify, page]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/t', 'POST /v1/batch', 'POST /v1/m']);
    expect(server.requests[1]!.body).toEqual({ batch: [identify, page], sentAt: '2024-01-01T00:00:00.000Z' });
    expect(server.requests[1]!.headers['content-encoding']).toBe('gzip');
  });

  it('rejects a wait that is not met in time, saying what did arrive', async () => {
    await expect(server.waitForMessages(99, 50)).rejects.toThrow(/Expected 99 messages within 50 ms, got 3: POST \/v1\/t, POST \/v1\/batch, POST \/v1\/m/);
  });
});
