import { describe, expect, it } from 'vitest';
import { resolveSeverities } from '../../src/config/resolve.js';
import { compareDiagnostics } from '../../src/core/diagnostic.js';
import { diffPlans } from '../../src/interop/diff-plans.js';
import { diffDiagnostics, isBump } from '../../src/interop/diff-report.js';
import { similarNames } from '../../src/interop/diff-rename.js';
import { planFrom } from '../helpers/plan.js';

/** `ruleId severity breaks message` for each change between two inline plans, every rule at its default. */
function diff(oldYaml: string, newYaml: string): string[] {
  const plans = { old: planFrom(oldYaml), new: planFrom(newYaml) };
  return diffDiagnostics(diffPlans(plans.old, plans.new), plans, { severities: resolveSeverities({}).severities })
    .sort(compareDiagnostics)
    .map((d) => `${d.ruleId} ${d.severity} [${d.change!.breaks.join(',')}] ${d.message}`);
}

const event = (properties: string, extra = '') => `plan: shop\n${extra}events:\n  Order Completed:\n    properties:\n${properties}`;

describe('diffPlans', () => {
  it('finds no change between a plan and itself', () => {
    const yaml = event('      a: { type: [string, "null"], enum: [x, y, null] }\n      b: { type: array, items: { type: object, properties: { c: integer } } }\n');
    expect(diff(yaml, yaml)).toEqual([]);
  });

  it('sees `null` dropped from a union with a type reference as a narrowing', () => {
    const types = 'types:\n  Currency: { type: string, pattern: "^[A-Z]{3}$" }\n';
    expect(diff(event('      currency: { type: [Currency, "null"] }\n', types), event('      currency: Currency\n', types))).toEqual([
      'diff/type-narrowed error [senders] Property "currency" of event "Order Completed" no longer accepts null',
    ]);
  });

  it('follows nested objects and array items, and knows a closed nested object makes a removal break senders', () => {
    const before = event('      items:\n        type: array\n        items:\n          type: object\n          additionalProperties: false\n          properties: { sku: string, qty: integer }\n');
    const after = event('      items:\n        type: array\n        items:\n          type: object\n          additionalProperties: false\n          properties: { sku: number }\n');
    expect(diff(before, after)).toEqual([
      'diff/property-removed error [senders,consumers] Property "items[].qty" of event "Order Completed" was removed; senders that still send it now fail (unplanned properties are errors)',
      'diff/type-changed error [senders,consumers] Property "items[].sku" of event "Order Completed" changed type from string to number',
    ]);
  });

  it('compares an added identify section with an unchecked one: a required trait breaks senders', () => {
    const after = 'plan: shop\nevents: {}\nidentify:\n  traits:\n    email: { type: string, required: true }\n    name: string\n';
    expect(diff('plan: shop\nevents: {}\n', after)).toEqual([
      'diff/event-added warn [] New identify section',
      'diff/policy-changed warn [] unplanned_traits of the identify traits changed from off to warn',
      'diff/property-required error [senders] New required trait "email" of the identify traits: senders that do not send it now fail',
      'diff/property-added warn [] New optional trait "name" of the identify traits',
    ]);
  });

  it('places changes on the lines of the new plan, traits and types included', () => {
    const types = 'types:\n  Money: { type: number, minimum: 0 }\n';
    const before = `plan: shop\n${types}events:\n  Order Completed:\n    properties:\n      total: Money\ngroup:\n  traits:\n    name: string\n`;
    const after = `plan: shop\n${types.replace('minimum: 0', 'minimum: 1')}events:\n  Order Completed:\n    properties:\n      total: Money\ngroup:\n  traits:\n    name: integer\n`;
    const plans = { old: planFrom(before), new: planFrom(after) };
    const found = diffDiagnostics(diffPlans(plans.old, plans.new), plans, { severities: resolveSeverities({}).severities });
    expect(found.map((d) => [d.ruleId, d.line, d.column, d.path])).toEqual([
      ['diff/constraint-tightened', 3, 26, '/types/Money/minimum'],
      ['diff/type-changed', 10, 5, '/group/traits/name/type'],
    ]);
  });

  it('asks "renamed?" only for look-alikes: a bare string needs a similar name too', () => {
    expect(diff(event('      name: string\n'), event('      email: string\n'))).toEqual([
      'diff/property-removed error [consumers] Property "name" of event "Order Completed" was removed',
      'diff/property-added warn [] New optional property "email" of event "Order Completed"',
    ]);
    expect(diff(event('      userid: string\n'), event('      user_id: string\n'))).toEqual([
      'diff/property-renamed error [consumers] Property "userid" of event "Order Completed" was removed and "user_id" added with the same shape: renamed?',
    ]);
  });

  it('does not call two unrelated events without properties a rename', () => {
    const before = 'plan: shop\nevents:\n  Signed Out: {}\n';
    const after = 'plan: shop\nevents:\n  Cart Viewed: {}\n';
    expect(diff(before, after)).toEqual(['diff/event-removed error [senders,consumers] The event "Signed Out" was removed', 'diff/event-added warn [] New event "Cart Viewed"']);
  });

  it('treats const as a one-value enum and multipleOf by divisibility', () => {
    expect(diff(event('      kind: { const: order }\n      step: { type: number, multipleOf: 10 }\n'), event('      kind: { const: purchase }\n      step: { type: number, multipleOf: 5 }\n'))).toEqual([
      'diff/enum-value-removed error [senders,consumers] Property "kind" of event "Order Completed" no longer allows "order" but now allows "purchase": renamed?',
      'diff/constraint-loosened warn [] Property "step" of event "Order Completed": multipleOf loosened from 10 to 5',
    ]);
    expect(diff(event('      step: { type: number, multipleOf: 5 }\n'), event('      step: { type: number, multipleOf: 10 }\n'))).toEqual([
      'diff/constraint-tightened error [senders] Property "step" of event "Order Completed": multipleOf tightened from 5 to 10',
    ]);
  });

  it('weighs a removed page against the plan version', () => {
    const before = 'plan: shop\nversion: 1\nevents: {}\npages:\n  Home: {}\n  Pricing: {}\n';
    const after = 'plan: shop\nversion: 2\nevents: {}\npages:\n  Home: {}\n';
    expect(diff(before, after)).toEqual(['diff/event-removed warn [senders,consumers] The page "Pricing" was removed (intended: plan version 1 → 2)']);
  });

  it('reports an event whose own policy tightened, and the plan default once', () => {
    const before = 'plan: shop\nevents:\n  A Happened: {}\n  B Happened: { unplanned_properties: off }\n';
    const after = 'plan: shop\ndefaults: { unplanned_properties: error }\nevents:\n  A Happened: {}\n  B Happened: { unplanned_properties: error }\n';
    expect(diff(before, after)).toEqual([
      'diff/policy-tightened error [senders] defaults.unplanned_properties of the plan tightened from warn to error: senders of unplanned properties (event "A Happened") now fail',
      'diff/policy-tightened error [senders] unplanned_properties of event "B Happened" tightened from off to error: senders of unplanned properties now fail',
    ]);
  });
});

describe('isBump', () => {
  it('compares numbers as numbers and other versions in natural order', () => {
    expect(isBump(1, 2)).toBe(true);
    expect(isBump(2, 1)).toBe(false);
    expect(isBump(2, 2)).toBe(false);
    expect(isBump('2024.06', '2024.07')).toBe(true);
    expect(isBump('v2', 'v10')).toBe(true);
    expect(isBump(undefined, 2)).toBe(true);
    expect(isBump(undefined, 1)).toBe(false);
    expect(isBump(3, undefined)).toBe(false);
  });
});

describe('similarNames', () => {
  it('accepts case, separators, small typos and added words; refuses unrelated names', () => {
    expect(similarNames('userId', 'user_id')).toBe(true);
    expect(similarNames('coupon', 'coupon_code')).toBe(true);
    expect(similarNames('quantity', 'quantty')).toBe(true);
    expect(similarNames('name', 'email')).toBe(false);
    expect(similarNames('Signed Out', 'Cart Viewed')).toBe(false);
  });
});
