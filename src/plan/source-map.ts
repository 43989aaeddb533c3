import type { LineCounter } from 'yaml';
import { parentPointer } from './pointer.js';

export interface Position {
  line: number;
  column: number;
}

interface Offsets {
  /** Offset of the mapping key when the value sits in a map: errors about an entry point at its name. */
  key?: number;
  value: number;
}

/**
 * Source positions of one plan file, keyed by JSON pointer. Offsets are stored and turned into
 * line/column only when a diagnostic needs them: most nodes never do.
 */
export class SourceMap {
  readonly #offsets = new Map<string, Offsets>();

  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  set(pointer: string, value: number, key?: number): void {
    if (!this.#offsets.has(pointer)) this.#offsets.set(pointer, key === undefined ? { value } : { key, value });
  }

  /** Position of the entry at `pointer` (its key when it has one), or of its nearest located ancestor. */
  locate(pointer: string, prefer: 'key' | 'value' = 'key'): Position {
    let p: string | undefined = pointer;
    while (p !== undefined) {
      const o = this.#offsets.get(p);
      if (o) return this.position(prefer === 'key' ? (o.key ?? o.value) : o.value);
      p = parentPointer(p);
    }
    return { line: 1, column: 1 };
  }

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}
