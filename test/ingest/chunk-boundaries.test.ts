import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WorkUnit } from '../../src/ingest/types.js';
import { chunked, entries, FIXTURES, read, STDIN, type Read } from './helpers.js';

const inline: Record<string, string> = {
  'ndjson with multibyte text and no final break': '{"e":"日本"}\n\n{"e":"😀 ✓"}\r\n  {"e":"x"}',
  'leading blank lines and indent before a document': '\ufeff\n \r\n  [1, {"a": "]"},\n  "😀", [2, [3]]]',
  'first line closes, then a pretty object': '{"a":1}\n{\n  "b": 2\n}\n',
  'unterminated string in a batch': '{"x": "y",\n "batch": [\n  {"a": "b\n  },\n  {"c": 1}\n ],\n "z": 0}\n',
  'garbage between values': '[1] x [2,,] } {"batch":[{"k":"\\\\"}]} "s"',
  'truncated inside an escape': '[{"a": "x\\',
  'ndjson with a truncated first line': '{"a": "cut\n{"b": 1}\n{"c": {"d": 2\n{"e": 3}\n',
};

const inputs: Array<[string, Buffer]> = [
  ...readdirSync(FIXTURES).map((name): [string, Buffer] => [name, readFileSync(join(FIXTURES, name))]),
  ...Object.entries(inline).map(([name, text]): [string, Buffer] => [name, Buffer.from(text)]),
];

/** Small units, so that cutting and batching happen inside these small inputs too. */
const OPTIONS = { chunkBytes: 24, maxElementsPerUnit: 2 };

function comparable(units: WorkUnit[]): unknown[] {
  return units.map((unit) => (unit.kind === 'lines' ? { ...unit, data: Buffer.from(unit.data).toString('latin1') } : unit));
}

async function readSplit(bytes: Buffer, chunks: Buffer[]): Promise<Read> {
  expect(Buffer.concat(chunks)).toEqual(bytes);
  return read(STDIN, { ...OPTIONS, stdin: Readable.from(chunks) });
}

describe('readUnits does not depend on how the input is chunked', () => {
  for (const [name, bytes] of inputs) {
    it(name, async () => {
      const whole = await read(STDIN, { ...OPTIONS, stdin: chunked(bytes) });
      expect(whole.error).toBeUndefined();
      const expected = comparable(whole.units);
      for (const size of [1, 2, 3, 7, 13]) {
        const split = await read(STDIN, { ...OPTIONS, stdin: chunked(bytes, size) });
        expect(comparable(split.units), `chunks of ${size} bytes`).toEqual(expected);
      }
      for (let at = 1; at < bytes.length; at++) {
        const split = await readSplit(bytes, [bytes.subarray(0, at), bytes.subarray(at)]);
        expect(comparable(split.units), `split at byte ${at}`).toEqual(expected);
      }
      if (bytes.length > 0) {
        const zipped = await read(STDIN, { ...OPTIONS, stdin: chunked(gzipSync(bytes), 5) });
        expect(comparable(zipped.units), 'gzipped').toEqual(expected);
      }
    });
  }

  it('sees the same lines and elements whatever chunkBytes is', async () => {
    for (const [, bytes] of inputs) {
      const big = entries((await read(STDIN, { stdin: chunked(bytes) })).units);
      const small = entries((await read(STDIN, { chunkBytes: 1, maxElementsPerUnit: 1, stdin: chunked(bytes, 4) })).units);
      expect(small).toEqual(big);
    }
  });
});
