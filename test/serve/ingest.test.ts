import { describe, expect, it } from 'vitest';
import { ingest, MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES, type IngestOptions } from '../../src/serve/ingest.js';
import { ingestRoute } from '../../src/serve/routes.js';

let ids = 0;
const options = (writeKeys: string[] = []): IngestOptions => ({ writeKeys: new Set(writeKeys), receivedAt: '2026-12-05T18:00:00.000Z', newMessageId: () => `id-${++ids}` });
const track = ingestRoute('/v1/track')!;
const batch = ingestRoute('/v1/batch')!;

describe('ingestRoute', () => {
  it('knows the HTTP API paths, analytics.js one-letter paths and the batch paths', () => {
    expect(ingestRoute('/v1/t')).toEqual({ kind: 'single', type: 'track' });
    expect(ingestRoute('/v1/p/')).toEqual({ kind: 'single', type: 'page' });
    expect(ingestRoute('/v1/screen')).toEqual({ kind: 'single', type: 'screen' });
    for (const path of ['/v1/batch', '/v1/b', '/v1/import']) expect(ingestRoute(path)).toEqual({ kind: 'batch' });
    for (const path of ['/v1/toString', '/v1/', '/v2/track', '/v1/track/x', '/api/events']) expect(ingestRoute(path)).toBeUndefined();
  });
});

describe('ingest', () => {
  it('takes the type from the path, and stamps receivedAt and a missing messageId', () => {
    const r = ingest(track, '{"event":"Order Completed","userId":"u","type":"page"}', undefined, options());
    expect(r.status).toBe(200);
    const [{ message, line }] = (r as { messages: Array<{ message: unknown; line: string }> }).messages;
    expect(message).toEqual({ event: 'Order Completed', userId: 'u', type: 'track', messageId: expect.stringMatching(/^id-/), receivedAt: '2026-12-05T18:00:00.000Z' });
    expect(JSON.parse(line)).toEqual(message);
    const kept = ingest(track, '{"event":"E","userId":"u","messageId":"m-1","receivedAt":"1999-01-01T00:00:00Z"}', undefined, options());
    expect((kept as { messages: Array<{ message: Record<string, unknown> }> }).messages[0]!.message).toMatchObject({ messageId: 'm-1', receivedAt: '2026-12-05T18:00:00.000Z' });
  });

  it("applies a batch's context, integrations and sentAt to its messages, theirs winning", () => {
    const body = JSON.stringify({
      batch: [{ type: 'track', event: 'A', userId: 'u', context: { locale: 'de' } }, { type: 'page', anonymousId: 'a', sentAt: '2026-12-05T17:59:59.000Z', integrations: { All: false } }, 7],
      context: { library: { name: 'x' }, locale: 'en' },
      integrations: { Mixpanel: false },
      sentAt: '2026-12-05T18:00:00.000Z',
      writeKey: 'k',
    });
    const r = ingest(batch, body, undefined, options()) as { status: 200; messages: Array<{ message: Record<string, unknown> }> };
    expect(r.messages.map((m) => m.message)).toEqual([
      expect.objectContaining({ context: { library: { name: 'x' }, locale: 'de' }, integrations: { Mixpanel: false }, sentAt: '2026-12-05T18:00:00.000Z' }),
      expect.objectContaining({ context: { library: { name: 'x' }, locale: 'en' }, integrations: { Mixpanel: false, All: false }, sentAt: '2026-12-05T17:59:59.000Z' }),
      7,
    ]);
  });

  it('refuses what Segment refuses, keeping nothing of the request', () => {
    expect(ingest(track, 'not json', undefined, options())).toMatchObject({ status: 400, error: expect.stringMatching(/not valid JSON/) });
    expect(ingest(track, '[1]', undefined, options())).toMatchObject({ status: 400, error: 'The body is not a JSON object' });
    expect(ingest(batch, '{"batch":{}}', undefined, options())).toMatchObject({ status: 400 });
    const big = JSON.stringify({ event: 'E', userId: 'u', properties: { text: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(ingest(track, big, undefined, options())).toMatchObject({ status: 413, error: expect.stringMatching(/over 32 KB/) });
    const oneTooBig = JSON.stringify({ batch: [{ type: 'track', event: 'E', userId: 'u' }, { type: 'track', event: 'E', userId: 'u', properties: { t: 'x'.repeat(MAX_MESSAGE_BYTES) } }] });
    expect(ingest(batch, oneTooBig, undefined, options())).toMatchObject({ status: 413, error: expect.stringMatching(/^Message 1 of the batch/) });
    expect(ingest(batch, `{"batch":[],"pad":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`, undefined, options())).toMatchObject({ status: 413 });
  });

  it('checks the write key from Basic auth or the body when keys are given, and takes any key otherwise', () => {
    const body = '{"event":"E","userId":"u"}';
    expect(ingest(track, body, undefined, options()).status).toBe(200);
    expect(ingest(track, body, 'k1', options(['k1'])).status).toBe(200);
    expect(ingest(track, '{"event":"E","userId":"u","writeKey":"k1"}', undefined, options(['k1'])).status).toBe(200);
    expect(ingest(track, body, 'k2', options(['k1']))).toMatchObject({ status: 401, error: 'Unknown write key' });
    expect(ingest(track, body, undefined, options(['k1']))).toMatchObject({ status: 401, error: expect.stringMatching(/^No write key/) });
  });

  it('stores a message nested 10,000 levels deep as it came', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const r = ingest(track, `{"event":"E","userId":"u","properties":{"x":${deep}}}`, undefined, options()) as { status: 200; messages: Array<{ line: string }> };
    expect(r.status).toBe(200);
    expect(r.messages[0]!.line).toContain(`"properties":{"x":${deep}}`);
  });
});
