import { describe, expect, it } from 'vitest';
import { createAjv, formatNames, namesInheritedProperties } from '../../src/validate/ajv.js';

describe('namesInheritedProperties', () => {
  it('finds Object member names among declared and required properties, at any depth', () => {
    expect(namesInheritedProperties([{ type: 'object', properties: { order_id: {} } }])).toBe(false);
    expect(namesInheritedProperties([{ properties: { a: { items: { properties: { valueOf: {} } } } } }])).toBe(true);
    expect(namesInheritedProperties([{ required: ['constructor'] }])).toBe(true);
    expect(namesInheritedProperties([{ properties: { properties: { type: 'string' } } }])).toBe(false);
  });
});

describe('formatNames', () => {
  // `cdp check` refuses a format ajv would not know by this list, without loading ajv to ask it.
  it('names exactly the formats createAjv knows', () => {
    expect([...formatNames()].sort()).toEqual(Object.keys(createAjv().formats).sort());
    expect(formatNames()).toContain('date-time');
  });
});
