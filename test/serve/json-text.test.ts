import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/serve/json-text.js';

describe('jsonText', () => {
  it('writes what JSON.stringify writes, and goes on where it runs out of stack', () => {
    const value = JSON.parse('{"a":[1,"two",{"__proto__":null,"b":[true,false,null]}],"é":"\\u2028","n":-0.5}');
    expect(jsonText(value)).toBe(JSON.stringify(value));
    const deepArrays = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    expect(jsonText(JSON.parse(deepArrays))).toBe(deepArrays);
    const deepObjects = `${'{"k":'.repeat(20_000)}{"x":[1,{"y":"z"}],"w":null}${'}'.repeat(20_000)}`;
    expect(jsonText(JSON.parse(deepObjects))).toBe(deepObjects);
  });
});
