import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, type InputSource } from './types.js';

const READ_BYTES = 256 * 1024;
const GUNZIP_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of an input as a stream, gunzipped when they start with the gzip magic bytes (whatever
 * the file is called, stdin included). Never throws: a missing file, a directory, a permission
 * problem, a read error or corrupt gzip data is emitted as the stream's `error`, always an
 * `InputError`, after every byte that could be read before it.
 */
export function openInput(source: InputSource, stdin?: NodeJS.ReadableStream): Readable {
  return Readable.from(inputChunks(source, stdin), { objectMode: false });
}

/**
 * What `openInput` streams, as chunks pulled one at a time. Readers that must not lose the last
 * chunks before an error use this: a Readable drops its buffered chunks when it is destroyed.
 * Throws `InputError` (without a line: the bytes are not interpreted here).
 */
export async function* inputChunks(source: InputSource, stdin?: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  try {
    if (source.stdin) yield* decompressed(streamChunks(stdin ?? process.stdin));
    else if (source.path !== undefined) yield* decompressed(fileChunks(source.path));
    else throw new InputError(source.name, `${source.name}: neither a file path nor standard input`);
  } catch (error) {
    throw inputError(source.name, error);
  }
}

/** Reads kept in flight ahead of the consumer, so the disk works while events are checked. */
const READ_AHEAD = 8;

/**
 * Pulls with explicit reads rather than a ReadStream, so nothing read sits in a buffer an error
 * would discard. A regular file is read ahead at explicit positions; anything else (a FIFO, a
 * device) cannot seek and is read one chunk at a time.
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const pending: Array<Promise<{ buffer: Buffer; at: number; bytesRead: number }>> = [];
  try {
    const seekable = (await handle.stat()).isFile();
    let next = 0;
    const issue = () => {
      const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
      const at = next;
      pending.push(handle.read(buffer, 0, READ_BYTES, seekable ? at : null).then(({ bytesRead }) => ({ buffer, at, bytesRead })));
      next += READ_BYTES;
    };
    for (;;) {
      while (pending.length < (seekable ? READ_AHEAD : 1)) issue();
      const { buffer, at, bytesRead } = await pending.shift()!;
      if (bytesRead === 0) return;
      if (seekable && bytesRead < READ_BYTES) {
        // Usually the end of the file; otherwise the reads ahead would leave a gap. Either way,
        // drop them and go on from just after the bytes received (at the end that read gives 0).
        await Promise.allSettled(pending.splice(0));
        next = at + bytesRead;
      }
      // Short reads are copied so that a small chunk does not pin a large buffer downstream.
      yield bytesRead === READ_BYTES ? buffer : Buffer.from(buffer.subarray(0, bytesRead));
    }
  } finally {
    await Promise.allSettled(pending);
    await handle.close();
  }
}

async function* streamChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk);
    else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

async function* decompressed(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await chunks.next();
    if (next.done) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  const all = (async function* () {
    yield head;
    yield* chunks;
  })();
  yield* head[0] === 0x1f && head[1] === 0x8b ? gunzip(all) : all;
}

/**
 * Feeds one compressed chunk at a time and waits for its output before reading the next, so memory
 * stays flat and, when the data turns out corrupt or the read fails, everything decompressed before
 * is delivered first. Output is taken from 'data' events: an async iterator over the gunzip stream
 * would drop its buffered output when the stream errors.
 */
async function* gunzip(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  const gz = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  const ready: Buffer[] = [];
  let failure: { error: unknown } | undefined;
  let ended = false;
  let writing = false;
  let inputDone = false;
  let wake = () => {};
  gz.on('data', (chunk: Buffer) => {
    ready.push(chunk);
    wake();
  });
  gz.on('error', (error) => {
    failure ??= { error };
    wake();
  });
  gz.on('end', () => {
    ended = true;
    wake();
  });
  try {
    for (;;) {
      while (ready.length > 0) yield ready.shift()!;
      if (failure) throw failure.error;
      if (ended) return;
      if (writing || inputDone) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const next = await chunks.next();
      if (next.done) {
        inputDone = true;
        gz.end();
      } else {
        writing = true;
        gz.write(next.value, () => {
          writing = false;
          wake();
        });
      }
    }
  } finally {
    gz.destroy();
    await chunks.return(undefined);
  }
}

function inputError(name: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(name, `${name}: no such file`);
    case 'EISDIR':
      return new InputError(name, `${name} is a directory; give files or a glob such as 'logs/**/*.ndjson'`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(name, `${name}: permission denied`);
    case 'Z_BUF_ERROR':
      return new InputError(name, `${name}: the gzip data ends early (the file is truncated)`);
  }
  if (code?.startsWith('Z_')) return new InputError(name, `${name}: corrupt gzip data (${message})`);
  return new InputError(name, `${name}: ${message ?? String(error)}`);
}
