import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, serve, type Served } from '../support/cdp-serve.js';

interface Sent {
  path: string;
  body: string;
  /** The messageIds the request carries. */
  ids: string[];
  /** What the server must answer. */
  expected: number;
}

/** Message i; every 7th has its revenue as a string, an error under the plan. */
function message(i: number, id = `m-${i}`): Record<string, unknown> {
  return { type: 'track', event: 'Order Completed', userId: `u${i % 13}`, messageId: id, properties: { order_id: `o${i}`, revenue: i % 7 === 0 ? String(i) : i } };
}

/**
 * 2,000 messages: half in batches of 1 to 100, half as single calls on the long and short paths, with
 * requests the server must refuse whole in between (a message over 32 KB, a body over 500 KB, broken
 * JSON, a batch without its array). Deterministic order, so a failure can be replayed.
 */
function requests(): Sent[] {
  const out: Sent[] = [];
  let refused = 0;
  const refuse = (): Sent => {
    const n = refused++;
    const ids = [`refused-${n}-a`, `refused-${n}-b`];
    const [a, b] = [message(0, ids[0]), message(0, ids[1])];
    switch (n % 4) {
      case 0:
        return { path: '/v1/batch', body: JSON.stringify({ batch: [a, { ...b, properties: { order_id: 'x'.repeat(33 * 1024) } }] }), ids, expected: 413 };
      case 1:
        return { path: '/v1/batch', body: JSON.stringify({ batch: [a, b], padding: 'x'.repeat(600 * 1024) }), ids, expected: 413 };
      case 2:
        return { path: '/v1/track', body: JSON.stringify(a).slice(0, -1), ids: [ids[0]!], expected: 400 };
      default:
        return { path: '/v1/batch', body: JSON.stringify({ messages: [a, b] }), ids, expected: 400 };
    }
  };
  let batched = 0;
  let single = 1000;
  for (let round = 0; batched < 1000 || single < 2000; round++) {
    const size = Math.min(1 + ((round * 37) % 100), 1000 - batched);
    if (size > 0) {
      const batch = Array.from({ length: size }, () => message(batched++));
      out.push({ path: '/v1/batch', body: JSON.stringify({ batch }), ids: batch.map((m) => m.messageId as string), expected: 200 });
    }
    for (let k = 0; k < 50 && single < 2000; k++) {
      const m = message(single++);
      out.push({ path: k % 2 === 0 ? '/v1/track' : '/v1/t', body: JSON.stringify(m), ids: [m.messageId as string], expected: 200 });
    }
    if (round % 2 === 0) out.push(refuse());
  }
  return out;
}

function post(agent: Agent, port: number, r: Sent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: r.path, method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${r.path} in 10 s`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

describe('cdp serve under concurrent load', () => {
  let s: Served;
  let dir: string;
  beforeAll(async () => {
    dir = project();
    s = await serve(dir, ['--quiet']);
  });
  afterAll(async () => {
    if (s.child.exitCode === null) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('captures every message answered 200 exactly once, over 32 connections, and nothing of a refused request', async () => {
    const sent = requests();
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const statuses: number[] = new Array(sent.length);
    let next = 0;
    const worker = async () => {
      while (next < sent.length) {
        const k = next++;
        statuses[k] = await post(agent, s.port, sent[k]!);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    agent.destroy();

    expect(statuses).toEqual(sent.map((r) => r.expected));
    const accepted = sent.filter((r) => r.expected === 200).flatMap((r) => r.ids);
    expect(accepted).toHaveLength(2000);
    expect(sent.filter((r) => r.expected !== 200).length).toBeGreaterThanOrEqual(8);

    const lines = readdirSync(join(dir, 'captured'))
      .sort()
      .flatMap((f) => readFileSync(join(dir, 'captured', f), 'utf8').split('\n').filter((l) => l !== ''));
    expect(lines).toHaveLength(accepted.length);
    const stored = lines.map((l) => JSON.parse(l) as { messageId: string });
    expect(stored.map((m) => m.messageId).sort()).toEqual([...accepted].sort());
    const byId = new Map(stored.map((m) => [m.messageId, m]));
    for (const r of sent.filter((x) => x.expected === 200 && x.path !== '/v1/batch')) expect(byId.get(r.ids[0]!)).toMatchObject({ ...JSON.parse(r.body), receivedAt: expect.any(String) });

    const summary = await new Promise<{ stats: { read: number; invalid: number }; errorCount: number }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: s.port, path: '/api/summary' }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      })
        .on('error', reject)
        .end();
    });
    const invalid = accepted.filter((id) => Number(id.slice(2)) % 7 === 0).length;
    expect(summary.stats).toMatchObject({ read: accepted.length, invalid });
    expect(summary.errorCount).toBe(invalid);
  }, 60_000);
});
