import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { forEachLine } from '../../src/ingest/lines.js';
import { readUnits, type ReadUnitsOptions } from '../../src/ingest/read-units.js';
import { InputError, type InputSource, type WorkUnit } from '../../src/ingest/types.js';

export const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;

export function fixture(name: string): InputSource {
  return { name, path: join(FIXTURES, name) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cdp-ingest-'));
}

export const STDIN: InputSource = { name: '<stdin>', stdin: true };

/** A stream delivering `bytes` in chunks of `size` bytes. */
export function chunked(bytes: Uint8Array | string, size = Infinity): Readable {
  const all = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length; at += size) chunks.push(all.subarray(at, Math.min(all.length, at + size)));
  return Readable.from(chunks);
}

export interface Read {
  units: WorkUnit[];
  error?: InputError;
}

export async function read(source: InputSource, options?: ReadUnitsOptions): Promise<Read> {
  const units: WorkUnit[] = [];
  try {
    for await (const unit of readUnits(source, options)) units.push(unit);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { units, error };
  }
  return { units };
}

export async function readStdin(bytes: Uint8Array | string, size = Infinity, options: ReadUnitsOptions = {}): Promise<Read> {
  return read(STDIN, { ...options, stdin: chunked(bytes, size) });
}

export interface Entry {
  line: number;
  text: string | undefined;
  column?: number;
  index?: number;
}

/** What a consumer sees: every line or element, in order, with its position. */
export function entries(units: WorkUnit[]): Entry[] {
  const out: Entry[] = [];
  for (const unit of units) {
    if (unit.kind === 'lines') forEachLine(unit, (text, line) => out.push({ line, text }));
    else for (const item of unit.items) out.push({ ...item });
  }
  return out;
}

export function kinds(units: WorkUnit[]): string[] {
  return [...new Set(units.map((unit) => unit.kind))];
}
