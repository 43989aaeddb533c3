import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest as ingestBytes, MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES, type IngestOptions, type IngestResult } from '../../src/serve/ingest.js';
import { jsonText } from '../../src/serve/json-text.js';
import { ingestRoute, type IngestRoute } from '../../src/serve/routes.js';
import { batchText, eventText } from '../fuzz/events.js';

let ids = 0;
const options = (writeKeys: string[] = []): IngestOptions => ({ writeKeys: new Set(writeKeys), receivedAt: '2026-12-05T18:00:00.000Z', newMessageId: () => `id-${++ids}` });
const ingest = (route: IngestRoute, body: string, user: string | undefined, opts: IngestOptions): IngestResult => ingestBytes(route, Buffer.from(body), user, opts);
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
    const [{ message, line }] = (r as { messages: Array<{ message: unknown; line: Buffer }> }).messages;
    expect(message).toEqual({ event: 'Order Completed', userId: 'u', type: 'track', messageId: expect.stringMatching(/^id-/), receivedAt: '2026-12-05T18:00:00.000Z' });
    expect(JSON.parse(line.toString())).toEqual(message);
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

  it('reads a body that starts with a byte order mark, and refuses one that is not UTF-8', () => {
    const r = ingestBytes(track, Buffer.from('\ufeff{"event":"E","userId":"u"}'), undefined, options()) as { status: 200; messages: Array<{ line: Buffer }> };
    expect(r.status).toBe(200);
    expect(r.messages[0]!.line.toString()).toMatch(/^\{"event":"E","userId":"u","type":"track","messageId":"id-\d+","receivedAt":"2026-12-05T18:00:00.000Z"\}$/);
    expect(ingestBytes(track, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), undefined, options())).toEqual({ status: 400, error: 'The body is not valid UTF-8' });
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
    const r = ingest(track, `{"event":"E","userId":"u","properties":{"x":${deep}}}`, undefined, options()) as { status: 200; messages: Array<{ line: Buffer }> };
    expect(r.status).toBe(200);
    expect(r.messages[0]!.line.toString()).toContain(`"properties":{"x":${deep}}`);
  });
});

/**
 * What the server stores, as it was written before messages were spliced: every message written anew
 * from its parsed value, stamped on a copy. The oracle of the property below.
 */
function rewritten(route: IngestRoute, body: string, receivedAt: string): string[] | undefined {
  const request = JSON.parse(body) as Record<string, unknown>;
  const object = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!object(request)) return undefined;
  let messages: unknown[];
  if (route.kind === 'single') messages = [{ ...request, type: route.type }];
  else if (!Array.isArray(request.batch)) return undefined;
  else {
    messages = request.batch.map((m: unknown) => {
      if (!object(m)) return m;
      const out = { ...m };
      for (const field of ['context', 'integrations'] as const) {
        const shared = request[field];
        if (!object(shared)) continue;
        const own = out[field];
        out[field] = object(own) ? { ...shared, ...own } : own === undefined ? shared : own;
      }
      if (out.sentAt === undefined && request.sentAt !== undefined) out.sentAt = request.sentAt;
      return out;
    });
  }
  return messages.map((m) => {
    if (!object(m)) return jsonText(m);
    const messageId = typeof m.messageId === 'string' && m.messageId !== '' ? m.messageId : 'new-id';
    return jsonText({ ...m, messageId, receivedAt });
  });
}

/** The same JSON text laid out otherwise: spaces, tabs and line breaks between the messages and inside them. */
const layout = fc.constantFrom('compact', 'spaced', 'pretty');
function laidOut(text: string, how: string): string {
  if (how === 'compact') return text;
  if (how === 'spaced') return text.replace(/\{"batch":\[/, '{ "batch" :\n[ ').replace(/\]\}$/, ' ]\t}');
  try {
    return JSON.stringify(JSON.parse(text), null, 2) ?? text;
  } catch {
    return text;
  }
}

describe('ingest (property)', () => {
  it('stores each message as JSON that parses to what writing it anew stored, on one line, in the order given', () => {
    const body = fc.oneof(
      fc.tuple(fc.constant('batch'), batchText, layout),
      fc.tuple(fc.constantFrom('track', 't', 'page', 'identify'), eventText, layout),
      // The batch-level fields that are merged into each message.
      fc.tuple(fc.constant('batch'), batchText.map((t) => t.replace(/^\{/, '{"context":{"locale":"de","library":{"name":"x"}},"integrations":{"All":false},')), layout),
    );
    fc.assert(
      fc.property(body, ([path, text, how]) => {
        const route = ingestRoute(`/v1/${path}`)!;
        const sent = laidOut(text, how);
        const receivedAt = '2026-12-05T18:00:00.000Z';
        const r = ingestBytes(route, Buffer.from(sent), undefined, { writeKeys: new Set(), receivedAt, newMessageId: () => 'new-id' });
        let expected: string[] | undefined;
        try {
          expected = rewritten(route, sent, receivedAt);
        } catch {
          expected = undefined;
        }
        if (expected === undefined || r.status !== 200) {
          // Refused alike: not JSON, no object, no batch array; or a message over 32 KB as stored.
          if (expected !== undefined) expect(r).toMatchObject({ status: 413 });
          else expect(r.status).toBe(400);
          return;
        }
        expect(r.messages.map((m) => jsonText(JSON.parse(m.line.toString())))).toEqual(expected);
        expect(r.messages.map((m) => jsonText(m.message))).toEqual(expected);
        for (const m of r.messages) expect(m.line.includes(10) || m.line.includes(13)).toBe(false);
        expect(r.lines.toString()).toBe(r.messages.map((m) => `${m.line.toString()}\n`).join(''));
      }),
      { numRuns: 300, interruptAfterTimeLimit: 5000 },
    );
  });

  it('keeps the text of a message as it came, its numbers and escapes included, with the server\'s fields spliced in', () => {
    const next = ids + 1;
    const r = ingest(batch, '{"batch":[{"type":"track","n":1.50,"big":12345678901234567890,"s":"caf\\u00e9 \\/","receivedAt":"1999","x":{"receivedAt":1}}, {}],"sentAt":"2026-12-05T17:59:59.000Z"}', undefined, options());
    expect((r as { messages: Array<{ line: Buffer }> }).messages.map((m) => m.line.toString())).toEqual([
      '{"type":"track","n":1.50,"big":12345678901234567890,"s":"caf\\u00e9 \\/","receivedAt":"2026-12-05T18:00:00.000Z","x":{"receivedAt":1},"sentAt":"2026-12-05T17:59:59.000Z","messageId":"' + `id-${next}` + '"}',
      '{"sentAt":"2026-12-05T17:59:59.000Z","messageId":"' + `id-${next + 1}` + '","receivedAt":"2026-12-05T18:00:00.000Z"}',
    ]);
  });
});
