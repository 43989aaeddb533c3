import type { ElementText, WorkUnit } from './types.js';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_ARRAY = 91;
const BACKSLASH = 92;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const BATCH = Buffer.from('batch');
const TYPE = Buffer.from('type');
const NO_ARRAY = -1;

/** What the top-level value being read is. */
const enum Top {
  None,
  Array,
  Object,
  /** Bytes between top-level values that start neither an array nor an object. */
  Garbage,
}

/** Where the reader is among the members of a top-level object (only depth 1 counts). */
const enum Member {
  Key,
  Name,
  Value,
  Other,
}

/** The text of one element (or object, or stretch of garbage) being gathered across chunks. */
interface Capture {
  pieces: Buffer[];
  /** Offset in the current chunk where the capture's bytes resume. */
  from: number;
  line: number;
  column: number;
  index: number | undefined;
}

/**
 * Splits JSON documents into element texts without parsing them: a byte-level state machine tracks
 * depth, strings and escapes across chunk boundaries, so memory is bounded by the largest element.
 *
 * - A top-level array yields its elements, with their index.
 * - A top-level object yields the elements of each top-level `batch` array, or, when it has none,
 *   itself as one element without index.
 * - Several top-level values one after another (`jq` output) are each read that way.
 *
 * It never judges syntax; malformed input becomes element texts that fail to parse downstream:
 * - An element is everything between the array's separators, so garbage inside a slot
 *   (`[{"a":1} x {"b":2}]`) stays in that slot's text, and an empty slot (`[1,,2]`, `[1,]`) is an
 *   element with empty text, located at the separator that ends it.
 * - Bytes between top-level values that start no array or object form one element each.
 * - At the end of the input, whatever is unfinished (an element, an object, a string) is emitted
 *   with the text it has; a document left open with nothing pending (`[1,`, `{"batch":[1]`)
 *   yields an empty element at the end of the input, so the truncation is reported.
 * - A raw line break inside a string, invalid in JSON, ends the string, so that one unterminated
 *   string spoils one element rather than the rest of the file.
 *
 * Columns count UTF-16 code units, as editors and JavaScript strings do.
 */
export class DocumentSplitter {
  readonly units: WorkUnit[] = [];
  line: number;
  private items: ElementText[] = [];
  private itemChars = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Absolute byte offset of the current chunk. */
  private offset = 0;
  /** Absolute offset at which the current line would start if the first line had no indent. */
  private lineStart: number;
  /** UTF-8 bytes minus UTF-16 code units since the line started. */
  private wide = 0;
  private top = Top.None;
  /** Depth of the elements of the array being split, or NO_ARRAY. */
  private arrayDepth = NO_ARRAY;
  private index = 0;
  private afterComma = false;
  private member = Member.Other;
  /** How many bytes of the key being read match `batch`; -1 once it differs. */
  private keyMatch = -1;
  private batchKey = false;
  // An object with a `type` is an event even when it has a `batch` array too, as on an NDJSON line
  // (batch.ts): a `type` key ahead of the array keeps the object whole.
  private typeMatch = -1;
  private sawType = false;
  private sawBatch = false;
  private capture: Capture | undefined;

  constructor(
    private readonly file: string,
    firstLine: number,
    firstColumn: number,
    private readonly maxElements: number,
    private readonly maxChars: number,
  ) {
    this.line = firstLine;
    this.lineStart = 1 - firstColumn;
  }

