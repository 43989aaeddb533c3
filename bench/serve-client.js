// The bench's client of `cdp serve`: plain node:http with keep-alive agents, against 127.0.0.1 only.
// Every request and every phase is bounded in time; each message is tracked by its messageId, so that
// afterwards the capture files can be held against what was answered 200 (verifyCapture).
import { Agent, request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REQUEST_TIMEOUT_MS = 30_000;

/** Single-call paths by type: what the server SDKs post to. */
const SINGLE_PATH = { track: '/v1/track', identify: '/v1/identify', page: '/v1/page', screen: '/v1/screen', group: '/v1/group', alias: '/v1/alias' };

/**
 * One request to build: `path`, `body` (a Buffer) and `ids`, the messageIds it carries. The messages
 * of a request answered 200 must be in the capture exactly once; those of any other answer must not.
 */
export function batchRequest(messages) {
  return { path: '/v1/batch', body: Buffer.from(`{"batch":[${messages.map((m) => m.text).join(',')}]}`), ids: messages.map((m) => m.id) };
}

export function singleRequest(message) {
  const path = SINGLE_PATH[message.type];
  if (path === undefined) throw new Error(`No single-call path for type ${message.type}`);
  return { path, body: Buffer.from(message.text), ids: [message.id] };
}

/** A message of the log under a new messageId: the log's lines reused for more requests than it has. */
export function renamed(message, id) {
  const value = JSON.parse(message.text);
  value.messageId = id;
  return { id, type: message.type, text: JSON.stringify(value) };
}

/** Posts one request; resolves to the status, or 0 with the error when no answer came. */
function post(agent, port, req) {
  return new Promise((resolve) => {
    const r = request({ host: '127.0.0.1', port, path: req.path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': req.body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (error) => resolve({ status: 0, error: error.message }));
    });
    r.setTimeout(REQUEST_TIMEOUT_MS, () => r.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    r.on('error', (error) => resolve({ status: 0, error: error.message }));
    r.end(req.body);
  });
}

/**
 * Closed loop: `concurrency` connections each send the next request as soon as the last one was
 * answered, until all are sent or `deadlineMs` has passed (what was not sent by then is left out).
 */
export async function closedLoop(port, requests, { concurrency, deadlineMs }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const answers = new Array(requests.length);
  let next = 0;
  const started = performance.now();
  const stopAt = started + deadlineMs;
  const worker = async () => {
    while (next < requests.length && performance.now() < stopAt) {
      const i = next++;
      answers[i] = await post(agent, port, requests[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  agent.destroy();
  return { ms, answers };
}

/**
 * Open loop: request i is due at start + i / rate seconds, whether or not the earlier ones were
 * answered, and its latency runs from when it was due, so a server that falls behind shows it
 * (no coordinated omission).
 */
export function openLoop(port, requests, { rate }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const answers = new Array(requests.length);
  const latencies = new Float64Array(requests.length);
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  let sent = 0;
  let done = 0;
  let lateMs = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < requests.length && start + sent * interval <= now) {
        const i = sent++;
        const due = start + i * interval;
        lateMs = Math.max(lateMs, now - due);
        post(agent, port, requests[i]).then((answer) => {
          latencies[i] = performance.now() - due;
          answers[i] = answer;
          if (++done === requests.length) {
            agent.destroy();
            resolve({ ms: performance.now() - start, answers, latencies, lateMs });
          }
        });
      }
      if (sent < requests.length) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

/** Folds a phase's answers into `ledger`: messageId → 'accepted' | 'refused' | 'unanswered'. */
export function record(ledger, requests, answers) {
  const counts = { requests: 0, accepted: 0, refused: 0, unanswered: 0, notSent: 0, statuses: {}, errors: new Set() };
  requests.forEach((req, i) => {
    const answer = answers[i];
    if (answer === undefined) {
      counts.notSent += req.ids.length;
      return;
    }
    counts.requests++;
    counts.statuses[answer.status] = (counts.statuses[answer.status] ?? 0) + 1;
    if (answer.error) counts.errors.add(answer.error);
    const verdict = answer.status === 200 ? 'accepted' : answer.status === 0 ? 'unanswered' : 'refused';
    counts[verdict] += req.ids.length;
    for (const id of req.ids) ledger.set(id, verdict);
  });
  return counts;
}

/**
 * Holds the capture files against the ledger: every accepted message there exactly once and as it
 * was sent (the server's receivedAt aside), nothing refused, nothing the client never sent.
 * `sent` maps messageId → the message's JSON text as sent.
 */
export function verifyCapture(dir, ledger, sent) {
  const seen = new Set();
  const result = { lines: 0, accepted: 0, missing: 0, duplicates: 0, refusedStored: 0, unansweredStored: 0, unknown: 0, altered: 0 };
  for (const verdict of ledger.values()) if (verdict === 'accepted') result.accepted++;
  const files = readdirSync(dir).filter((f) => /^events-\d{4}-\d{2}-\d{2}\.ndjson$/.test(f)).sort();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      result.lines++;
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        result.unknown++;
        continue;
      }
      const id = value?.messageId;
      const verdict = ledger.get(id);
      if (verdict === undefined) result.unknown++;
      else if (verdict === 'refused') result.refusedStored++;
      else if (verdict === 'unanswered') result.unansweredStored++;
      else if (seen.has(id)) result.duplicates++;
      else {
        seen.add(id);
        if (typeof value.receivedAt !== 'string' || withoutReceivedAt(value) !== withoutReceivedAt(JSON.parse(sent.get(id)))) result.altered++;
      }
    }
  }
  result.missing = result.accepted - seen.size;
  result.ok = result.missing === 0 && result.duplicates === 0 && result.refusedStored === 0 && result.unansweredStored === 0 && result.unknown === 0 && result.altered === 0 && result.lines === result.accepted;
  return result;
}

function withoutReceivedAt(value) {
  return JSON.stringify({ ...value, receivedAt: undefined });
}
