import { isAscii, isUtf8 } from 'node:buffer';
import { jsonText } from './json-text.js';
import { messageTexts, type MessageText, type StampKey } from './message-text.js';
import type { IngestRoute } from './routes.js';

const LF = 10;

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

/** A message accepted, with its line as it is stored (UTF-8, without its newline). */
export interface AcceptedMessage {
  message: unknown;
  line: Buffer;
}

/** `lines`: every accepted message's line, each with its newline: what is appended to the capture. */
export type IngestResult = { status: 200; messages: AcceptedMessage[]; lines: Buffer } | { status: 400 | 401 | 413; error: string };

/**
 * What a POST to a tracking path stores, or why it is refused; nothing of a refused request is
 * kept. `bytes` is the request body, already decompressed; `basicUser` the user name of an HTTP
 * Basic Authorization header (how the SDKs send the write key). Pure: the server does the I/O.
 * A message is stored as it came, its bytes copied, with the server's fields spliced in; only a
 * message whose text does not allow that (a line break inside, a `context` merged from its batch)
 * is written anew from its parsed value.
 */
export function ingest(route: IngestRoute, bytes: Buffer, basicUser: string | undefined, options: IngestOptions): IngestResult {
  // A byte order mark is no part of the JSON (a UTF-8 decoder drops it too).
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.length > MAX_REQUEST_BYTES) return { status: 413, error: `The request body is over ${MAX_REQUEST_BYTES / 1024} KB, Segment's limit per request` };
  // ASCII, the common case, decodes as Latin-1 at a tenth of UTF-8's cost.
  const ascii = isAscii(body);
  if (!ascii && !isUtf8(body)) return { status: 400, error: 'The body is not valid UTF-8' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString(ascii ? 'latin1' : 'utf8'));
  } catch (error) {
    return { status: 400, error: `The body is not valid JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, error: 'The body is not a JSON object' };
  const request = parsed as Record<string, unknown>;
  const key = basicUser || (typeof request.writeKey === 'string' ? request.writeKey : undefined);
  if (options.writeKeys.size > 0 && (key === undefined || !options.writeKeys.has(key))) {
    return { status: 401, error: key === undefined ? 'No write key: send it as the user name of HTTP Basic auth, or as "writeKey" in the body' : 'Unknown write key' };
  }
  if (route.kind === 'batch' && !Array.isArray(request.batch)) return { status: 400, error: 'A batch request needs "batch": an array of messages' };
  const messages: unknown[] = route.kind === 'single' ? [request] : (request.batch as unknown[]);
  const texts = messageTexts(body, route.kind);
  // What the scan found must be what JSON.parse found, or none of it is used.
  const spliceable = texts !== undefined && texts.length === messages.length;
  const stamp = new Stamp(route, request, options);
  const block = new LineBlock(body);
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    const fields = stamp.apply(message);
    const text = spliceable ? texts[index]! : undefined;
    if (fields !== undefined && text?.spliceable) block.splice(text, fields);
    else block.add(jsonText(message));
    if (block.lastLength() > MAX_MESSAGE_BYTES) {
      const which = route.kind === 'batch' ? `Message ${index} of the batch` : 'The message';
      return { status: 413, error: `${which} is over ${MAX_MESSAGE_BYTES / 1024} KB, Segment's limit per message` };
    }
  }
  const { lines, each } = block.write();
  return { status: 200, messages: messages.map((message, i) => ({ message, line: each[i]! })), lines };
}

/**
 * The lines of one request, planned as pieces (ranges of the body's bytes, and text) and then
 * written into one buffer, each line a view of it.
 */
class LineBlock {
  /** A range of the body is two numbers, text is a string. */
  readonly #pieces: Array<number | string> = [];
  /** Where each line ends in the block (its newline excluded). */
  readonly #ends: number[] = [];
  #size = 0;
  #lastLength = 0;

  constructor(private readonly body: Buffer) {}

  /** A message's text with the server's fields: a value it has replaced where it stands, a key it lacks added at the end, in the order given. */
  splice(text: MessageText, fields: ReadonlyArray<[StampKey, string]>): void {
    const replaced: Array<[number, number, string]> = [];
    let added = '';
    for (const [key, json] of fields) {
      const range = text.values[key];
      if (range) replaced.push([range[0], range[1], json]);
      else added += `${added !== '' || text.hasMembers ? ',' : ''}"${key}":${json}`;
    }
    replaced.sort((a, b) => a[0] - b[0]);
    let at = text.start;
    for (const [start, end, json] of replaced) {
      this.copy(at, start);
      this.text(json);
      at = end;
    }
    this.copy(at, text.end - 1);
    this.text(`${added}}`);
    this.endLine();
  }

