import { ftruncateSync, writeSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The NDJSON files a collector writes: `events-YYYY-MM-DD.ndjson` under one folder, a file per UTC
 * day, only ever appended to (a restart appends too). Writes are queued one after the other, so the
 * lines of two requests never interleave, and a write that fails is cut back off the file: a request
 * is either stored whole and acknowledged, or refused and absent.
 */
interface OpenFile {
  day: string;
  handle: FileHandle;
  size: number;
  /** Lines in the file so far: the next line written is number lines + 1. */
  lines: number;
}

export class CaptureLog {
  #file: OpenFile | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(readonly dir: string) {}

  /** The file of a UTC day. */
  fileFor(day: string): string {
    return join(this.dir, `events-${day}.ndjson`);
  }

  /**
   * Appends the lines (each without its newline), for messages received at `receivedAt` (ISO), and
   * says where the first one went: diagnostics point at the lines `cdp lint` will read there.
   */
  append(lines: readonly string[], receivedAt: string): Promise<{ file: string; line: number }> {
    const text = lines.map((l) => `${l}\n`).join('');
    const write = this.#queue.then(() => this.write(receivedAt.slice(0, 10), text, lines.length));
    // The queue goes on after a failed write; the failure is the caller's to report.
    this.#queue = write.catch(() => undefined);
    return write;
  }

  /** Waits for the writes queued so far, then closes the file. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#file?.handle.close();
    this.#file = undefined;
  }

  private async write(day: string, text: string, count: number): Promise<{ file: string; line: number }> {
    if (this.#closed) throw new Error('the capture log is closed');
    const file = await this.fileOf(day);
    const bytes = Buffer.from(text);
    // A synchronous write: one request's lines (500 KB at most) to the page cache take microseconds,
    // where a write through libuv's thread pool costs two thread hand-offs, which under load cost
    // more than the rest of a single-event request.
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(file.handle.fd, bytes, written, bytes.length - written);
    } catch (error) {
      try {
        ftruncateSync(file.handle.fd, file.size);
      } catch {
        // The write's own error is the one to report.
      }
      throw error;
    }
    file.size += bytes.length;
    const line = file.lines + 1;
    file.lines += count;
    return { file: this.fileFor(day), line };
  }

  private async fileOf(day: string): Promise<OpenFile> {
    if (this.#file?.day === day) return this.#file;
    await this.#file?.handle.close();
    this.#file = undefined;
    await mkdir(this.dir, { recursive: true });
    const handle = await open(this.fileFor(day), 'a+');
    let { size } = await handle.stat();
    let lines = await countLines(handle, size);
    // A line cut off by a crash stays a line of its own (lint reports it), not the start of the next one.
    const last = Buffer.alloc(1);
    if (size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 10) {
      await handle.write('\n');
      size++;
      lines++;
    }
    this.#file = { day, handle, size, lines };
    return this.#file;
  }
}

/** Newlines in the first `size` bytes of a file, read in blocks: a restart continues the numbering. */
async function countLines(handle: FileHandle, size: number): Promise<number> {
  const block = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  for (let at = 0; at < size; ) {
    const { bytesRead } = await handle.read(block, 0, Math.min(block.length, size - at), at);
    if (bytesRead === 0) break;
    for (let i = block.indexOf(10, 0); i !== -1 && i < bytesRead; i = block.indexOf(10, i + 1)) lines++;
    at += bytesRead;
  }
  return lines;
}
