import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput } from '../../src/ingest/open-input.js';
import { InputError, type InputSource } from '../../src/ingest/types.js';
import { chunked, entries, FIXTURES, read, readStdin, STDIN, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): InputSource {
  writeFileSync(join(dir, name), bytes);
  return { name, path: join(dir, name) };
}

/** ~200 KB of NDJSON that compresses with dynamic Huffman blocks, like real logs. */
function eventLines(count: number): string[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ type: 'track', event: `Event ${Math.floor(random() * 50)}`, messageId: `${i}-${random().toString(36)}`, n: random() }),
  );
}

async function bytesOf(stream: Readable): Promise<{ bytes: Buffer; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of stream) parts.push(chunk as Buffer);
  } catch (error) {
    return { bytes: Buffer.concat(parts), error };
  }
  return { bytes: Buffer.concat(parts) };
}

describe('openInput', () => {
  it('streams a file as it is, and gunzips one that starts with the gzip magic bytes, whatever its name', async () => {
    const text = eventLines(50).join('\n') + '\n';
    expect((await bytesOf(openInput(file('plain.ndjson', text)))).bytes.toString()).toBe(text);
    expect((await bytesOf(openInput(file('compressed.ndjson', gzipSync(text))))).bytes.toString()).toBe(text);
  });

  it('gunzips standard input too, even when the magic bytes arrive one at a time', async () => {
    const text = eventLines(20).join('\n');
    const { bytes } = await bytesOf(openInput(STDIN, chunked(gzipSync(text), 1)));
    expect(bytes.toString()).toBe(text);
  });

  it('emits a missing file, a directory and an unreadable file as an InputError', async () => {
    const errorOf = async (source: InputSource) => (await bytesOf(openInput(source))).error;
    const missing = await errorOf({ name: 'nope.ndjson', path: join(dir, 'nope.ndjson') });
    expect(missing).toBeInstanceOf(InputError);
    expect(missing).toMatchObject({ file: 'nope.ndjson', message: 'nope.ndjson: no such file' });
    expect(await errorOf({ name: 'fixtures', path: FIXTURES })).toMatchObject({
      message: "fixtures is a directory; give files or a glob such as 'logs/**/*.ndjson'",
    });
    if (process.getuid?.() !== 0) {
      const locked = file('locked.ndjson', '{}\n');
      chmodSync(locked.path!, 0o000);
      expect(await errorOf(locked)).toMatchObject({ message: 'locked.ndjson: permission denied' });
    }
  });
});

describe('readUnits when the input fails', () => {
  it('reports a missing file or a directory without a line', async () => {
    const { units, error } = await read({ name: 'gone.ndjson', path: join(dir, 'gone.ndjson') });
    expect(units).toEqual([]);
    expect(error).toMatchObject({ file: 'gone.ndjson', message: 'gone.ndjson: no such file', line: undefined });
    expect((await read({ name: 'fixtures', path: FIXTURES })).error?.message).toMatch(/is a directory/);
  });

  it('reads a gzipped file', async () => {
    const lines = eventLines(3000);
    const { units, error } = await read(file('events.log', gzipSync(lines.join('\n') + '\n')), { chunkBytes: 16 * 1024 });
    expect(error).toBeUndefined();
    expect(entries(units).map((entry) => entry.text)).toEqual(lines);
  });

  it('yields what was decompressed before gzip data turns corrupt half-way, then the error with the line reached', async () => {
    const lines = eventLines(2200);
    const gz = gzipSync(lines.join('\n') + '\n');
    expect(lines.join('\n').length).toBeGreaterThan(190_000);
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, gz.length >> 1, (gz.length >> 1) + 64);
    const { units, error } = await read(file('corrupt.ndjson.gz', corrupt), { chunkBytes: 8 * 1024 });
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(/^corrupt\.ndjson\.gz: corrupt gzip data/);
    // Deflate decodes damaged data into garbage until the checksum at the end fails, so only the
    // lines before the damaged spot are known to come out intact.
    const seen = entries(units);
    expect(seen.slice(0, 1000).map((entry) => entry.text)).toEqual(lines.slice(0, 1000));
    expect(error!.line).toBe(seen.length + 1);
  });

  it('reports a gzip file cut short after yielding every complete line', async () => {
    const lines = eventLines(2200);
    const gz = gzipSync(lines.join('\n') + '\n');
    const { units, error } = await read(file('cut.gz', gz.subarray(0, gz.length >> 1)), { chunkBytes: 8 * 1024 });
    expect(error?.message).toBe('cut.gz: the gzip data ends early (the file is truncated)');
    const seen = entries(units);
    expect(seen.map((entry) => entry.text)).toEqual(lines.slice(0, seen.length));
    expect(seen.length).toBeGreaterThan(lines.length / 3);
    expect(error!.line).toBe(seen.length + 1);
  });

  it('yields every complete line before a read error on standard input', async () => {
    const stdin = Readable.from(
      (async function* () {
        yield Buffer.from('{"a":1}\n{"b":2}\n{"c":');
        throw new Error('connection reset');
      })(),
    );
    const { units, error } = await read(STDIN, { stdin });
    expect(entries(units)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
    ]);
    expect(error).toMatchObject({ file: '<stdin>', message: '<stdin>: connection reset', line: 3 });
  });

  it('yields every complete element before a read error inside a JSON document', async () => {
    const stdin = Readable.from(
      (async function* () {
        yield Buffer.from('[\n{"a":1},\n{"b":2},\n{"c":');
        throw new Error('connection reset');
      })(),
    );
    const { units, error } = await read(STDIN, { stdin });
    expect(entries(units).map((entry) => entry.text)).toEqual(['{"a":1}', '{"b":2}']);
    expect(error?.line).toBe(4);
  });

  it("reads standard input given as '-'", async () => {
    const { units } = await readStdin('{"a":1}\n', 3);
    expect(units).toMatchObject([{ kind: 'lines', file: '<stdin>', firstLine: 1 }]);
  });
});
