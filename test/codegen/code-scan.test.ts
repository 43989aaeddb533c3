import { describe, expect, it } from 'vitest';
import { closingBracket, identifiers, objectFields, renameIdentifiers, splitTopLevel, topLevelDeclarations } from '../../src/codegen/code-scan.js';

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

  it('renames identifiers, not property names or strings', () => {
    const code = 'validate1(data.validate1, "validate1", [...validate1], 1e5, {validate1: x});';
    expect([...identifiers(code)].map((i) => i.name)).toEqual(['validate1', 'data', 'validate1', 'validate1', 'x']);
    expect(renameIdentifiers(code, new Map([['validate1', '$type_A']]))).toBe('$type_A(data.validate1, "validate1", [...$type_A], 1e5, {$type_A: x});');
  });

  it('skips comments, whose text may hold apostrophes and names that are not code', () => {
    const code = "/** The shopper's cart: see $check. */\nconst a = $send(b); // not c's\nd";
    expect([...identifiers(code)].map((i) => i.name)).toEqual(['const', 'a', '$send', 'b', 'd']);
  });

  it('splits ajv output into its top-level declarations', () => {
    const code = 'const schema1 = {"a;":[1]};\nconst t0 = validate1;\n\nfunction validate1(data: any, p = "}"): boolean{\nif(x){return ";";}\n}\n';
    expect(topLevelDeclarations(code)).toEqual([
      { name: 'schema1', code: 'const schema1 = {"a;":[1]};' },
      { name: 't0', code: 'const t0 = validate1;' },
      { name: 'validate1', code: 'function validate1(data: any, p = "}"): boolean{\nif(x){return ";";}\n}' },
    ]);
    expect(() => topLevelDeclarations('let x = 1;')).toThrow(/unexpected top-level statement/);
  });
});
