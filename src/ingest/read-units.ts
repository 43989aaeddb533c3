import { DocumentSplitter } from './json-units.js';
import { LineSplitter } from './ndjson-units.js';
import { inputChunks } from './open-input.js';
import { InputError, type InputSource, type WorkUnit } from './types.js';

export interface ReadUnitsOptions {
  /** Target size of a unit, in bytes of NDJSON or characters of element text. Default 1 MiB. */
  chunkBytes?: number;
  /** At most this many elements of a JSON document per unit. Default 1000. */
  maxElementsPerUnit?: number;
  /** Read instead of `process.stdin` when the source is standard input. */
  stdin?: NodeJS.ReadableStream;
}

/**
 * Streams an input as work units, in order. The format comes from the first byte that is not
 * whitespace (after a UTF-8 BOM, which is dropped): `[` is a JSON array; `{` is NDJSON when the
 * value it opens closes on that line, and a JSON document (pretty-printed) when it is still open
 * at the end of the line, unless that line is cut short (see FirstLineEnd); anything else is
 * NDJSON. Empty or whitespace-only input yields nothing.
 *
 * When the input cannot be read to its end, the units complete before the failure are yielded, then
 * an `InputError` is thrown carrying the line reached (none when nothing could be read at all).
 */
export async function* readUnits(source: InputSource, options: ReadUnitsOptions = {}): AsyncGenerator<WorkUnit> {
  const reader = new UnitReader(source.name, options.chunkBytes ?? 1024 * 1024, options.maxElementsPerUnit ?? 1000);
  const chunks = inputChunks(source, options.stdin);
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        reader.fail();
        yield* reader.drain();
        const cause = error instanceof InputError ? error : new InputError(source.name, String(error));
        throw new InputError(cause.file, cause.message, reader.started ? reader.lineReached : undefined);
      }
      if (next.done) break;
      reader.write(next.value);
      yield* reader.drain();
    }
    reader.end();
    yield* reader.drain();
  } finally {
    await chunks.return(undefined);
  }
}

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const COLON = 58;
const COMMA = 44;

type Splitter = LineSplitter | DocumentSplitter;

const enum Phase {
  /** Gathering the first three bytes to look for a BOM. */
  Bom,
  /** Skipping whitespace before the first value. */
  Blank,
  /** Inside the first line of an input starting with `{`: does the object close on it? */
  FirstLine,
  /** The first line ended with its object open: does the next line continue it? */
  FirstLineEnd,
  Split,
}

/** Finds the format from the first bytes, then hands every byte to the matching splitter. */
class UnitReader {
  started = false;
  private phase = Phase.Bom;
  private splitter: Splitter | undefined;
  /** Bytes held while the format is undecided: the BOM candidate, then the first line. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private line = 1;
  private column = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The last byte of the first line that is not whitespace. */
  private lastByte = 0;

  constructor(
    private readonly file: string,
    private readonly chunkBytes: number,
    private readonly maxElements: number,
  ) {}

  /** The line reached. */
  get lineReached(): number {
    return this.splitter?.line ?? this.line;
  }

  write(chunk: Buffer): void {
    if (chunk.length > 0) this.started = true;
    if (this.splitter) this.splitter.write(chunk);
    else if (this.phase !== Phase.Bom) this.sniff(chunk);
    else {
      this.hold(chunk);
      if (this.heldBytes >= 3) this.endBom();
    }
  }

  end(): void {
    if (this.phase === Phase.Bom) this.endBom();
    if (!this.splitter && (this.phase === Phase.FirstLine || this.phase === Phase.FirstLineEnd)) this.decide(false);
    this.splitter?.end();
  }

  fail(): void {
    this.splitter?.fail();
  }

  drain(): WorkUnit[] {
    const units = this.splitter?.units;
    return units ? units.splice(0, units.length) : [];
  }

  private hold(chunk: Buffer): void {
    this.held.push(chunk);
    this.heldBytes += chunk.length;
  }

  private endBom(): void {
    const bytes = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    this.phase = Phase.Blank;
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.sniff(bom ? bytes.subarray(3) : bytes);
  }

  private sniff(chunk: Buffer): void {
    let i = 0;
    if (this.phase === Phase.Blank) {
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === LF) {
          this.line++;
          this.column = 1;
        } else if (b === SPACE || b === TAB || b === CR) this.column++;
        else break;
      }
      if (i === chunk.length) return;
      const first = chunk[i];
      chunk = chunk.subarray(i);
      if (first !== OPEN_OBJECT) {
        this.phase = Phase.Split;
        this.splitter =
          first === OPEN_ARRAY ? this.documentSplitter() : new LineSplitter(this.file, this.line, this.chunkBytes);
        this.splitter.write(chunk);
        return;
      }
      this.phase = Phase.FirstLine;
      i = 0;
    }
    this.hold(chunk);
    if (this.phase === Phase.FirstLineEnd) return this.firstLineEnd(chunk, i);
    // NDJSON's first line is an object that closes on it; a pretty-printed document's is not.
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LF) {
        // A line break inside a string is not JSON: the first line of NDJSON was cut short.
        if (this.inString) return this.decide(true);
        this.phase = Phase.FirstLineEnd;
        return this.firstLineEnd(chunk, i + 1);
      }
      if (b !== SPACE && b !== TAB && b !== CR) this.lastByte = b;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) this.inString = false;
      } else if (b === QUOTE) this.inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) this.depth++;
      else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && --this.depth === 0) return this.decide(true);
    }
  }

  /**
   * After a first line that left its object open. A pretty-printed document's first line ends
   * where JSON goes on (`{`, `[`, `,`, `:`) and its next line does not start a new object; a next
   * line starting with `{` after a line that ends elsewhere means NDJSON whose first line is
   * truncated, which must not swallow the rest of the file as one broken document.
   */
  private firstLineEnd(chunk: Buffer, from: number): void {
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LF || b === SPACE || b === TAB || b === CR) continue;
      const continues = this.lastByte === OPEN_OBJECT || this.lastByte === OPEN_ARRAY || this.lastByte === COMMA || this.lastByte === COLON;
      return this.decide(b === OPEN_OBJECT && !continues);
    }
  }

  private decide(ndjson: boolean): void {
    const splitter = ndjson ? new LineSplitter(this.file, this.line, this.chunkBytes) : this.documentSplitter();
    this.splitter = splitter;
    this.phase = Phase.Split;
    for (const chunk of this.held) splitter.write(chunk);
    this.held = [];
  }

  private documentSplitter(): DocumentSplitter {
    return new DocumentSplitter(this.file, this.line, this.column, this.maxElements, this.chunkBytes);
  }
}