  /** A line written anew. */
  add(line: string): void {
    this.text(line);
    this.endLine();
  }

  /** The bytes of the line added last. */
  lastLength(): number {
    return this.#lastLength;
  }

  write(): { lines: Buffer; each: Buffer[] } {
    const block = Buffer.allocUnsafe(this.#size + this.#ends.length);
    const pieces = this.#pieces;
    let at = 0;
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < pieces.length; ) {
      const piece = pieces[i]!;
      if (typeof piece === 'number') {
        at += this.body.copy(block, at, piece, pieces[i + 1] as number);
        i += 2;
      } else {
        at += block.write(piece, at);
        i++;
      }
      // Lines are counted without their newlines in #ends.
      while (line < this.#ends.length && this.#ends[line]! + line === at) {
        block[at++] = LF;
        line++;
      }
    }
    const each: Buffer[] = [];
    for (let i = 0; i < this.#ends.length; i++) {
      const end = this.#ends[i]! + i;
      each.push(block.subarray(lineStart, end));
      lineStart = end + 1;
    }
    return { lines: block, each };
  }

  private copy(from: number, to: number): void {
    if (to <= from) return;
    this.#pieces.push(from, to);
    this.#size += to - from;
  }

  private text(text: string): void {
    if (text === '') return;
    this.#pieces.push(text);
    this.#size += Buffer.byteLength(text);
  }

  private endLine(): void {
    this.#lastLength = this.#size - (this.#ends.length === 0 ? 0 : this.#ends[this.#ends.length - 1]!);
    this.#ends.push(this.#size);
  }
}

/**
 * The server's own fields, set on each message in place, as Segment sets them: the type of a single
 * call's path; a batch's own `context` and `integrations` apply to every message in it, and its
 * `sentAt` to the messages that have none (analytics-next's /v1/b moves it there), a message's own
 * keys winning; `receivedAt` always, and `messageId` when missing.
 */
class Stamp {
  // The JSON texts that are the same for every message of the request, written once.
  readonly #type: string | undefined;
  readonly #sentAt: string | undefined;
  readonly #receivedAt: string;

  constructor(
    private readonly route: IngestRoute,
    private readonly request: Record<string, unknown>,
    private readonly options: IngestOptions,
  ) {
    if (route.kind === 'single') this.#type = JSON.stringify(route.type);
    else if (request.sentAt !== undefined) this.#sentAt = jsonText(request.sentAt);
    this.#receivedAt = JSON.stringify(options.receivedAt);
  }

  /**
   * Sets the fields on `message`; returns the keys set with their JSON text, in the order
   * JSON.stringify writes them, or undefined when the message must be written anew (a merged
   * `context`), or is no object.
   */
  apply(message: unknown): Array<[StampKey, string]> | undefined {
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return undefined;
    const m = message as Record<string, unknown>;
    const fields: Array<[StampKey, string]> = [];
    let rewritten = false;
    if (this.route.kind === 'single') {
      if (m.type !== this.route.type) {
        m.type = this.route.type;
        fields.push(['type', this.#type!]);
      }
    } else {
      for (const field of ['context', 'integrations'] as const) {
        const shared = this.request[field];
        if (shared === null || typeof shared !== 'object' || Array.isArray(shared)) continue;
        const own = m[field];
        if (own !== null && typeof own === 'object' && !Array.isArray(own)) m[field] = { ...shared, ...own };
        else if (own === undefined) m[field] = shared;
        else continue;
        rewritten = true;
      }
      if (m.sentAt === undefined && this.#sentAt !== undefined) {
        m.sentAt = this.request.sentAt;
        fields.push(['sentAt', this.#sentAt]);
      }
    }
    if (typeof m.messageId !== 'string' || m.messageId === '') {
      m.messageId = this.options.newMessageId();
      fields.push(['messageId', JSON.stringify(m.messageId)]);
    }
    if (m.receivedAt !== this.options.receivedAt) {
      m.receivedAt = this.options.receivedAt;
      fields.push(['receivedAt', this.#receivedAt]);
    }
    return rewritten ? undefined : fields;
  }
}
