import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One HTTP request as the capture server received it. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body after Content-Encoding, parsed as JSON when it is JSON (SDKs send it as text/plain too). */
  body: unknown;
}

export interface CaptureServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** `127.0.0.1:<port>`, the form analytics-next's `apiHost` wants. */
  host: string;
  requests: CapturedRequest[];
  /** Every Segment message posted so far, in arrival order, batches unwrapped. */
  messages(): Record<string, unknown>[];
  /** Resolves once `count` messages have arrived; rejects after `timeoutMs` saying how many did. */
  waitForMessages(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * A Segment Tracking API stand-in on 127.0.0.1 and an ephemeral port: records every request, answers
 * every POST with 200 {"success":true} (anything else with 404). Nothing is checked here: the tests lint
 * what was recorded.
 */
export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const waiters = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      // Browsers preflight nothing for text/plain posts, but answer CORS anyway so a JSON post would pass.
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      if (req.method !== 'POST') {
        requests.push({ method: req.method ?? '', path, headers: req.headers, body: undefined });
        res.writeHead(404).end();
        return;
      }
      requests.push({ method: 'POST', path, headers: req.headers, body: decodeBody(Buffer.concat(chunks), req.headers) });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const messages = () => requests.flatMap((r) => messagesOf(r.body));
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    messages,
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} messages within ${timeoutMs} ms, got ${messages().length}: ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function decodeBody(raw: Buffer, headers: IncomingHttpHeaders): unknown {
  const bytes = headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
  const text = bytes.toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The messages of one body: a `{batch: [...]}` post holds several, a single-call post is one. */
function messagesOf(body: unknown): Record<string, unknown>[] {
  if (body === null || typeof body !== 'object') return [];
  const batch = (body as { batch?: unknown }).batch;
  if (Array.isArray(batch)) return batch as Record<string, unknown>[];
  return 'type' in body ? [body as Record<string, unknown>] : [];
}