  write(chunk: Buffer): void {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (this.inString) {
        if (b === LF) {
          this.inString = false;
          this.escaped = false;
          this.keyMatch = -1;
          this.typeMatch = -1;
          this.newline(i);
        } else if (this.escaped) this.escaped = false;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.keyMatch >= 0) this.batchKey = this.keyMatch === BATCH.length;
          if (this.typeMatch === TYPE.length) this.sawType = true;
        } else if (b === BACKSLASH) {
          this.escaped = true;
          this.keyMatch = -1;
          this.typeMatch = -1;
        } else {
          if (this.keyMatch >= 0) this.keyMatch = BATCH[this.keyMatch] === b ? this.keyMatch + 1 : -1;
          if (this.typeMatch >= 0) this.typeMatch = TYPE[this.typeMatch] === b ? this.typeMatch + 1 : -1;
        }
        if (b >= 0x80) this.countWide(b);
        continue;
      }
      switch (b) {
        case SPACE:
        case TAB:
        case CR:
          break;
        case LF:
          this.newline(i);
          break;
        case OPEN_ARRAY:
        case OPEN_OBJECT:
          if (this.depth === 0) this.openTop(chunk, i, b);
          else if (b === OPEN_ARRAY && this.depth === 1 && this.top === Top.Object && this.member === Member.Value && this.batchKey && !this.sawType) {
            this.openBatch();
          }
          else {
            this.significant(i, b);
            this.depth++;
          }
          break;
        case CLOSE_ARRAY:
        case CLOSE_OBJECT:
          if (this.depth === 0) this.significant(i, b);
          else if (this.depth === this.arrayDepth) {
            if (b === CLOSE_ARRAY) this.closeArray(chunk, i);
            else this.significant(i, b);
          } else if (--this.depth === 0) this.closeTop(chunk, i + 1);
          break;
        case COMMA:
          if (this.depth === this.arrayDepth) {
            this.endSlot(chunk, i, true);
            this.afterComma = true;
            this.index++;
          } else this.significant(i, b);
          break;
        case QUOTE:
          this.significant(i, b);
          this.inString = true;
          break;
        default:
          // Most bytes here are the inside of numbers and literals in an element already begun.
          if (!this.capture || this.depth === 1) this.significant(i, b);
          if (b >= 0x80) this.countWide(b);
      }
    }
    if (this.capture) {
      this.capture.pieces.push(chunk.subarray(this.capture.from));
      this.capture.from = 0;
    }
    this.offset += n;
  }

  /** The input ended. */
  end(): void {
    const unfinished = this.depth > 0 || this.inString;
    if (this.capture) this.finish(Buffer.alloc(0), 0);
    else if (unfinished) this.emit('', this.line, this.column(0), this.arrayDepth === NO_ARRAY ? undefined : this.index);
    this.flush();
  }

  /** The input broke off: hand on the complete elements; the unfinished one is lost with the error. */
  fail(): void {
    this.flush();
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.offset + i + 1;
    this.wide = 0;
  }

  private countWide(b: number): void {
    if (b < 0xc0) this.wide++; // continuation byte: no code unit of its own
    else if (b >= 0xf0) this.wide--; // four bytes make a surrogate pair
  }

  private column(i: number): number {
    return this.offset + i - this.lineStart - this.wide + 1;
  }

  /** A byte outside strings that is not structure of the array being split. */
  private significant(i: number, b: number): void {
    if (this.depth === 0) this.top = Top.Garbage;
    if (!this.capture) this.begin(i);
    if (this.depth === 1 && this.top === Top.Object) this.objectByte(b);
  }

  /** Follows `"key": value,` at the top of an object, to notice the `batch` key. */
  private objectByte(b: number): void {
    if (b === COMMA) this.member = Member.Key;
    else if (this.member === Member.Key && b === QUOTE) {
      this.member = Member.Name;
      this.keyMatch = 0;
      this.typeMatch = 0;
      this.batchKey = false;
    } else if (this.member === Member.Name && b === COLON) this.member = Member.Value;
    else this.member = Member.Other;
  }

  private openTop(chunk: Buffer, i: number, b: number): void {
    if (this.capture) this.finish(chunk, i);
    this.depth = 1;
    if (b === OPEN_ARRAY) {
      this.top = Top.Array;
      this.openArray(1);
    } else {
      this.top = Top.Object;
      this.member = Member.Key;
      this.sawBatch = false;
      this.sawType = false;
      this.begin(i);
    }
  }

  private openBatch(): void {
    // The object's other members are not events: drop what was gathered of it.
    this.capture = undefined;
    this.sawBatch = true;
    this.member = Member.Other;
    this.depth = 2;
    this.openArray(2);
  }

  private openArray(depth: number): void {
    this.arrayDepth = depth;
    this.index = 0;
    this.afterComma = false;
  }

  private closeArray(chunk: Buffer, i: number): void {
    this.endSlot(chunk, i, false);
    this.arrayDepth = NO_ARRAY;
    if (--this.depth === 0) this.top = Top.None;
  }

  private closeTop(chunk: Buffer, end: number): void {
    if (this.top === Top.Object && this.capture && !this.sawBatch) this.finish(chunk, end);
    this.capture = undefined;
    this.top = Top.None;
  }

  private endSlot(chunk: Buffer, i: number, byComma: boolean): void {
    if (this.capture) this.finish(chunk, i);
    else if (byComma || this.afterComma) this.emit('', this.line, this.column(i), this.index);
  }

  private begin(i: number): void {
    const index = this.depth === this.arrayDepth ? this.index : undefined;
    this.capture = { pieces: [], from: i, line: this.line, column: this.column(i), index };
  }

  private finish(chunk: Buffer, end: number): void {
    const capture = this.capture!;
    this.capture = undefined;
    const last = chunk.subarray(capture.from, end);
    const bytes = capture.pieces.length === 0 ? last : Buffer.concat([...capture.pieces, last]);
    this.emit(trimJsonSpace(bytes.toString('utf8')), capture.line, capture.column, capture.index);
  }

  private emit(text: string, line: number, column: number, index: number | undefined): void {
    this.items.push(index === undefined ? { text, line, column } : { text, line, column, index });
    this.itemChars += text.length;
    if (this.items.length >= this.maxElements || this.itemChars >= this.maxChars) this.flush();
  }

  private flush(): void {
    if (this.items.length === 0) return;
    this.units.push({ kind: 'elements', file: this.file, items: this.items });
    this.items = [];
    this.itemChars = 0;
  }
}

/** Only JSON's own whitespace: trimming anything else would make garbage parse. */
function trimJsonSpace(text: string): string {
  let end = text.length;
  for (;;) {
    const c = text.charCodeAt(end - 1);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}
