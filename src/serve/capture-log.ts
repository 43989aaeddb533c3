import { ftruncateSync, writeSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The NDJSON files a collector writes: `events-YYYY-MM-DD.ndjson` under one folder, a file per UTC
 * day, only ever appended to (a restart appends too). Each request's lines go out in one piece, so
 * the lines of two requests never interleave, and those of the requests that come while a write is
 * under way (a new day's file being opened) in one write after it; a write that fails is cut back
 * off the file and fails every request in it: a request is either stored whole and acknowledged, or
 * refused and absent.
 */
interface OpenFile {
  day: string;
  handle: FileHandle;
  size: number;
  /** Lines in the file so far: the next line written is number lines + 1. */
  lines: number;
}

/** Where a request's first line went. */
export interface Stored {
  file: string;
  line: number;
}

interface Append {
  day: string;
  lines: Buffer;
  count: number;
  resolve: (stored: Stored) => void;
  reject: (error: Error) => void;
}

export class CaptureLog {
  #file: OpenFile | undefined;
  #pending: Append[] = [];
  /** The writing of what is pending, while it runs. */
  #writing: Promise<void> | undefined;
  #closed = false;

  constructor(readonly dir: string) {}

  /** The file of a UTC day. */
  fileFor(day: string): string {
    return join(this.dir, `events-${day}.ndjson`);
  }

  /**
   * Appends `count` lines (`lines`: UTF-8, each ending in a newline), for messages received at
   * `receivedAt` (ISO), and says where the first one went once they are written: diagnostics point
   * at the lines `cdp lint` will read there.
   */
  append(lines: Buffer, count: number, receivedAt: string): Promise<Stored> {
    if (this.#closed) return Promise.reject(new Error('the capture log is closed'));
    return new Promise((resolve, reject) => {
      this.#pending.push({ day: receivedAt.slice(0, 10), lines, count, resolve, reject });
      // With something pending, writePending awaits the file before it can finish: #writing is set first.
      this.#writing ??= this.writePending();
    });
  }

  /** Waits for the writes asked for so far, then closes the file. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#writing;
    await this.#file?.handle.close();
    this.#file = undefined;
  }

  private async writePending(): Promise<void> {
    // Written at once, not gathered over a turn of the event loop: the parsed messages of the
    // requests waiting would outlive a young-generation collection (measured: 1.9 MB copied per
    // scavenge against 0.7 MB, and twice the pause time).
    while (this.#pending.length > 0) {
      const appends = this.#pending;
      this.#pending = [];
      for (let from = 0; from < appends.length; ) {
        const day = appends[from]!.day;
        let to = from + 1;
        while (to < appends.length && appends[to]!.day === day) to++;
        await this.writeDay(day, appends.slice(from, to));
        from = to;
      }
    }
    this.#writing = undefined;
  }

  private async writeDay(day: string, appends: readonly Append[]): Promise<void> {
    let file: OpenFile;
    try {
      file = await this.fileOf(day);
    } catch (error) {
      for (const a of appends) a.reject(error as Error);
      return;
    }
    const bytes = appends.length === 1 ? appends[0]!.lines : Buffer.concat(appends.map((a) => a.lines));
    // A synchronous write: the lines of a turn (a few MB at most) to the page cache take microseconds,
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
      for (const a of appends) a.reject(error as Error);
      return;
    }
    file.size += bytes.length;
    const name = this.fileFor(day);
    for (const a of appends) {
      a.resolve({ file: name, line: file.lines + 1 });
      file.lines += a.count;
    }
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
