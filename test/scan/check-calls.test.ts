import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { resolveConventions, resolveSeverities } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { CallChecker } from '../../src/scan/check-calls.js';
import { UNKNOWN, type ExtractedCall, type Value } from '../../src/scan/types.js';
import { planFrom } from '../helpers/plan.js';

const plan = planFrom(`
events:
  Order Completed:
    description: An order.
    properties:
      order_id: { type: string, required: true }
      revenue: { type: number, minimum: 0 }
      products:
        type: array
        items:
          type: object
          properties:
            product_id: { type: string, required: true }
`);

const { severities, explicit } = resolveSeverities({});
const checker = new CallChecker(plan, compilePlan(plan), { severities, explicit, conventions: resolveConventions(plan, {}) });

const object = (entries: Record<string, Value>, open = false): Value => ({ kind: 'object', entries: Object.entries(entries), open });
const literal = (value: string | number | boolean | null): Value => ({ kind: 'literal', value });

function check(body: ExtractedCall['body'], name = 'Order Completed'): string[] {
  const out: Diagnostic[] = [];
  checker.check({ type: 'track', file: 'a.ts', line: 3, column: 5, name: { kind: 'known', name }, body }, out);
  return out.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.path ?? ''}`.trim());
}

describe('CallChecker', () => {
  it('checks what is known and keeps quiet about what is not', () => {
    expect(check(object({ order_id: UNKNOWN, revenue: UNKNOWN }))).toEqual([]);
    expect(check(object({ order_id: literal(7), revenue: literal(-1) }))).toEqual(['3:5 plan/invalid-value /properties/order_id', '3:5 plan/invalid-value /properties/revenue']);
  });

  it('does not call a key missing from an object that may hold keys the scanner cannot see', () => {
    expect(check(object({ revenue: literal(1) }, true))).toEqual([]);
    expect(check(object({ revenue: literal(1) }))).toEqual(['3:5 plan/missing-required /properties/order_id']);
    expect(check(object({ order_id: UNKNOWN, products: { kind: 'array', items: [object({}, true), object({})] } }))).toEqual(['3:5 plan/missing-required /properties/products/1/product_id']);
  });

  it('checks nothing about properties when the call form does not say where they are', () => {
    expect(check(null)).toEqual([]);
    expect(check(null, 'Order Refunded')).toEqual(['3:5 plan/unplanned-event /event']);
  });

  it('reports a name it cannot resolve instead of checking the call', () => {
    const out: Diagnostic[] = [];
    checker.check({ type: 'track', file: 'a.ts', line: 1, column: 1, name: { kind: 'dynamic', text: 'eventName' }, body: object({}) }, out);
    checker.check({ type: 'page', file: 'a.ts', line: 2, column: 1, name: { kind: 'dynamic', text: `pick(\n  ${'x'.repeat(80)})` }, body: object({}) }, out);
    expect(out.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['scan/dynamic-event-name', 'warn', 'Event name `eventName` cannot be resolved statically, so this call is not checked against the plan'],
      ['scan/dynamic-event-name', 'warn', `Page name \`pick( ${'x'.repeat(53)}…\` cannot be resolved statically, so this call is not checked against the plan`],
    ]);
  });

  it('runs only the rules that apply to code: no Segment spec checks on a call without userId', () => {
    expect(check(undefined)).toEqual(['3:5 plan/missing-required /properties']);
  });
});

describe('CallChecker, page and screen calls', () => {
  const site = planFrom('defaults: { unplanned_properties: error }\npages:\n  Home: { description: Landing. }\nscreens:\n  Cart: { description: The cart. }\n');
  const pages = new CallChecker(site, compilePlan(site), { severities, explicit, conventions: resolveConventions(site, {}) });
  const call = (type: 'page' | 'screen', name: string, body: Value): string[] => {
    const out: Diagnostic[] = [];
    pages.check({ type, file: 'a.ts', line: 1, column: 1, name: { kind: 'known', name }, body }, out);
    return out.map((d) => `${d.ruleId} ${d.path ?? ''}`.trim());
  };

  it('accept the properties the Segment spec defines, with their types', () => {
    expect(call('page', 'Home', object({ url: UNKNOWN, title: literal('Home'), keywords: { kind: 'array', items: [literal('a')] } }))).toEqual([]);
    expect(call('page', 'Home', object({ url: literal(5), tab: literal('x') }))).toEqual(['plan/unplanned-property /properties/tab', 'plan/invalid-value /properties/url']);
    expect(call('screen', 'Cart', object({ name: literal('Cart') }))).toEqual([]);
    expect(call('screen', 'Cart', object({ url: literal('x') }))).toEqual(['plan/unplanned-property /properties/url']);
  });

  it('checks keys as deep as extraction reads them (62 levels of properties), and reports where a value was cut', () => {
    let body: Value = object({ badKey: literal(1) });
    for (let level = 1; level < 62; level++) body = object({ a: body });
    const deep = check(object({ order_id: literal('o1'), x: body }));
    expect(deep).toContainEqual(`3:5 naming/property-case /properties/x${'/a'.repeat(61)}/badKey`);

    const out: Diagnostic[] = [];
    const tooDeep = { file: 'lib/deep.ts', line: 7, column: 12 };
    checker.check({ type: 'track', file: 'src/a.ts', line: 3, column: 5, name: { kind: 'known', name: 'Order Completed' }, body: object({ order_id: literal('o1') }), tooDeep }, out);
    expect(out.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      '3:5 scan/too-deep The track call nests objects or arrays more than 62 levels deep, at ../lib/deep.ts:7:12: no tracking data is that deep, and what lies deeper is not checked',
    ]);
  });
});
