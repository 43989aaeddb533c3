import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Diagnostic } from '../core/diagnostic.js';

/** Diagnostics kept in memory before the spool moves to a temporary file. */
const IN_MEMORY = 10_000;

/**
 * Keeps every diagnostic of a run for `--format json`, whose summary comes first but is known
 * only at the end: the first ones in memory, the rest in a temporary NDJSON file, so memory stays
 * flat however many there are.
 */
export class DiagnosticSpool {
  readonly #memory: Diagnostic[] = [];
  #dir: string | undefined;
  #fd: number | undefined;
  #path: string | undefined;

  add(d: Diagnostic): void {
    if (this.#fd === undefined && this.#memory.length < IN_MEMORY) {
      this.#memory.push(d);
      return;
    }
    if (this.#fd === undefined) {
      this.#dir = mkdtempSync(join(tmpdir(), 'cdp-lint-'));
      this.#path = join(this.#dir, 'diagnostics.ndjson');
      this.#fd = openSync(this.#path, 'w');
    }
    writeSync(this.#fd, JSON.stringify(d) + '\n');
  }

  /** All diagnostics in the order added; reads the file back in blocks. */
  *entries(): Generator<Diagnostic> {
    yield* this.#memory;
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    const fd = openSync(this.#path!, 'r');
    try {
      const block = Buffer.alloc(1 << 20);
      // A block may end inside a multi-byte character; the decoder carries it to the next block.
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) {
        const lines = (rest + decoder.write(block.subarray(0, n))).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line) yield JSON.parse(line) as Diagnostic;
      }
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
  }
}
