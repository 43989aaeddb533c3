import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { captured, getJson, PLAN, post, project, send, serve, until, type Served } from '../support/cdp-serve.js';

const order = (properties: object) => JSON.stringify({ event: 'Order Completed', userId: 'u1', properties });

describe('cdp serve: ingest, check and the test API', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve(project(), ['--request-timeout', '400']);
  });
  afterAll(async () => {
    if (s.child.exitCode === null) await s.stop();
  });

  it('stores, acknowledges and checks every call type, as the SDKs send them', async () => {
    expect(await post(s, '/v1/track', order({ order_id: 'o1', revenue: 5 }))).toMatchObject({ status: 200, body: '{"success":true}' });
    expect((await post(s, '/v1/t', order({ revenue: '5' }), { 'Content-Type': 'text/plain' })).status).toBe(200);
    expect((await post(s, '/v1/p', JSON.stringify({ name: 'Home', anonymousId: 'a', properties: { url: 'http://127.0.0.1/', title: 'Home' } }))).status).toBe(200);
    const batch = { batch: [{ type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } }, { type: 'track', event: 'Order Refunded', userId: 'u1' }], sentAt: new Date().toISOString() };
    expect((await post(s, '/v1/batch', gzipSync(JSON.stringify(batch)), { 'Content-Encoding': 'gzip', 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(200);

    const lines = captured(s.dir).map((l) => JSON.parse(l));
    expect(lines.map((m) => m.type)).toEqual(['track', 'track', 'page', 'identify', 'track']);
    for (const m of lines) expect(m).toMatchObject({ receivedAt: expect.any(String), messageId: expect.any(String) });
    expect(lines[3].sentAt).toBe(batch.sentAt);

    const { events } = await getJson(s, '/api/events?problems=true');
    expect(events.map((e: { message: { event?: string }; diagnostics: Array<{ ruleId: string; line: number }> }) => [e.message.event, e.diagnostics.map((d) => `${d.line} ${d.ruleId}`)])).toEqual([
      ['Order Refunded', ['5 plan/unplanned-event']],
      ['Order Completed', ['2 plan/missing-required', '2 plan/invalid-value']],
    ]);
    expect((await getJson(s, '/api/events?type=page&limit=1')).events).toHaveLength(1);
    expect(await getJson(s, '/api/summary')).toEqual({
      errorCount: 3,
      warningCount: 0,
      fatalCount: 0,
      rules: { 'plan/invalid-value': 1, 'plan/missing-required': 1, 'plan/unplanned-event': 1 },
      stats: { files: 1, read: 5, valid: 3, invalid: 2, malformed: 0 },
    });

    // `cdp lint` of the capture finds exactly what the server showed, at the same lines.
    const lint = cdp(['lint', '--plan', 'plan.yaml', '--format', 'json', ...readdirSync(join(s.dir, 'captured')).map((f) => join('captured', f))], { cwd: s.dir });
    const linted = JSON.parse(lint.stdout).diagnostics.map((d: { line: number; ruleId: string }) => `${d.line} ${d.ruleId}`);
    expect(linted.sort()).toEqual(['2 plan/invalid-value', '2 plan/missing-required', '5 plan/unplanned-event']);
    expect(s.stdout()).toMatch(/track {5}Order Refunded {2}1 error\n {4}error {4}Event "Order Refunded" is not in the plan {2}plan\/unplanned-event/);
  });

  it('refuses what Segment refuses, keeps nothing of it, and goes on serving', async () => {
    const before = captured(s.dir).length;
    expect((await post(s, '/v1/track', '{"event":')).status).toBe(400);
    expect((await post(s, '/v1/track', '<xml/>', { 'Content-Type': 'application/xml' })).status).toBe(400);
    expect((await post(s, '/v1/track', order({ order_id: 'x'.repeat(33 * 1024) }))).status).toBe(413);
    const bigBatch = JSON.stringify({ batch: Array.from({ length: 60 }, () => ({ type: 'track', event: 'Order Completed', userId: 'u', properties: { order_id: 'x'.repeat(10 * 1024) } })) });
    expect((await post(s, '/v1/batch', bigBatch)).status).toBe(413);
    expect((await post(s, '/v1/track', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).status).toBe(400);
    expect((await post(s, '/v1/track', Buffer.from('not gzip'), { 'Content-Encoding': 'gzip' })).status).toBe(400);
    expect((await send(`${s.url}/v1/track`, 'GET')).status).toBe(405);
    expect(captured(s.dir).length).toBe(before);
    expect(s.stderr()).toMatch(/413 for POST \/v1\/batch: The request body is over 500 KB/);

    // A body 10,000 levels deep is stored as sent, and reported once.
    const deep = `{"event":"Order Completed","userId":"u","properties":{"order_id":"o","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    expect((await post(s, '/v1/track', deep)).status).toBe(200);
    expect(captured(s.dir).at(-1)).toContain(`"x":${'['.repeat(10_000)}`);
    const [latest] = (await getJson(s, '/api/events?limit=1')).events;
    expect(latest.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['spec/max-depth', 'plan/unplanned-property']);
    expect((await post(s, '/v1/track', order({ order_id: 'after' }))).status).toBe(200);
  });

  it('keeps nothing of a client that stalls half-way or goes away, and still serves', async () => {
    const before = captured(s.dir).length;
    const stalled = connect(s.port, '127.0.0.1');
    const body = order({ order_id: 'stalled' });
    stalled.write(`POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      stalled.on('data', (d: Buffer) => (text += d.toString()));
      stalled.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    const gone = connect(s.port, '127.0.0.1');
    gone.write(`POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.destroy();
    expect((await post(s, '/v1/track', order({ order_id: 'next' }))).status).toBe(200);
    expect(captured(s.dir).slice(before).map((l) => JSON.parse(l).properties.order_id)).toEqual(['next']);
  });

  it('answers tracking paths from any origin, but the API and page only to its own host', async () => {
    const preflight = await send(`${s.url}/v1/t`, 'OPTIONS', undefined, { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' });
    expect(preflight).toMatchObject({ status: 204, headers: { 'access-control-allow-origin': '*' } });
    const page = await send(`${s.url}/`, 'GET');
    expect(page.status).toBe(200);
    // A test that pauses between two API calls finds its connection still open.
    expect(page.headers['keep-alive']).toBe('timeout=65');
    expect(page.body).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    expect(page.body).not.toMatch(/https?:\/\//);
    expect((await send(`${s.url}/api/events`, 'GET', undefined, { Host: 'attacker.example' })).status).toBe(403);
    expect((await send(`${s.url}/api/events`, 'GET')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('resets what the API shows, not what was stored', async () => {
    const stored = captured(s.dir).length;
    expect((await post(s, '/api/reset', '')).status).toBe(200);
    expect((await getJson(s, '/api/summary')).stats).toEqual({ files: 0, read: 0, valid: 0, invalid: 0, malformed: 0 });
    expect((await getJson(s, '/api/events')).events).toEqual([]);
    expect(captured(s.dir).length).toBe(stored);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await s.stop()).toBe(0);
    expect(s.stderr()).toMatch(/cdp serve: stopped/);
  });
});

describe('cdp serve: write keys, the plan while it runs, and storage that fails', () => {
  it('accepts only the write keys given', async () => {
    const s = await serve(project(), ['--write-key', 'k1']);
    try {
      const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
      expect((await post(s, '/v1/track', order({ order_id: 'o' }), basic('k1'))).status).toBe(200);
      expect((await post(s, '/v1/track', order({ order_id: 'o' }), basic('k2'))).status).toBe(401);
      expect((await post(s, '/v1/track', JSON.stringify({ event: 'Order Completed', userId: 'u', writeKey: 'k1', properties: { order_id: 'o' } }))).status).toBe(200);
      expect((await post(s, '/v1/track', order({ order_id: 'o' }))).status).toBe(401);
      expect(captured(s.dir)).toHaveLength(2);
    } finally {
      await s.stop();
    }
  });

  it('picks up an edit of the plan, and keeps the last good plan while it does not load', async () => {
    const s = await serve(project());
    try {
      const signedUp = JSON.stringify({ event: 'Signed Up', userId: 'u' });
      await post(s, '/v1/track', signedUp);
      writeFileSync(join(s.dir, 'plan.yaml'), `${PLAN.replace('events:\n', 'events:\n  Signed Up:\n    description: New account.\n')}`);
      await until(() => /reloaded/.test(s.stderr()));
      await post(s, '/v1/track', signedUp);
      writeFileSync(join(s.dir, 'plan.yaml'), 'plan: [broken');
      await until(() => /no longer loads/.test(s.stderr()));
      await post(s, '/v1/track', signedUp);
      rmSync(join(s.dir, 'plan.yaml'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      await post(s, '/v1/track', signedUp);
      const { events } = await getJson(s, '/api/events');
      expect(events.map((e: { diagnostics: unknown[] }) => e.diagnostics.length).reverse()).toEqual([1, 0, 0, 0]);
    } finally {
      await s.stop();
    }
  });

  it('answers 503 when it cannot store, keeps nothing, and stores again once it can', async () => {
    const dir = project();
    writeFileSync(join(dir, 'captured'), 'a file where the folder should be');
    const s = await serve(dir);
    try {
      const refused = await post(s, '/v1/track', order({ order_id: 'o' }));
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body).error).toMatch(/could not be stored/);
      rmSync(join(dir, 'captured'));
      expect((await post(s, '/v1/track', order({ order_id: 'o2' }))).status).toBe(200);
      expect(captured(dir).map((l) => JSON.parse(l).properties.order_id)).toEqual(['o2']);
    } finally {
      await s.stop();
    }
  });

  it('exits 2 with the plan problems when the plan does not load at start', () => {
    const dir = project();
    writeFileSync(join(dir, 'plan.yaml'), 'plan: [broken');
    const r = cdp(['serve', '--plan', 'plan.yaml', '--port', '0'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\/yaml-syntax/);
  });
});

describe('cdp serve: stopping', () => {
  it('on SIGTERM refuses new connections, answers the request in flight, stores its line and exits 0', async () => {
    const s = await serve(project());
    const exited = new Promise<number | null>((resolve) => s.child.once('exit', resolve));
    const body = order({ order_id: 'in-flight' });
    const slow = connect(s.port, '127.0.0.1');
    let answer = '';
    slow.on('data', (d: Buffer) => (answer += d.toString()));
    const answered = new Promise((resolve) => slow.on('close', resolve));
    slow.write(`POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    s.child.kill('SIGTERM');
    // The listener closes at once; the process waits for the body still arriving.
    const refused = () =>
      new Promise<boolean>((resolve) => {
        const late = connect(s.port, '127.0.0.1');
        late.on('connect', () => {
          late.destroy();
          resolve(false);
        });
        late.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
      });
    await until(refused);
    expect(s.child.exitCode).toBeNull();
    slow.write(body.slice(10));
    await answered;
    expect(answer).toMatch(/^HTTP\/1.1 200 OK\r\n/);
    // The connection ends with the answer, not after the keep-alive timeout.
    expect(answer).toMatch(/\r\nConnection: close\r\n/);
    expect(await exited).toBe(0);
    expect(captured(s.dir).map((l) => JSON.parse(l).properties.order_id)).toEqual(['in-flight']);
    expect(s.stderr()).toMatch(/cdp serve: stopped · 1 received · 1 valid · 0 invalid/);
  });
});
