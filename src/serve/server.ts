import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Diagnostic } from '../core/diagnostic.js';
import type { EventChecker } from '../validate/event-checker.js';
import type { CaptureLog, Stored } from './capture-log.js';
import { ingest, MAX_REQUEST_BYTES } from './ingest.js';
import { LiveState, MAX_RECORDS, type LiveRecord } from './live-state.js';
import { recordJson, streamData } from './record-json.js';
import { ingestRoute, type IngestRoute } from './routes.js';

const gunzipAsync = promisify(gunzip);

/** A stream client that falls this far behind is dropped; EventSource reconnects by itself. */
const MAX_STREAM_BACKLOG = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface PlanStatus {
  /** The plan file in force. */
  file: string;
  /** Why the last edit of the plan could not be loaded (the previous plan stays in force); empty when it loaded. */
  problems: string[];
}

export interface ServerOptions {
  host: string;
  port: number;
  log: CaptureLog;
  writeKeys: ReadonlySet<string>;
  /** The checker of the plan in force (it changes when the plan file is edited). */
  checker: () => EventChecker;
  planStatus: () => PlanStatus;
  /** How diagnostics name a capture file: as `cdp lint` run from the same folder would. */
  displayFile: (file: string) => string;
  /** The debugger page. */
  page: () => string;
  /** A request whose body has not fully arrived by then is answered 408 and nothing of it is kept. */
  requestTimeoutMs?: number;
  onRecord?: (record: LiveRecord) => void;
  /** A request refused (4xx) or not stored (503), for the terminal. */
  onRefused?: (status: number, path: string, error: string) => void;
}

export interface RunningServer {
  url: string;
  state: LiveState;
  /** Sends the plan's status to every open page. */
  announcePlan(): void;
  /** Stops accepting, lets requests in flight finish, closes the streams and the capture file. */
  close(): Promise<void>;
}

