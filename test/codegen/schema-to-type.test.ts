import { describe, expect, it } from 'vitest';
import { objectMembers, propertyKey, schemaToType, type TypeContext } from '../../src/codegen/schema-to-type.js';

const closed: TypeContext = { typeName: (n) => `T_${n}`, open: false };

describe('schemaToType', () => {
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: 'integer' }, 'number'],
    [{ type: ['string', 'null'] }, 'string | null'],
    [{ enum: ['a', 'b"c', 1, null] }, '"a" | "b\\"c" | 1 | null'],
    [{ type: 'string', enum: ['x'] }, '"x"'],
    [{ const: true }, 'true'],
    [{ $ref: '#/types/Money' }, 'T_Money'],
    [{ anyOf: [{ $ref: '#/types/Currency' }, { type: 'null' }] }, 'T_Currency | null'],
    [{ type: 'array', items: { type: ['string', 'number'] } }, 'Array<string | number>'],
    [{ type: 'array', items: { $ref: '#/types/Product' } }, 'T_Product[]'],
    [{ type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false }, '[string, number]'],
    [{ type: 'array' }, 'unknown[]'],
    [{ type: 'object' }, 'Record<string, unknown>'],
    [{ type: 'object', properties: {} }, 'Record<string, never>'],
    [{ allOf: [{ $ref: '#/types/A' }, { anyOf: [{ $ref: '#/types/B' }, { $ref: '#/types/C' }] }] }, 'T_A & (T_B | T_C)'],
    [{}, 'unknown'],
    [true, 'unknown'],
    [false, 'never'],
  ])('%j is %s', (schema, expected) => {
    expect(schemaToType(schema, closed)).toBe(expected);
  });

  it('writes objects with exact optional and required members, quoting keys that are not identifiers', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', description: 'The id.' }, 'first name': { type: 'string' }, constructor: { type: 'string' } }, required: ['id'] };
    expect(schemaToType(schema, closed)).toBe('{\n  /** The id. */\n  id: string;\n  "first name"?: string;\n  constructor?: string | Object["constructor"];\n}');
  });

  it('opens an object to other keys only when the policy is off or the schema allows them', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(schemaToType(schema, { ...closed, open: true })).toBe('{\n  a?: string;\n  [property: string]: unknown;\n}');
    expect(schemaToType({ ...schema, additionalProperties: { type: 'number' } }, closed)).toContain('[property: string]: unknown;');
    expect(schemaToType({ ...schema, additionalProperties: false }, { ...closed, open: true })).not.toContain('[property: string]');
  });
});

describe('objectMembers with an owner', () => {
  it('names objects in properties and array items after the owner and the key', () => {
    const declared: string[] = [];
    const ctx: TypeContext = { ...closed, nested: (name) => (declared.push(name), `${name}Declared`) };
    const object = { type: 'object', properties: { street: { type: 'string' } } };
    const schema = { type: 'object', properties: { address: object, 'line items': { type: 'array', items: object }, tags: { type: 'array', items: { type: 'string' } }, either: { anyOf: [object, { type: 'null' }] } } };
    expect(objectMembers(schema, ctx, '', false, 'OrderProperties')).toBe(
      'address?: OrderAddressDeclared;\n"line items"?: OrderLineItemsItemDeclared[];\ntags?: string[];\neither?: {\n  street?: string;\n} | null;\n',
    );
    expect(declared).toEqual(['OrderAddress', 'OrderLineItemsItem']);
  });
});

describe('propertyKey', () => {
  it.each([
    ['order_id', 'order_id'],
    ['$x', '$x'],
    ['first name', '"first name"'],
    ['1st', '"1st"'],
    ['ünïcode', '"ünïcode"'],
    ['"quoted"', '"\\"quoted\\""'],
  ])('%s -> %s', (key, expected) => {
    expect(propertyKey(key)).toBe(expected);
  });
});
