import type { WorkUnit } from './types.js';

const LF = 10;

/**
 * Cuts a byte stream of NDJSON into `lines` units of about `target` bytes, each ending just after a
 * line break (except the last unit of the input). Chunks are kept as a list and copied once into
 * the unit, and the search for a line break never rescans bytes already known to hold none, so a
 * single 50 MB line costs linear time. Where the units are cut depends only on the bytes, not on
 * how they were chunked.
 */
export class LineSplitter {
  readonly units: WorkUnit[] = [];
  /** The number of the first line not yet in a unit. */
  line: number;
  private pieces: Buffer[] = [];
  private bytes = 0;
  /** How many of the pending bytes, from the start, are known to hold no line break. */
  private clean = 0;

  constructor(
    private readonly file: string,
    firstLine: number,
    private readonly target: number,
  ) {
    this.line = firstLine;
  }

  write(chunk: Buffer): void {
    this.pieces.push(chunk);
    this.bytes += chunk.length;
    while (this.bytes >= this.target) {
      const cut = this.findCut();
      if (cut < 0) return;
      this.emit(cut);
    }
  }

  end(): void {
    if (this.bytes > 0) this.emit(this.bytes);
  }

  /** The input broke off: hand on the complete lines; the unfinished one is lost with the error. */
  fail(): void {
    const cut = this.lastBreakBefore(this.bytes);
    if (cut > 0) this.emit(cut);
  }

  /** Just after the last line break within `target` bytes, or else the first one after; -1 if none yet. */
  private findCut(): number {
    const before = this.lastBreakBefore(this.target);
    if (before > 0) return before;
    const after = this.firstBreakFrom(Math.max(this.clean, this.target));
    if (after < 0) this.clean = this.bytes;
    return after;
  }

  private firstBreakFrom(from: number): number {
    // Walk back from the newest piece: while a long line grows, only the newest pieces are unsearched.
    let k = this.pieces.length;
    let start = this.bytes;
    while (k > 0 && start > from) start -= this.pieces[--k]!.length;
    for (; k < this.pieces.length; k++) {
      const piece = this.pieces[k]!;
      const at = piece.indexOf(LF, Math.max(0, from - start));
      if (at >= 0) return start + at + 1;
      start += piece.length;
    }
    return -1;
  }

  private lastBreakBefore(limit: number): number {
    if (limit <= this.clean) return -1;
    let start = this.bytes;
    for (let k = this.pieces.length - 1; k >= 0 && start > this.clean; k--) {
      const piece = this.pieces[k]!;
      start -= piece.length;
      if (start >= limit) continue;
      const at = piece.lastIndexOf(LF, limit - 1 - start);
      if (at >= 0 && start + at >= this.clean) return start + at + 1;
    }
    this.clean = Math.max(this.clean, Math.min(limit, this.bytes));
    return -1;
  }

  private emit(length: number): void {
    // Every byte is copied in below, so the memory need not be zeroed first; not from Buffer's
    // shared pool, so the unit owns its whole ArrayBuffer and can be moved to a worker.
    const data = Buffer.allocUnsafeSlow(length);
    let filled = 0;
    while (filled < length) {
      const piece = this.pieces[0]!;
      const take = Math.min(piece.length, length - filled);
      data.set(take === piece.length ? piece : piece.subarray(0, take), filled);
      filled += take;
      if (take === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.subarray(take);
    }
    this.bytes -= length;
    this.clean = Math.max(0, this.clean - length);
    this.units.push({ kind: 'lines', file: this.file, firstLine: this.line, data });
    this.line += countBreaks(data);
  }
}

function countBreaks(data: Uint8Array): number {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}
