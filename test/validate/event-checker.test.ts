import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { EventValidators } from '../../src/validate/event-validators.js';
import { DEFAULT_CONVENTIONS, resolveSeverities } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { EventChecker } from '../../src/validate/event-checker.js';
import { planFrom } from '../helpers/plan.js';

const PLAN = `
plan: shop
defaults: { unplanned_events: error, unplanned_properties: warn }
types:
  Currency: { type: string, pattern: "^[A-Z]{3}$" }
  Product:
    type: object
    properties:
      product_id: { type: string, required: true }
      price: { type: number, minimum: 0 }
events:
  Order Completed:
    description: Done.
    version: 2
    properties:
      order_id: { type: string, required: true }
      currency: { type: string, pattern: "^[A-Z]{3}$" }
      coupon: { type: [string, "null"] }
      products: { type: array, items: Product }
      fallback: { type: [Currency, "null"] }
  Gift Card Redeemed:
    description: Old.
    deprecated: Use Coupon Applied
  Loose Event Happened:
    description: Anything goes.
    unplanned_properties: "off"
    properties:
      known: string
identify:
  traits:
    email: { type: string, format: email, required: true }
pages:
  Home: { description: Landing. }
`;

function checker(rules: Record<string, 'error' | 'warn' | 'off'> = {}) {
  const plan = planFrom(PLAN);
  const { severities, explicit } = resolveSeverities({ rules });
  return new EventChecker(plan, new EventValidators(plan, compilePlan(plan)), { severities, explicit, conventions: DEFAULT_CONVENTIONS });
}

const base = { userId: 'u1', messageId: 'm1', timestamp: '2024-01-15T10:30:00.000Z' };

