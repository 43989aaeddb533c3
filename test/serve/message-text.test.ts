import { describe, expect, it } from 'vitest';
import { messageTexts, type MessageText } from '../../src/serve/message-text.js';

const texts = (body: string, kind: 'single' | 'batch'): Array<MessageText & { text: string }> | undefined => {
  const bytes = Buffer.from(body);
  return messageTexts(bytes, kind)?.map((t) => ({ ...t, text: bytes.subarray(t.start, t.end).toString() }));
};

describe('messageTexts', () => {
  it("finds a single call's object and the values of the keys the server sets, in bytes", () => {
    const [m] = texts(' {"type":"track","é":"ü","messageId":"m-1" , "receivedAt":null}\n', 'single')!;
    expect(m).toMatchObject({ text: '{"type":"track","é":"ü","messageId":"m-1" , "receivedAt":null}', spliceable: true, hasMembers: true });
    const bytes = Buffer.from(' {"type":"track","é":"ü","messageId":"m-1" , "receivedAt":null}\n');
    expect(Object.fromEntries(Object.entries(m!.values).map(([k, [a, b]]) => [k, bytes.subarray(a, b).toString()]))).toEqual({ type: '"track"', messageId: '"m-1"', receivedAt: 'null' });
    expect(texts('{}', 'single')![0]).toMatchObject({ text: '{}', spliceable: true, hasMembers: false });
  });

  it("finds the elements of the body's last batch array, skipping strings, escapes and nesting", () => {
    const body = '{"batch":[{"a":1}],"x":{"batch":[{"no":1}]},"s":"\\"batch\\":[","batch": [ {"b":"}],\\\\"} ,\t7, {"c":[{"d":"]"}]}, "str", [1] ] }';
    expect(texts(body, 'batch')!.map((t) => [t.text, t.spliceable])).toEqual([
      ['{"b":"}],\\\\"}', true],
      ['7', false],
      ['{"c":[{"d":"]"}]}', true],
      ['"str"', false],
      ['[1]', false],
    ]);
    expect(texts('{"batch":[]}', 'batch')).toEqual([]);
    expect(texts('{"sentAt":"x"}', 'batch')).toEqual([]);
  });

  it('leaves alone what splicing could get wrong: line breaks, escaped keys, a key the server sets given twice', () => {
    const [broken, escaped, twice, nestedBreak, escapedOther] = texts('{"batch":[{"a":\n1},{"t\\u0079pe":"x"},{"receivedAt":1,"receivedAt":2},{"a":{"b":\r\n1}},{"\\"":1}]}', 'batch')!;
    expect([broken!.spliceable, escaped!.spliceable, twice!.spliceable, nestedBreak!.spliceable, escapedOther!.spliceable]).toEqual([false, false, false, false, false]);
    // Line breaks between messages are no part of any.
    expect(texts('{"batch":[\n{"a":1},\r\n{"b":2}\n]}', 'batch')!.map((t) => t.spliceable)).toEqual([true, true]);
  });

  it('gives up on a batch whose own keys are escaped: the array JSON.parse took may be another', () => {
    expect(texts('{"batch":[{"a":1}],"b\\u0061tch":[{"b":2}]}', 'batch')).toBeUndefined();
  });
});
