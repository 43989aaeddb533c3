import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Text kept in memory before the spool moves to a temporary file. */
const IN_MEMORY_CHARS = 2 * 1024 * 1024;
/** Writes to the file are gathered into blocks of about this size: one system call per diagnostic would dominate. */
const WRITE_BLOCK_CHARS = 256 * 1024;

/**
 * Keeps the rendered diagnostics of a run for `--format json`, whose summary comes first but is
 * known only at the end: the first megabytes in memory, the rest in a temporary file, so memory
 * stays flat however many there are. Text is stored as it will be printed, so nothing is parsed or
 * rendered twice.
 */
export class TextSpool {
  readonly #memory: string[] = [];
  #memoryChars = 0;
  #pending = '';
  #dir: string | undefined;
  #fd: number | undefined;
  #path: string | undefined;

  add(text: string): void {
    if (this.#fd === undefined && this.#memoryChars + text.length <= IN_MEMORY_CHARS) {
      this.#memory.push(text);
      this.#memoryChars += text.length;
      return;
    }
    if (this.#fd === undefined) {
      this.#dir = mkdtempSync(join(tmpdir(), 'cdp-lint-'));
      this.#path = join(this.#dir, 'diagnostics.json');
      this.#fd = openSync(this.#path, 'w');
    }
    this.#pending += text;
    if (this.#pending.length >= WRITE_BLOCK_CHARS) this.#flush();
  }

  /** Everything added, in order, in pieces: the memory part, then the file in blocks. */
  *chunks(): Generator<string> {
    yield* this.#memory;
    if (this.#fd === undefined) return;
    this.#flush();
    closeSync(this.#fd);
    this.#fd = undefined;
    const fd = openSync(this.#path!, 'r');
    try {
      const block = Buffer.alloc(1 << 20);
      // A block may end inside a multi-byte character; the decoder carries it to the next block.
      const decoder = new StringDecoder('utf8');
      for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) yield decoder.write(block.subarray(0, n));
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
  }

  #flush(): void {
    if (this.#pending === '' || this.#fd === undefined) return;
    writeSync(this.#fd, this.#pending);
    this.#pending = '';
  }
}
