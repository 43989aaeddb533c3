import type { Diagnostic } from '../core/diagnostic.js';
import { SummaryCounter, type ReportSummary } from '../core/report.js';

/** One message as the debugger and the test API show it. */
export interface LiveRecord {
  /** Order of arrival since start, from 1; survives a reset, so a page can tell old from new. */
  seq: number;
  receivedAt: string;
  type: string;
  /** Event, page or screen name, when the message has one. */
  name?: string;
  /**
   * Where the message's line as stored (JSON text in UTF-8) is: bytes `start` to `end` of memory
   * shared with the other lines of its request. A view of its own for each record was an object
   * more for every young-generation collection to copy (measured: 620 KB copied per collection
   * against 360 KB).
   */
  block: ArrayBufferLike;
  start: number;
  end: number;
  diagnostics: readonly Diagnostic[];
}

/** A record's message as stored. */
export function lineText(record: LiveRecord): string {
  return Buffer.from(record.block, record.start, record.end - record.start).toString();
}

export interface EventQuery {
  type?: string;
  event?: string;
  problems?: boolean;
  limit?: number;
}

/** Messages kept for the page and the API; older ones are still in the files, and counted. */
export const MAX_RECORDS = 10_000;

/**
 * What the server has received since it started or was last reset: the newest messages with their
 * diagnostics, and the counts `cdp lint --format json` would give for all of them.
 */
export class LiveState {
  /** The newest MAX_RECORDS records, in a ring: the one added last is at #next - 1. */
  #records: LiveRecord[] = [];
  #next = 0;
  #counter = new SummaryCounter();
  #stats = { read: 0, valid: 0, invalid: 0, malformed: 0 };
  #files = new Set<string>();
  #seq = 0;
  readonly #listeners = new Set<(record: LiveRecord) => void>();

  /** A message stored in `file` as `line`, with what the checker found. */
  add(message: unknown, line: Buffer, receivedAt: string, diagnostics: readonly Diagnostic[], file: string): LiveRecord {
    this.#files.add(file);
    const m = message !== null && typeof message === 'object' ? (message as Record<string, unknown>) : {};
    const rawName = m.type === 'track' ? m.event : m.name;
    const record: LiveRecord = { seq: ++this.#seq, receivedAt, type: typeof m.type === 'string' ? m.type : '', block: line.buffer, start: line.byteOffset, end: line.byteOffset + line.length, diagnostics };
    if (typeof rawName === 'string') record.name = rawName;
    this.#records[this.#next] = record;
    this.#next = (this.#next + 1) % MAX_RECORDS;
    for (const d of diagnostics) this.#counter.add(d);
    this.#stats.read++;
    if (diagnostics.length === 0) this.#stats.valid++;
    else this.#stats.invalid++;
    for (const listener of this.#listeners) listener(record);
    return record;
  }

  /** The seq of the latest record, 0 before the first. */
  get lastSeq(): number {
    return this.#seq;
  }

  /** `cdp lint --format json`'s summary over everything received since start or reset. */
  summary(): ReportSummary {
    return this.#counter.summary({ files: this.#files.size, ...this.#stats });
  }

  /** Newest first. */
  events(query: EventQuery = {}): LiveRecord[] {
    const out: LiveRecord[] = [];
    const limit = query.limit ?? MAX_RECORDS;
    const kept = this.#records.length;
    for (let k = 1; k <= kept && out.length < limit; k++) {
      const r = this.#records[(this.#next - k + kept) % kept]!;
      if (query.type !== undefined && r.type !== query.type) continue;
      if (query.event !== undefined && r.name !== query.event) continue;
      if (query.problems !== undefined && query.problems !== r.diagnostics.length > 0) continue;
      out.push(r);
    }
    return out;
  }

  reset(): void {
    this.#records = [];
    this.#next = 0;
    this.#counter = new SummaryCounter();
    this.#stats = { read: 0, valid: 0, invalid: 0, malformed: 0 };
    this.#files = new Set();
  }

  /** Calls `listener` with every record added from now on; returns the function that stops it. */
  subscribe(listener: (record: LiveRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
