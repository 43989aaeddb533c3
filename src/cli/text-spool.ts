import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Text kept in memory before the spool moves to a temporary file. */
const IN_MEMORY_CHARS = 2 * 1024 * 1024;
/** Writes to the file are gathered into blocks of about this size: one system call per diagnostic would dominate. */
const WRITE_BLOCK_CHARS = 256 * 1024;
/** Size of the blocks the file is read back in. */
const READ_BLOCK_BYTES = 1024 * 1024;

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

  /**
   * Everything added, in order, in pieces: the memory part as text, then the file as UTF-8 blocks,
   * which go to the output as they are: decoding them only to encode them again took 4% of a run
   * with 140,000 diagnostics. A block may end inside a multi-byte character; the next one carries
   * the rest. Each block is a fresh buffer, so a caller may keep it.
   */
  *chunks(): Generator<string | Buffer> {
    yield* this.#memory;
    if (this.#fd === undefined) return;
    this.#flush();
    closeSync(this.#fd);
    this.#fd = undefined;
    const fd = openSync(this.#path!, 'r');
    try {
      for (;;) {
        const block = Buffer.allocUnsafe(READ_BLOCK_BYTES);
        const n = readSync(fd, block);
        if (n === 0) return;
        yield n === block.length ? block : block.subarray(0, n);
      }
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
