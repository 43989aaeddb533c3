import { describe, expect, it } from 'vitest';
import { entries, fixture, kinds, read, readStdin } from './helpers.js';

describe('readUnits on NDJSON', () => {
  it('reads CRLF line endings', async () => {
    const { units, error } = await read(fixture('crlf.ndjson'));
    expect(error).toBeUndefined();
    expect(kinds(units)).toEqual(['lines']);
    expect(entries(units)).toEqual([
      { line: 1, text: '{"event":"A"}' },
      { line: 2, text: '{"event":"B"}' },
      { line: 4, text: '{"event":"C"}' },
    ]);
  });

  it('drops a UTF-8 BOM', async () => {
    const { units } = await read(fixture('bom.ndjson'));
    expect(units[0]).toMatchObject({ kind: 'lines', file: 'bom.ndjson', firstLine: 1 });
    expect(entries(units)).toEqual([
      { line: 1, text: '{"event":"A"}' },
      { line: 2, text: '{"event":"B"}' },
    ]);
  });

  it('skips blank lines, leading ones included, but keeps counting them', async () => {
    const { units } = await read(fixture('blank-lines.ndjson'));
    expect(entries(units)).toEqual([
      { line: 2, text: '{"event":"A"}' },
      { line: 6, text: '{"event":"B"}' },
    ]);
  });

  it('passes a truncated last line on as it is', async () => {
    const { units, error } = await read(fixture('truncated-last-line.ndjson'));
    expect(error).toBeUndefined();
    expect(entries(units).at(-1)).toEqual({ line: 3, text: '{"event":"C","prop' });
  });

  it('marks the one line that is not UTF-8', async () => {
    const { units } = await read(fixture('invalid-utf8.ndjson'));
    expect(entries(units)).toEqual([
      { line: 1, text: '{"event":"A"}' },
      { line: 2, text: undefined },
      { line: 3, text: '{"event":"\uFFFD ok"}' },
      { line: 4, text: '{"event":"café"}' },
    ]);
  });

  it('yields nothing for an empty or whitespace-only input', async () => {
    expect(await read(fixture('empty.ndjson'))).toEqual({ units: [] });
    expect(await read(fixture('whitespace-only.ndjson'))).toEqual({ units: [] });
    expect(await readStdin('')).toEqual({ units: [] });
    expect(await readStdin('\ufeff \n')).toEqual({ units: [] });
  });

  it('reads an object that closes on its first line as NDJSON', async () => {
    const { units } = await read(fixture('one-line-objects.ndjson'));
    expect(kinds(units)).toEqual(['lines']);
    expect(entries(units)).toHaveLength(2);
  });

  it('reads lines that are not objects, and a first line whose object closes before garbage, as NDJSON', async () => {
    const { units } = await readStdin('not json\n{"a":1}\n');
    expect(entries(units)).toEqual([
      { line: 1, text: 'not json' },
      { line: 2, text: '{"a":1}' },
    ]);
    const garbageAfter = await readStdin('{"a":1} {"b":\n{"c":3}\n');
    expect(entries(garbageAfter.units)).toEqual([
      { line: 1, text: '{"a":1} {"b":' },
      { line: 2, text: '{"c":3}' },
    ]);
  });

  it('reads NDJSON whose first line is cut short as NDJSON, not as one broken document', async () => {
    const inString = await readStdin('{"type":"track","event":"Order Compl\n{"b":2}\n');
    expect(kinds(inString.units)).toEqual(['lines']);
    expect(entries(inString.units)).toEqual([
      { line: 1, text: '{"type":"track","event":"Order Compl' },
      { line: 2, text: '{"b":2}' },
    ]);
    const afterValue = await readStdin('{"a":{"n":12\n\n {"b":2}\n');
    expect(entries(afterValue.units)).toEqual([
      { line: 1, text: '{"a":{"n":12' },
      { line: 3, text: ' {"b":2}' },
    ]);
  });

  it('still reads a first line that ends where JSON goes on, followed by an object, as a document', async () => {
    for (const text of ['{"batch":[\n{"a":1}]}\n', '{"x": 1,\n"batch": [{"a":1}]}\n', '{\n"batch": [{"a":1}]}\n']) {
      const { units } = await readStdin(text);
      expect(kinds(units), text).toEqual(['elements']);
    }
  });

  it('cuts units of about chunkBytes just after a line break, with the right first line', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ event: `E${i}`, pad: 'x'.repeat(i % 7) }));
    const { units } = await readStdin(lines.join('\n') + '\n', 13, { chunkBytes: 64 });
    expect(units.length).toBeGreaterThan(20);
    let expectedLine = 1;
    for (const unit of units) {
      if (unit.kind !== 'lines') throw new Error('expected lines');
      expect(unit.firstLine).toBe(expectedLine);
      expect(unit.data.at(-1)).toBe(10);
      // About chunkBytes: never more than the target plus one line.
      expect(unit.data.byteLength).toBeLessThanOrEqual(64 + 30);
      expectedLine += Buffer.from(unit.data).toString().split('\n').length - 1;
    }
    expect(entries(units).map((entry) => entry.text)).toEqual(lines);
  });

  it('keeps a 50 MB line whole, in one unit, in linear time', async () => {
    const long = `{"event":"Big","blob":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const started = performance.now();
    // Small chunks: rescanning the line for a break on every chunk would take minutes.
    const { units, error } = await readStdin(`{"event":"A"}\n${long}\n{"event":"B"}\n`, 4 * 1024, { chunkBytes: 64 * 1024 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeUndefined();
    const bigUnits = units.filter((unit) => unit.kind === 'lines' && unit.data.byteLength > long.length);
    expect(bigUnits).toHaveLength(1);
    expect(bigUnits[0]).toMatchObject({ firstLine: 2 });
    const seen = entries(units);
    expect(seen.map((entry) => entry.line)).toEqual([1, 2, 3]);
    expect(seen[1]!.text === long).toBe(true);
  });
});
