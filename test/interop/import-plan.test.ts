import { describe, expect, it } from 'vitest';
import { readImportSource } from '../../src/interop/read-shapes.js';
import { ImportFormatError } from '../../src/interop/import-source.js';
import { compareVerdicts } from '../../scripts/payload-probes.mjs';
import { importFixture, importSource, verdicts } from './import-helpers.js';

describe('import: every input shape loads and accepts and rejects what the original does', () => {
  it.each([
    ['config-v1.json', 'config-api-v1', 3],
    ['public-api.json', 'public-api', 6],
    ['typewriter-composite.json', 'typewriter-composite', 2],
    ['ruddertyper.json', 'ruddertyper', 2],
    ['schemas', 'json-schemas', 2],
  ])('%s', (fixture, shape, placed) => {
    const imported = importFixture(fixture);
    expect(imported.source.shape).toBe(shape);
    const v = verdicts(imported);
    expect(v.notCompiled).toEqual([]);
    expect(v.disagreements).toEqual([]);
    expect(v.events).toBe(placed);
    expect(v.probes).toBeGreaterThan(placed * 2);
    expect(v.agree).toBe(v.probes);
  });
});

describe('import: the plan a person would have written', () => {
  const config = importFixture('config-v1.json');

  it('writes shorthand, folds required lists and keeps keywords as they are', () => {
    expect(config.yaml).toMatch(/^ {6}order_id: \{ type: string, required: true \}$/m);
    expect(config.yaml).toMatch(/^ {6}revenue: \{ type: number, required: true \}$/m);
    expect(config.yaml).toMatch(/^ {6}payment: \{ type: string, enum: \[ card, paypal \] \}$/m);
    expect(config.plan.events.get('Order Completed')!.properties.required).toEqual(['order_id', 'revenue']);
  });

  it('keeps the highest version of an event and says so at the event', () => {
    expect(config.plan.events.get('Order Completed')!.version).toBe(2);
    expect(config.yaml).toMatch(/# The input has 2 rules for this \(versions 1, 2\); kept 2, the highest, as Segment does\.\n {2}Order Completed:/);
  });

  it('lifts an object shape written out identically twice into types, required where it was', () => {
    expect([...config.plan.types.keys()]).toEqual(['ShippingAddress']);
    expect(config.yaml).toMatch(/^ {6}shipping_address: ShippingAddress$/m);
    expect(config.yaml).toMatch(/^ {6}shipping_address: \{ type: ShippingAddress, required: true \}$/m);
  });

  it('comments each keyword it could not keep, at the property', () => {
    expect(config.yaml).toMatch(/# nullable: true left out: not a JSON Schema keyword the plan format has\.\n {6}coupon:/);
    expect(config.yaml).toMatch(/exclusiveMinimum: true with minimum \(draft-04\)[^\n]*\n {6}discount: \{ type: number, exclusiveMinimum: 0 \}/);
  });

  it('says that the policy for unplanned properties is cdp default, at `defaults`', () => {
    expect(config.yaml).toMatch(/# The input does not say whether unplanned properties are allowed[^\n]*\n# [^\n]*\ndefaults:\n {2}unplanned_events: error\n {2}unplanned_properties: warn/);
  });

  it('keeps a rule for every call as a comment, labels as key:value tags, and odd names quoted', () => {
    expect(config.yaml).toContain('# The rule for every call (rules.global) has no place in the plan');
    expect(config.yaml).toContain('"required":["userAgent"]');
    expect(config.plan.events.get('Order Completed')!.tags).toEqual(['team:checkout']);
    expect(config.plan.events.has('Order "Refunded": #1')).toBe(true);
    expect(config.stats).toMatchObject({ events: 3, track: 2, identify: true, types: 1 });
    expect(config.stats.judgements).toBe(10);
  });

  it('maps additionalProperties to the unplanned_properties policy (RudderTyper)', () => {
    const rudder = importFixture('ruddertyper.json');
    expect(rudder.plan.defaults.unplannedProperties).toBe('error');
    expect(rudder.yaml).toContain('Every rule of the input says additionalProperties: false');
    expect(rudder.plan.events.get('Product Viewed')!.version).toBe('3-0-0');
    // An explicit `additionalProperties: true` on a nested object is kept: the policy would close it.
    expect(rudder.yaml).toMatch(/variant:\n {8}type: object\n {8}additionalProperties: true/);
    expect(rudder.yaml).toContain('The page rule without a name (rules.events[3]) has no place in the plan');
  });

  it('reads the Public API: identify and group traits, pages, screens, deprecation, spec page properties', () => {
    const api = importFixture('public-api.json');
    expect(api.plan.identify!.traits.required).toEqual(['username']);
    expect(api.plan.group!.traits.properties).toEqual({ seats: { type: 'integer' } });
    expect([...api.plan.pages.keys()]).toEqual(['Home']);
    expect(Object.keys(api.plan.pages.get('Home')!.properties.properties as object)).toEqual(['banner']);
    expect([...api.plan.screens.keys()]).toEqual(['Player']);
    expect(api.plan.events.get('Song Played')!.version).toBe(3);
    expect(api.plan.events.get('Song Skipped')!.deprecated).toBe('Deprecated in Segment on 2024-02-01T00:00:00.000Z');
  });

  it('drops the ids Segment writes into the composite file, and says how many', () => {
    const composite = importFixture('typewriter-composite.json');
    expect(composite.yaml).not.toMatch(/\$id:/);
    expect(composite.yaml).toContain('2 `id`/`$id` keyword(s) left out');
    expect(composite.yaml).toMatch(/isOpen: \{ type: boolean, required: true \}/);
  });
});

describe('import: detection by content', () => {
  it.each([
    [[1, 2], 'Expected a JSON object'],
    [{ openapi: '3.0.0' }, 'Not a tracking plan shape cdp knows (top-level keys: openapi)'],
    [{ rules: [{ type: 'TRACKING', jsonSchema: {} }] }, 'rules[0] is not a Public API rule'],
    [{ rules: { events: [{ name: 'A', eventType: 'alias', rules: {} }] } }, 'rules.events[0] has eventType "alias"'],
  ])('refuses %j', (value, message) => {
    expect(() => readImportSource(value)).toThrow(ImportFormatError);
    expect(() => readImportSource(value)).toThrow(message);
  });

  it('writes a property named "<<" so that the plan reader does not take it for a merge key', () => {
    const source = readImportSource({ rules: { events: [{ name: 'A', rules: { properties: { properties: { properties: { '<<': { type: 'string' } } } } } }] } });
    const imported = importSource(source, 'merge.json');
    expect(Object.keys(imported.plan.events.get('A')!.properties.properties as object)).toEqual(['<<']);
  });
});

describe('payload probes', () => {
  it('tell apart schemas that differ in a required property, a type or an enum', () => {
    const original = { type: 'object', properties: { properties: { type: 'object', properties: { a: { type: 'string' }, b: { enum: ['x', 'y'] } }, required: ['a'] } } };
    const differs = [
      { properties: { type: 'object', properties: { a: { type: 'string' }, b: { enum: ['x', 'y'] } } } },
      { properties: { type: 'object', properties: { a: { type: ['string', 'number'] }, b: { enum: ['x', 'y'] } }, required: ['a'] } },
      { properties: { type: 'object', properties: { a: { type: 'string' }, b: {} }, required: ['a'] } },
    ];
    for (const properties of differs) {
      const v = compareVerdicts([{ name: 'E', slot: 'properties', original, compiled: { type: 'object', properties } }]);
      expect(v.disagreements.length).toBeGreaterThan(0);
    }
    expect(compareVerdicts([{ name: 'E', slot: 'properties', original, compiled: original }]).disagreements).toEqual([]);
  });
});