/**
 * `cdp serve`'s HTTP server: the Segment Tracking API in front of the capture files and the lint
 * checker, and the debugger page and test API on top. Every message is stored before it is
 * acknowledged, and checked after.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const state = new LiveState();
  const streams = new Set<ServerResponse>();
  // Answers not yet sent: once the server is closing, each says Connection: close, so that its
  // connection ends with it instead of idling out the keep-alive timeout.
  const pending = new Set<ServerResponse>();
  let closing = false;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // A file's name as diagnostics show it, worked out once per file rather than per request.
  let shown = { file: '', as: '' };
  const displayFile = (file: string): string => {
    if (shown.file !== file) shown = { file, as: options.displayFile(file) };
    return shown.as;
  };
  // Node checks request timeouts only every connectionsCheckingInterval (30 s by default).
  const server: Server = createServer({ requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1000, requestTimeout / 4)) }, (req, res) => {
    if (closing) res.setHeader('Connection', 'close');
    pending.add(res);
    res.once('close', () => pending.delete(res));
    handle(req, res).catch((error: unknown) => {
      // A bug in cdp costs this request, never the server.
      if (!res.headersSent) sendJson(res, 500, { success: false, error: `cdp failed on this request: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  server.headersTimeout = Math.min(server.requestTimeout, 20_000);
  // Node's 5 s would close a test's API connection just as the test, after a slow page, reuses it
  // (ECONNRESET); idle connections are still closed at once on SIGTERM.
  server.keepAliveTimeout = 65_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://cdp.invalid');
    const route = ingestRoute(url.pathname);
    if (route) {
      // Only the tracking paths answer other origins: the page of any site may send events here, but
      // never read what was captured.
      allowCors(req, res);
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      if (req.method !== 'POST') return sendJson(res, 405, { success: false, error: 'Tracking calls are POST requests' });
      return ingestRequest(route, req, res);
    }
    // A site whose name resolves to 127.0.0.1 (DNS rebinding) is same-origin with this server by URL,
    // but not by Host header.
    if (!trustedHost(req.headers.host, options.host)) return sendJson(res, 403, { success: false, error: 'The debugger and the API answer requests addressed to this server only (check the Host header)' });
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(options.page());
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/summary') return sendJson(res, 200, state.summary());
    if (req.method === 'GET' && url.pathname === '/api/events') return sendEvents(url, res);
    if (req.method === 'POST' && url.pathname === '/api/reset') {
      await drain(req);
      state.reset();
      broadcast('reset', '{}');
      return sendJson(res, 200, { success: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/stream') return openStream(res);
    sendJson(res, 404, { success: false, error: `Nothing at ${req.method} ${url.pathname}` });
  }

  async function ingestRequest(route: IngestRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refuse = (status: number, error: string) => {
      options.onRefused?.(status, req.url ?? '', error);
      sendJson(res, status, { success: false, error });
    };
    const raw = await readBody(req);
    if (raw === 'aborted') return;
    if (raw === 'too-large') {
      res.setHeader('Connection', 'close');
      return refuse(413, `The request body is over ${MAX_REQUEST_BYTES / 1024} KB, Segment's limit per request`);
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    let bytes: Buffer;
    if (encoding === 'gzip') {
      try {
        bytes = await gunzipAsync(raw, { maxOutputLength: MAX_REQUEST_BYTES + 1 });
      } catch (error) {
        const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        return refuse(tooLarge ? 413 : 400, tooLarge ? `The request body is over ${MAX_REQUEST_BYTES / 1024} KB once decompressed` : 'The body is not valid gzip');
      }
    } else if (encoding === 'identity') {
      bytes = raw;
    } else {
      return refuse(415, `Content-Encoding ${encoding} is not supported: send gzip or nothing`);
    }
    const receivedAt = new Date().toISOString();
    const result = ingest(route, bytes, basicUser(req.headers.authorization), { writeKeys: options.writeKeys, receivedAt, newMessageId: () => `cdp-${randomUUID()}` });
    if (result.status !== 200) return refuse(result.status, result.error);
    let stored: Stored;
    try {
      stored = await options.log.append(result.lines, result.messages.length, receivedAt);
    } catch (error) {
      return refuse(503, `The message could not be stored (${(error as Error).message}); nothing of this request was kept, send it again`);
    }
    sendJson(res, 200, SUCCESS);
    const file = displayFile(stored.file);
    const checker = options.checker();
    const found: Diagnostic[] = [];
    result.messages.forEach(({ message, line }, i) => {
      checker.check(message, { file, line: stored.line + i }, found);
      // Most messages have no problem: their records share one empty list (a list each would be
      // copied by every young-generation collection while the record lives).
      const diagnostics = found.length === 0 ? NO_DIAGNOSTICS : found.splice(0);
      const record = state.add(message, line, receivedAt, diagnostics, file);
      options.onRecord?.(record);
    });
  }

  function sendEvents(url: URL, res: ServerResponse): void {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const limitText = param('limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) return sendJson(res, 400, { success: false, error: `limit must be a whole number from 1 to ${MAX_RECORDS}` });
    const problems = param('problems');
    if (problems !== undefined && problems !== 'true' && problems !== 'false') return sendJson(res, 400, { success: false, error: 'problems must be true or false' });
    const records = state.events({ type: param('type'), event: param('event'), problems: problems === undefined ? undefined : problems === 'true', limit });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(`{"events":[${records.map(recordJson).join(',')}]}`);
  }

  function openStream(res: ServerResponse): void {
    // A page reconnecting while the server stops would hold it open. Cut, not refused: EventSource
    // tries again after a network error (a restarted server picks it up), but gives up on an HTTP error.
    if (closing) {
      res.destroy();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    streams.add(res);
    // After a restart of cdp serve, the page is back within a second.
    res.write('retry: 1000\n\n');
    const send = (event: string, data: string) => {
      res.write(sseEvent(event, data));
      if (res.writableLength > MAX_STREAM_BACKLOG) res.destroy();
    };
    send('plan', JSON.stringify(options.planStatus()));
    // The counts cover everything since start or reset; the page adds only records after `seq`.
    const { stats } = state.summary();
    send('counts', JSON.stringify({ received: stats.read, valid: stats.valid, problems: stats.invalid, seq: state.lastSeq }));
    // What arrived before the page opened, oldest first, then everything new.
    for (const record of state.events({ limit: 500 }).reverse()) send('message', streamData(record));
    const stop = state.subscribe((record) => send('message', streamData(record)));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      stop();
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  function broadcast(event: string, data: string): void {
    for (const res of streams) res.write(sseEvent(event, data));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    state,
    announcePlan: () => broadcast('plan', JSON.stringify(options.planStatus())),
    async close() {
      closing = true;
      for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close');
      // Stops listening and closes idle connections; resolves once the requests in flight are answered.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of streams) {
        // Its socket, taken now: by the time the end is written, the response has let go of it.
        const socket = res.socket;
        res.end(() => socket?.destroy());
      }
      await closed;
      await options.log.close();
    },
  };
}

/** The body's bytes; 'too-large' past Segment's request limit (reading stops there), 'aborted' if the client went away. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  // Listeners rather than an async iterator: a request's body is mostly one chunk, and the iterator's
  // promises cost more than the rest of reading it.
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (result: Buffer | 'too-large' | 'aborted') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_REQUEST_BYTES) {
        done('too-large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(!req.complete ? 'aborted' : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    const onAborted = () => done('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('close', onAborted);
  });
}

async function drain(req: IncomingMessage): Promise<void> {
  try {
    for await (const _ of req) void _;
  } catch {
    // A client that went away needs no answer.
  }
}

/** The user name of an HTTP Basic Authorization header: where the SDKs put the write key. */
function basicUser(header: string | undefined): string | undefined {
  const match = header && /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const user = decoded.split(':', 1)[0];
  return user === '' ? undefined : user;
}

/** Browser pages on other origins post here (analytics-next sends text/plain, so mostly without a pre-flight). */
function allowCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Content-Type, Authorization, Content-Encoding');
  res.setHeader('Access-Control-Max-Age', '600');
}

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1']);

/** Whether a host name or address (an IPv6 one with or without brackets) is this machine's loopback. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase().replace(/^\[(.*)\]$/, '$1'));
}

/** Whether a Host header names this server: a loopback name, or the address it was asked to listen on. */
function trustedHost(header: string | undefined, listenHost: string): boolean {
  if (header === undefined) return false;
  const name = header.replace(/:\d+$/, '').toLowerCase();
  return isLoopback(name) || name === listenHost.toLowerCase() || name === `[${listenHost.toLowerCase()}]` || listenHost === '0.0.0.0' || listenHost === '::';
}

/** A Server-Sent Event; each line of `data` is a data field, and the page gets them joined by newlines. */
function sseEvent(event: string, data: string): string {
  return `event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`;
}

const SUCCESS = { success: true };
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}
