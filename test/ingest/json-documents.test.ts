import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkUnit } from '../../src/ingest/types.js';
import { entries, FIXTURES, fixture, kinds, read, readStdin, type Entry } from './helpers.js';

/** Checks that each element's text is found in the source where its line and column (UTF-16) say. */
function expectAtTheirPositions(source: string, found: Entry[]): void {
  const lines = source.replace(/^\ufeff/, '').split('\n');
  for (const entry of found) {
    const firstLine = entry.text!.split('\n')[0]!;
    expect(lines[entry.line - 1]!.slice(entry.column! - 1), `element at ${entry.line}:${entry.column}`).toMatch(
      new RegExp(`^${firstLine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  }
}

async function readFixture(name: string): Promise<{ units: WorkUnit[]; found: Entry[]; source: string }> {
  const { units, error } = await read(fixture(name));
  expect(error).toBeUndefined();
  return { units, found: entries(units), source: readFileSync(join(FIXTURES, name), 'utf8') };
}

describe('readUnits on a JSON array', () => {
  it('yields each element as written, with line, column and index', async () => {
    const { units, found, source } = await readFixture('array.json');
    expect(kinds(units)).toEqual(['elements']);
    expect(found).toEqual([
      {
        text: '{"event": "Order Completed", "properties": {"products": [{"id": 1}, {"id": 2}]}}',
        line: 2,
        column: 3,
        index: 0,
      },
      { text: '{\n    "event": "Product Added"\n  }', line: 3, column: 3, index: 1 },
      { text: '"not an object"', line: 6, column: 5, index: 2 },
      { text: '42', line: 7, column: 3, index: 3 },
    ]);
    expectAtTheirPositions(source, found);
  });

  it('is not fooled by brackets, commas, escaped quotes and backslashes in strings; columns count UTF-16 units', async () => {
    const { found, source } = await readFixture('array-tricky-strings.json');
    expect(found.map((entry) => JSON.parse(entry.text!))).toEqual(JSON.parse(source));
    expect(found.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(found.slice(4).map((entry) => [entry.line, entry.column])).toEqual([
      [2, 2],
      [2, 21],
      [2, 27],
    ]);
    expectAtTheirPositions(source, found);
  });

  it('yields nothing for an empty array', async () => {
    expect((await readStdin('[]')).units).toEqual([]);
    expect((await readStdin(' [ \n ] \n')).units).toEqual([]);
  });

  it('batches elements into units of at most maxElementsPerUnit, or about chunkBytes of text', async () => {
    const array = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ i })));
    const byCount = await readStdin(array, Infinity, { maxElementsPerUnit: 3 });
    expect(byCount.units.map((unit) => (unit.kind === 'elements' ? unit.items.length : 0))).toEqual([3, 3, 3, 1]);
    const bySize = await readStdin(array, Infinity, { chunkBytes: 14 });
    expect(bySize.units.map((unit) => (unit.kind === 'elements' ? unit.items.length : 0))).toEqual([2, 2, 2, 2, 2]);
    expect(entries(bySize.units).map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('readUnits on a {"batch": [...]} document', () => {
  it('yields the elements of the top-level batch array only, whatever keys surround it', async () => {
    const { found, source } = await readFixture('batch.json');
    expect(found).toEqual([
      { text: '{\n      "type": "track",\n      "event": "Order Completed"\n    }', line: 5, column: 5, index: 0 },
      { text: '{\n      "type": "identify",\n      "userId": "u1"\n    }', line: 9, column: 5, index: 1 },
    ]);
    expectAtTheirPositions(source, found);
  });

  it('treats an object without a batch array as one event', async () => {
    const { found, source } = await readFixture('single-event.json');
    expect(found).toEqual([{ text: source.trimEnd(), line: 1, column: 1 }]);
  });

  it('reads an object with a type as one event, batch array or not, as an NDJSON line would be read', async () => {
    // Found by the lint property (fast-check): the event was read as an empty batch, and lost.
    const text = '{\n  "type": "track",\n  "batch": [\n  ]}\n{\n  "typ": "x",\n  "batch": [1]\n}\n';
    expect(entries((await readStdin(text)).units)).toEqual([
      { text: '{\n  "type": "track",\n  "batch": [\n  ]}', line: 1, column: 1 },
      { text: '1', line: 7, column: 13, index: 0 },
    ]);
  });

  it('reads pretty-printed objects one after another (jq output) as one event each', async () => {
    const { found } = await readFixture('jq-stream.json');
    expect(found).toEqual([
      { text: '{\n  "event": "A"\n}', line: 1, column: 1 },
      { text: '{\n  "event": "B"\n}', line: 4, column: 1 },
    ]);
  });

  it('decides from the first line alone: an object still open at its end is a document', async () => {
    const { units } = await readStdin('\n\n  {"batch": [\n{"a":1}]}\n');
    expect(entries(units)).toEqual([{ text: '{"a":1}', line: 4, column: 1, index: 0 }]);
  });
});

describe('readUnits on malformed JSON documents', () => {
  it('emits the unfinished element of a truncated array with the text it has', async () => {
    const { found } = await readFixture('truncated-array.json');
    expect(found).toEqual([
      { text: '{"event": "A"}', line: 2, column: 3, index: 0 },
      { text: '{"event": "B", "properties": {"name": "cut her', line: 3, column: 3, index: 1 },
    ]);
  });

  it('emits the unfinished element of a truncated batch document', async () => {
    const { found } = await readFixture('truncated-batch.json');
    expect(found).toEqual([
      { text: '{"event": "A"}', line: 3, column: 5, index: 0 },
      { text: '{"event": "B", "pro', line: 4, column: 5, index: 1 },
    ]);
  });

  it('emits a truncated single-event document as it is', async () => {
    expect(entries((await readStdin('{"type": "track",\n "event": "A')).units)).toEqual([
      { text: '{"type": "track",\n "event": "A', line: 1, column: 1 },
    ]);
  });

  it('emits an empty element where a document breaks off with nothing pending', async () => {
    expect(entries((await readStdin('[')).units)).toEqual([{ text: '', line: 1, column: 2, index: 0 }]);
    expect(entries((await readStdin('[1,\n')).units)).toEqual([
      { text: '1', line: 1, column: 2, index: 0 },
      { text: '', line: 2, column: 1, index: 1 },
    ]);
    expect(entries((await readStdin('{\n"batch": [1]')).units)).toEqual([
      { text: '1', line: 2, column: 11, index: 0 },
      { text: '', line: 2, column: 13 },
    ]);
    expect(entries((await readStdin('{\n"batch": [1], "sentAt": "2024')).units)).toEqual([
      { text: '1', line: 2, column: 11, index: 0 },
      { text: ', "sentAt": "2024', line: 2, column: 13 },
    ]);
  });

  it('ends an unterminated string at the end of its line, so the next elements survive', async () => {
    const { found } = await readFixture('unterminated-string.json');
    expect(found).toEqual([
      { text: '{\n    "event": "A,\n    "n": 1\n  }', line: 2, column: 3, index: 0 },
      { text: '{"event": "B"}', line: 6, column: 3, index: 1 },
    ]);
    expect(() => JSON.parse(found[0]!.text!)).toThrow();
  });

  it('emits an empty slot as an empty element at the separator that ends it', async () => {
    const { found } = await readFixture('empty-slots.json');
    expect(found).toEqual([
      { text: '1', line: 1, column: 2, index: 0 },
      { text: '', line: 1, column: 4, index: 1 },
      { text: '2', line: 1, column: 5, index: 2 },
      { text: '', line: 1, column: 7, index: 3 },
    ]);
    expect(entries((await readStdin('[,]')).units).map((entry) => entry.text)).toEqual(['', '']);
  });

  it('keeps garbage between values inside the slot, which then fails to parse', async () => {
    const { found } = await readFixture('garbage-in-slot.json');
    expect(found).toEqual([
      { text: '{"a":1} x {"b":2}', line: 1, column: 2, index: 0 },
      { text: '{"c":3}', line: 1, column: 21, index: 1 },
    ]);
    expect(() => JSON.parse(found[0]!.text!)).toThrow();
  });

  it('emits garbage after the top-level value as an element of its own, then goes on', async () => {
    expect(entries((await readStdin('[1]\n oops }\n[2]')).units)).toEqual([
      { text: '1', line: 1, column: 2, index: 0 },
      { text: 'oops }', line: 2, column: 2 },
      { text: '2', line: 3, column: 2, index: 0 },
    ]);
  });

  it('looks for batch only among the members of a top-level object', async () => {
    expect(entries((await readStdin('{\n"batch":}\n[[1],[2]]')).units)).toEqual([
      { text: '{\n"batch":}', line: 1, column: 1 },
      { text: '[1]', line: 3, column: 2, index: 0 },
      { text: '[2]', line: 3, column: 6, index: 1 },
    ]);
  });

  it('does not treat a stray closing brace in an array as the end of the array', async () => {
    expect(entries((await readStdin('[1 }, 2]')).units)).toEqual([
      { text: '1 }', line: 1, column: 2, index: 0 },
      { text: '2', line: 1, column: 7, index: 1 },
    ]);
  });
});
