import { describe, expect, it } from 'vitest';
import { closingBracket, objectFields, splitTopLevel } from '../../src/codegen/code-scan.js';

describe('code-scan', () => {
  it('matches brackets outside strings, whatever the strings hold', () => {
    const code = 'f({a:"}),\\"(", b:[1,\'])\'], c:{d:(2)}}) + x';
    expect(closingBracket(code, 1)).toBe(code.indexOf(') + x'));
    expect(() => closingBracket('f({a:1)', 1)).toThrow(/unbalanced brackets/);
    expect(() => closingBracket('f("a)', 1)).toThrow(/unterminated string/);
  });

  it('splits at top-level commas only', () => {
    expect(splitTopLevel('data[i0], {instancePath:instancePath+"/a,b",rootData}, g(1, 2)')).toEqual(['data[i0]', '{instancePath:instancePath+"/a,b",rootData}', 'g(1, 2)']);
    expect(splitTopLevel('')).toEqual([]);
  });

  it('reads the fields of an object literal, shorthand ones included', () => {
    const fields = objectFields('{instancePath,keyword:"required",params:{missingProperty: "a,}"},message:"x"+"y"}');
    expect([...fields]).toEqual([
      ['instancePath', 'instancePath'],
      ['keyword', '"required"'],
      ['params', '{missingProperty: "a,}"}'],
      ['message', '"x"+"y"'],
    ]);
    expect(objectFields('{}').size).toBe(0);
    expect(() => objectFields('{a:1} + 1')).toThrow(/not an object literal/);
    expect(() => objectFields('{"a":1}')).toThrow(/unexpected field/);
  });
});