function check(event: unknown, c = checker()): Diagnostic[] {
  const out: Diagnostic[] = [];
  c.check(event, { file: 'events.ndjson', line: 7 }, out);
  return out;
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId} ${d.severity} ${d.path ?? ''}`.trim());

describe('EventChecker', () => {
  it('passes a valid track, identify and page call', () => {
    expect(check({ ...base, type: 'track', event: 'Order Completed', properties: { order_id: 'o1', currency: 'USD', coupon: null, products: [{ product_id: 'p', price: 3 }] } })).toEqual([]);
    expect(check({ ...base, type: 'identify', traits: { email: 'a@b.co', firstName: 'Ada' } })).toEqual([
      expect.objectContaining({ ruleId: 'plan/unplanned-property', severity: 'warn', path: '/traits/firstName' }),
    ]);
    expect(check({ ...base, type: 'page', name: 'Home', properties: {} })).toEqual([]);
    expect(check({ type: 'alias', previousId: 'a', userId: 'b' })).toEqual([]);
  });

  it('reports plan violations with pointer, expected and actual', () => {
    const ds = check({ ...base, type: 'track', event: 'Order Completed', properties: { currency: 'usd', coupon: 5, products: [{ price: '3' }], orderId: 'x' } });
    expect(brief(ds)).toEqual([
      'plan/missing-required error /properties/order_id',
      'plan/missing-required error /properties/products/0/product_id',
      'plan/unplanned-property warn /properties/orderId',
      'plan/invalid-value error /properties/currency',
      'plan/invalid-value error /properties/coupon',
      'plan/invalid-value error /properties/products/0/price',
      'naming/property-case error /properties/orderId',
    ]);
    expect(ds[0]).toMatchObject({ file: 'events.ndjson', line: 7, event: 'Order Completed', message: 'Event "Order Completed" is missing required property "order_id"' });
    expect(ds[4]!.message).toBe('Property "coupon" of event "Order Completed" must be string or null, got 5');
    expect(ds[5]).toMatchObject({ message: 'Property "products[0].price" of event "Order Completed" must be number, got "3"', expected: 'number', actual: '3' });
    expect(ds[6]).toMatchObject({ suggestion: 'order_id' });
  });

  it('collapses the branches of a nullable type reference into one message', () => {
    const ds = check({ ...base, type: 'track', event: 'Order Completed', properties: { order_id: 'o', fallback: 'usd' } });
    expect(ds.map((d) => d.message)).toEqual(['Property "fallback" of event "Order Completed" must match /^[A-Z]{3}$/ or must be null, got "usd"']);
  });

  it('suggests the planned event for a near miss, and follows the plan policy', () => {
    const [d] = check({ ...base, type: 'track', event: 'Order Complete', properties: {} });
    expect(d).toMatchObject({ ruleId: 'plan/unplanned-event', severity: 'error', suggestion: 'Order Completed', message: 'Event "Order Complete" is not in the plan' });
    // A severity set in the config wins over the plan's policy.
    expect(check({ ...base, type: 'track', event: 'Order Complete' }, checker({ 'plan/unplanned-event': 'warn' }))[0]!.severity).toBe('warn');
  });

  it('names the keys of unplanned events, and only undeclared keys of planned ones', () => {
    expect(brief(check({ ...base, type: 'track', event: 'Cart Abandoned', properties: { cartId: 1, items: [{ unitPrice: 2 }] } }))).toEqual([
      'plan/unplanned-event error /event',
      'naming/property-case error /properties/cartId',
      'naming/property-case error /properties/items/0/unitPrice',
    ]);
    expect(brief(check({ ...base, type: 'track', event: 'Loose Event Happened', properties: { known: 'x', extraKey: { innerKey: 1 } } }))).toEqual([
      'naming/property-case error /properties/extraKey',
      'naming/property-case error /properties/extraKey/innerKey',
    ]);
  });

  it('exempts reserved identify traits from snake_case, but not other camelCase traits', () => {
    const c = checker({ 'plan/unplanned-property': 'off' });
    expect(brief(check({ ...base, type: 'identify', traits: { email: 'a@b.co', firstName: 'A', address: { postalCode: '1' }, loyaltyTier: 'gold' } }, c))).toEqual([
      'naming/property-case error /traits/loyaltyTier',
    ]);
  });

  it('checks the Segment spec: identity, timestamps, integrations, name length', () => {
    const ds = check({ type: 'track', event: 'Order Completed', properties: { order_id: 'o' }, timestamp: '2024-13-01T00:00:00Z', sentAt: 'yesterday', integrations: { All: true, Mixpanel: 'yes' } });
    expect(brief(ds)).toEqual([
      'spec/missing-identity error',
      'spec/invalid-timestamp error /timestamp',
      'spec/invalid-timestamp error /sentAt',
      'spec/invalid-integrations error /integrations/Mixpanel',
    ]);
    expect(ds[0]!.message).toBe('The track call has no userId or anonymousId');
    expect(brief(check({ ...base, type: 'group', traits: {} }))).toEqual(['spec/missing-identity error']);
    expect(brief(check({ ...base, type: 'track', event: `${'Long '.repeat(60)}Viewed` }))[0]).toBe('spec/name-too-long error /event');
  });

  it('warns about a date-time without a UTC offset, unless the config sets the rule', () => {
    const order = { ...base, type: 'track', event: 'Order Completed', properties: { order_id: 'o' } };
    const local = { ...order, timestamp: '2026-11-02T09:19:00', sentAt: '2026-11-02T09:19', originalTimestamp: '2026-11-02T09:19:00.123456', receivedAt: '2026-11-02T09:19:00+0100' };
    const ds = check(local);
    expect(ds.map((d) => `${d.severity} ${d.messageId} ${d.path}`)).toEqual(['warn noOffset /timestamp', 'warn noOffset /sentAt', 'warn noOffset /originalTimestamp']);
    expect(ds[0]!.message).toBe('"timestamp" has no UTC offset: "2026-11-02T09:19:00" is a local time in an unknown zone, which warehouses may shift; the Segment SDKs send UTC, like "2024-01-15T10:30:00.000Z"');
    expect(check({ ...order, timestamp: '2026-11-02T09:19:00z', sentAt: '2026-11-02T10:19:00.5-01:00' })).toEqual([]);
    expect(brief(check(local, checker({ 'spec/invalid-timestamp': 'error' })))).toEqual(['spec/invalid-timestamp error /timestamp', 'spec/invalid-timestamp error /sentAt', 'spec/invalid-timestamp error /originalTimestamp']);
  });

  it('reports a value past 64 levels once, where naming walks or a diagnostic quotes it, and only there', () => {
    // The message is level 1 and properties level 2: `levels` objects under properties reach level levels + 2.
    const under = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
    const unplanned = (levels: number) => ({ ...base, type: 'track', event: 'Deep Thing Happened', properties: { x: under(levels) } });
    expect(brief(check(unplanned(62)))).toEqual(['plan/unplanned-event error /event']);
    expect(brief(check(unplanned(63)))).toEqual([`spec/max-depth error /properties/x${'/a'.repeat(62)}`, 'plan/unplanned-event error /event']);
    // Naming walks the keys a planned event does not declare, with its policy off too.
    const loose = { ...base, type: 'track', event: 'Loose Event Happened', properties: { known: 'k', free: under(500) } };
    expect(brief(check(loose))).toEqual([`spec/max-depth error /properties/free${'/a'.repeat(62)}`]);
    // A value a diagnostic quotes is looked into too, and not carried as the diagnostic's actual value.
    const wrongType = { ...base, type: 'track', event: 'Loose Event Happened', properties: { known: under(500) } };
    expect(brief(check(wrongType))).toEqual([`spec/max-depth error /properties/known${'/a'.repeat(62)}`, 'plan/invalid-value error /properties/known']);
    expect(check(wrongType)[1]!.actual).toBeUndefined();
  });

  it('turns an exception inside a rule into one internal/check-failed diagnostic for that event, and goes on', () => {
    const c = checker();
    const out: Diagnostic[] = [];
    const hostile = new Proxy({ type: 'track', event: 'Order Completed', userId: 'u1' }, {
      get(target, key) {
        if (key === 'properties') throw new Error('the payload bit back');
        return Reflect.get(target, key);
      },
    });
    expect(c.check(hostile, { file: 'events.ndjson', line: 3 }, out)).toBe(1);
    expect(out.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['3 internal/check-failed error']);
    expect(out[0]!.message).toBe('cdp failed while checking this event: Error: the payload bit back. This is a bug in cdp: please report it with this input');
    expect(c.check({ ...base, type: 'track', event: 'Order Completed', properties: { order_id: 'o' } }, { file: 'events.ndjson', line: 4 }, out)).toBe(0);
  });

  it('reports an id that is a missing value turned into text, and counts blank ids as missing', () => {
    const ds = check({ ...base, userId: 'undefined', anonymousId: 'a-1', type: 'track', event: 'Order Completed', properties: { order_id: 'o' } });
    expect(ds).toEqual([
      expect.objectContaining({ ruleId: 'spec/missing-identity', path: '/userId', actual: 'undefined', message: 'The track call has userId "undefined", a missing value turned into text' }),
    ]);
    expect(brief(check({ ...base, type: 'group', groupId: ' NULL ', traits: {} }))).toEqual(['spec/missing-identity error /groupId']);
    expect(brief(check({ ...base, userId: '[object Object]', type: 'identify', traits: { email: 'a@b.co' } }))).toEqual(['spec/missing-identity error /userId']);
    expect(check({ type: 'track', event: 'Order Completed', userId: '  ', properties: { order_id: 'o' } })[0]!.message).toBe('The track call has no userId or anonymousId');
    // Ids that merely contain the words are real ids.
    expect(check({ ...base, userId: 'null-island-42', type: 'track', event: 'Order Completed', properties: { order_id: 'o' } })).toEqual([]);
  });

  it('quotes at most the first 120 characters of a long event name in messages, keeping the full name in `event`', () => {
    const name = `${'Very Long '.repeat(200)}Thing Happened`;
    const ds = check({ ...base, type: 'track', event: name });
    const unplanned = ds.find((d) => d.ruleId === 'plan/unplanned-event')!;
    expect(unplanned.message).toBe(`Event "${name.slice(0, 119)}…" is not in the plan`);
    expect(unplanned.event).toBe(name);
    for (const d of ds) expect(d.message.length, d.ruleId).toBeLessThan(400);
  });

  it('reports deprecated events and version mismatches', () => {
    expect(check({ ...base, type: 'track', event: 'Gift Card Redeemed' })).toEqual([
      expect.objectContaining({ ruleId: 'plan/deprecated-event', severity: 'warn', message: 'Event "Gift Card Redeemed" is deprecated: Use Coupon Applied', suggestion: 'Coupon Applied' }),
    ]);
    const ds = check({ ...base, type: 'track', event: 'Order Completed', properties: { order_id: 'o' }, context: { protocols: { event_version: 1 } } });
    expect(ds).toEqual([expect.objectContaining({ ruleId: 'plan/version-mismatch', message: 'Event "Order Completed" was sent as version 1, but the plan is at version 2', path: '/context/protocols/event_version' })]);
  });

  it('stops early on payloads that are not events', () => {
    expect(brief(check(42))).toEqual(['spec/invalid-event error']);
    expect(brief(check([{ type: 'track' }]))).toEqual(['spec/invalid-event error']);
    expect(check({ ...base, type: 'Track', event: 'Order Completed' })).toEqual([expect.objectContaining({ ruleId: 'spec/unknown-type', suggestion: 'track' })]);
    expect(brief(check({ ...base }))).toEqual(['spec/unknown-type error /type']);
    expect(brief(check({ ...base, type: 'track', event: 7 }))).toEqual(['spec/invalid-event error /event']);
  });

  it('page names are checked only when the plan has pages', () => {
    expect(brief(check({ ...base, type: 'page', name: 'Pricing' }))).toEqual(['plan/unplanned-event error /name']);
    expect(check({ ...base, type: 'screen', name: 'Anything' })).toEqual([]);
  });

  it('survives hostile payloads: __proto__ keys, 10,000 levels of nesting, 20,000 keys', () => {
    const proto = JSON.parse('{"type":"track","userId":"u","event":"__proto__","properties":{"__proto__":{"polluted":1},"constructor":1}}');
    expect(brief(check(proto))).toEqual(['plan/unplanned-event error /event', 'naming/event-case error /event', 'naming/property-case error /properties/__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = JSON.parse(`{"type":"track","userId":"u","event":"Deep Thing Happened","properties":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`);
    const found = check(deep);
    expect(brief(found)).toEqual([`spec/max-depth error /properties${'/a'.repeat(63)}`, 'plan/unplanned-event error /event']);
    expect(found[0]!.message).toBe('The track call nests objects or arrays more than 64 levels deep, at /properties/a/a/…: no tracking data is that deep (keys below that depth are not checked)');
    const wide = { ...base, type: 'track', event: 'Wide Thing Happened', properties: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) };
    expect(check(wide).length).toBe(1);
  });
});

describe('EventChecker, a plan property named __proto__', () => {
  const plan = planFrom('events:\n  Thing Happened:\n    properties:\n      __proto__: { type: string, required: true }\n      name: string\n');
  const c = new EventChecker(plan, new EventValidators(plan, compilePlan(plan)), { ...resolveSeverities({}), conventions: DEFAULT_CONVENTIONS });
  const event = (properties: string) => JSON.parse(`{"type":"track","userId":"u","event":"Thing Happened","properties":${properties}}`) as unknown;

  it('is type-checked and counted as declared, like any other property', () => {
    expect(check(event('{"__proto__":"p","name":"n"}'), c)).toEqual([]);
    expect(brief(check(event('{"__proto__":5}'), c))).toEqual(['plan/invalid-value error /properties/__proto__']);
    expect(brief(check(event('{"name":"n"}'), c))).toEqual(['plan/missing-required error /properties/__proto__']);
    expect(brief(check(event('{"__proto__":"p","other":1}'), c))).toEqual(['plan/unplanned-property warn /properties/other']);
  });
});

describe('EventChecker, names', () => {
  it('does not blame payloads for a badly named event the plan itself declares', () => {
    const plan = planFrom('events:\n  order_refunded:\n    description: Legacy name.\n');
    const { severities, explicit } = resolveSeverities({});
    const c = new EventChecker(plan, new EventValidators(plan, compilePlan(plan)), { severities, explicit, conventions: DEFAULT_CONVENTIONS });
    expect(check({ ...base, type: 'track', event: 'order_refunded' }, c)).toEqual([]);
    expect(brief(check({ ...base, type: 'track', event: 'order_shipped' }, c))).toEqual(['plan/unplanned-event error /event', 'naming/event-case error /event']);
  });

  it('treats an empty event name as missing', () => {
    expect(check({ ...base, type: 'track', event: '  ' })).toEqual([
      expect.objectContaining({ ruleId: 'spec/invalid-event', message: 'The track call has no "event" name ("event" is empty)' }),
    ]);
  });
});
