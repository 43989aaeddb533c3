import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/ingest/lines.js';

function visitAll(data: Uint8Array | string, firstLine = 1): Array<[string | undefined, number]> {
  const seen: Array<[string | undefined, number]> = [];
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  forEachLine({ data: bytes, firstLine }, (text, line) => seen.push([text, line]));
  return seen;
}

describe('forEachLine', () => {
  it('numbers lines from firstLine, with or without a final line break', () => {
    expect(visitAll('{"a":1}\n{"b":2}\n', 10)).toEqual([
      ['{"a":1}', 10],
      ['{"b":2}', 11],
    ]);
    expect(visitAll('{"a":1}\n{"b":2}', 3)).toEqual([
      ['{"a":1}', 3],
      ['{"b":2}', 4],
    ]);
  });

  it('drops one trailing \\r and skips blank lines while counting them', () => {
    expect(visitAll('a\r\n\r\n \t \r\n\nb\r\r\n  c  \n')).toEqual([
      ['a', 1],
      ['b\r', 5],
      ['  c  ', 6],
    ]);
  });

  it('visits nothing for empty data or blank lines only', () => {
    expect(visitAll('')).toEqual([]);
    expect(visitAll('\n \n\t\r\n')).toEqual([]);
  });

  it('gives undefined text for a line that is not UTF-8, and only for that line', () => {
    const data = Buffer.concat([
      Buffer.from('{"a":"ok"}\n{"a":"'),
      Buffer.from([0xff, 0xc3]),
      Buffer.from('"}\n{"a":"\uFFFD is a real character"}\n{"a":"'),
      Buffer.from([0xe2, 0x82]), // a three-byte sequence cut short at the end of the data
    ]);
    expect(visitAll(data)).toEqual([
      ['{"a":"ok"}', 1],
      [undefined, 2],
      ['{"a":"\uFFFD is a real character"}', 3],
      [undefined, 4],
    ]);
  });

  it('reads a view into a larger buffer without looking outside it', () => {
    const whole = Buffer.from('xx\n{"a":1}\n{"b":2}\nyy');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 3, 16);
    expect(visitAll(view, 2)).toEqual([
      ['{"a":1}', 2],
      ['{"b":2}', 3],
    ]);
  });
});
