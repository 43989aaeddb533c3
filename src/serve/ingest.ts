import { jsonText } from './json-text.js';
import type { IngestRoute } from './routes.js';

/** Segment's limits: 32 KB per message, 500 KB per request (HTTP Tracking API documentation). */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_REQUEST_BYTES = 500 * 1024;

export interface IngestOptions {
  /** Write keys accepted; empty: any key, or none, is accepted. */
  writeKeys: ReadonlySet<string>;
  /** When the request arrived, as the server sets `receivedAt`. */
  receivedAt: string;
  /** A new messageId, for messages that come without one. */
  newMessageId: () => string;
}

/** A message accepted, with its line as it is stored. */
export interface AcceptedMessage {
  message: unknown;
  line: string;
}

export type IngestResult = { status: 200; messages: AcceptedMessage[] } | { status: 400 | 401 | 413; error: string };

/**
 * What a POST to a tracking path stores, or why it is refused; nothing of a refused request is
 * kept. `body` is the request body, already decompressed; `basicUser` the user name of an HTTP
 * Basic Authorization header (how the SDKs send the write key). Pure: the server does the I/O.
 */
export function ingest(route: IngestRoute, body: string, basicUser: string | undefined, options: IngestOptions): IngestResult {
  if (Buffer.byteLength(body) > MAX_REQUEST_BYTES) return { status: 413, error: `The request body is over ${MAX_REQUEST_BYTES / 1024} KB, Segment's limit per request` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { status: 400, error: `The body is not valid JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, error: 'The body is not a JSON object' };
  const request = parsed as Record<string, unknown>;
  const key = basicUser || (typeof request.writeKey === 'string' ? request.writeKey : undefined);
  if (options.writeKeys.size > 0 && (key === undefined || !options.writeKeys.has(key))) {
    return { status: 401, error: key === undefined ? 'No write key: send it as the user name of HTTP Basic auth, or as "writeKey" in the body' : 'Unknown write key' };
  }
  let messages: unknown[];
  if (route.kind === 'single') {
    messages = [{ ...request, type: route.type }];
  } else {
    if (!Array.isArray(request.batch)) return { status: 400, error: 'A batch request needs "batch": an array of messages' };
    messages = request.batch.map((m) => withBatchFields(m, request));
  }
  const accepted: AcceptedMessage[] = [];
  for (const [index, raw] of messages.entries()) {
    const message = stamped(raw, options);
    const line = jsonText(message);
    if (Buffer.byteLength(line) > MAX_MESSAGE_BYTES) {
      const which = route.kind === 'batch' ? `Message ${index} of the batch` : 'The message';
      return { status: 413, error: `${which} is over ${MAX_MESSAGE_BYTES / 1024} KB, Segment's limit per message` };
    }
    accepted.push({ message, line });
  }
  return { status: 200, messages: accepted };
}

/**
 * A batch's own `context` and `integrations` apply to every message in it, and its `sentAt` to the
 * messages that have none (analytics-next's /v1/b moves it there); a message's own keys win.
 */
function withBatchFields(message: unknown, request: Record<string, unknown>): unknown {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return message;
  const out = { ...(message as Record<string, unknown>) };
  for (const field of ['context', 'integrations'] as const) {
    const shared = request[field];
    if (shared === null || typeof shared !== 'object' || Array.isArray(shared)) continue;
    const own = out[field];
    out[field] = own !== null && typeof own === 'object' && !Array.isArray(own) ? { ...shared, ...own } : own === undefined ? shared : own;
  }
  if (out.sentAt === undefined && request.sentAt !== undefined) out.sentAt = request.sentAt;
  return out;
}

/** The server's own fields, as Segment sets them: `receivedAt` always, `messageId` when missing. */
function stamped(message: unknown, options: IngestOptions): unknown {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return message;
  const m = message as Record<string, unknown>;
  const messageId = typeof m.messageId === 'string' && m.messageId !== '' ? m.messageId : options.newMessageId();
  return { ...m, messageId, receivedAt: options.receivedAt };
}
