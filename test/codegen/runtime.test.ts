import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateFiles } from '../../src/codegen/generate.js';
import { loadPlan } from '../../src/plan/load.js';
import { ROOT } from '../helpers/cli.js';
import { planFrom } from '../helpers/plan.js';
import { STRICTEST, typecheck } from '../helpers/typecheck.js';
import { loadGenerated, loadGeneratedFolder } from './load-generated.js';

const ecommerce = loadPlan('plans/ecommerce.yaml', ROOT);
const b2b = loadPlan('plans/b2b-saas.yaml', ROOT);
const tricky = loadPlan('test/fixtures/codegen/tricky.yaml', ROOT);
const keywords = loadPlan('test/fixtures/codegen/keywords.yaml', ROOT);

const ORDER = { order_id: 'o1', currency: 'USD', products: [{ product_id: 'p1', price: 19, quantity: 1 }] };

/** A fake of the analytics.js / analytics-node API that records every call. */
function recordingClient() {
  const calls: Array<[string, ...unknown[]]> = [];
  const method = (name: string) => (...args: unknown[]) => void calls.push([name, ...args]);
  return { calls, client: Object.fromEntries(['track', 'identify', 'group', 'page', 'screen', 'alias'].map((m) => [m, method(m)])) };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  delete (globalThis as { analytics?: unknown }).analytics;
});

describe('generated clients', () => {
  it('custom: the sink receives Segment-shaped messages for all six call types', async () => {
    const { module: m } = await loadGenerated(ecommerce, 'custom', 'off');
    const messages: unknown[] = [];
    m.setClient!((message: unknown) => messages.push(message));
    const options = { userId: 'u1', context: { locale: 'en' } };
    m.orderCompleted!(ORDER, options);
    expect(options).toEqual({ userId: 'u1', context: { locale: 'en' } });
    m.identify!({ email: 'a@example.com' }, { userId: 'u1' });
    m.group!('g1', { name: 'Initech' });
    m.page!('Product', { product_id: 'p1' });
    m.screen!('Settings');
    m.alias!('u2', 'u1');
    expect(messages).toEqual([
      { userId: 'u1', context: { locale: 'en', protocols: { event_version: 2 } }, type: 'track', event: 'Order Completed', properties: ORDER },
      { userId: 'u1', type: 'identify', traits: { email: 'a@example.com' } },
      { type: 'group', groupId: 'g1', traits: { name: 'Initech' } },
      { type: 'page', name: 'Product', properties: { product_id: 'p1' } },
      { type: 'screen', name: 'Settings', properties: {} },
      { type: 'alias', userId: 'u2', previousId: 'u1' },
    ]);
  });

  it('analytics-next: calls the analytics.js signatures (event, properties, options)', async () => {
    const { module: m } = await loadGenerated(ecommerce, 'analytics-next', 'off');
    const { calls, client } = recordingClient();
    m.setClient!(client);
    m.orderCompleted!(ORDER);
    m.identify!({ email: 'a@example.com' }, { userId: 'u1' });
    m.page!('Home');
    m.alias!('u2');
    expect(calls).toEqual([
      ['track', 'Order Completed', ORDER, { context: { protocols: { event_version: 2 } } }],
      ['identify', 'u1', { email: 'a@example.com' }, { userId: 'u1' }],
      ['page', null, 'Home', {}, {}],
      ['alias', 'u2', undefined, {}],
    ]);
  });

  it('analytics-node: calls the object form with the identity from the options', async () => {
    const { module: m } = await loadGenerated(b2b, 'analytics-node', 'off');
    const { calls, client } = recordingClient();
    m.setClient!(client);
    m.signedUp!({ type: 'organic' }, { anonymousId: 'a1' });
    m.group!('acct-1', { name: 'Initech' }, { userId: 'u1' });
    expect(calls).toEqual([
      ['track', { anonymousId: 'a1', event: 'Signed Up', properties: { type: 'organic' } }],
      ['group', { userId: 'u1', groupId: 'acct-1', traits: { name: 'Initech' } }],
    ]);
  });

  it('window: reads window.analytics at each call, and warns once while it is missing', async () => {
    const { module: m } = await loadGenerated(ecommerce, 'window', 'off');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    m.orderCompleted!(ORDER);
    m.orderCompleted!(ORDER);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/window\.analytics is not defined/);
    const { calls, client } = recordingClient();
    (globalThis as { analytics?: unknown }).analytics = client;
    m.cartViewed!({ cart_id: 'c1' });
    expect(calls).toEqual([['track', 'Cart Viewed', { cart_id: 'c1' }, {}]]);
  });

  it('imports nothing, and builds no code from strings, even with validation', async () => {
    for (const validate of ['off', 'always'] as const) {
      const { source } = await loadGenerated(ecommerce, 'analytics-next', validate);
      expect(source).not.toMatch(/^\s*import\b|\brequire\(|new Function|\beval\(/m);
    }
  });
});

describe('run-time validation', () => {
  async function validating(mode: 'dev' | 'always' = 'always', plan = ecommerce) {
    const { module: m } = await loadGenerated(plan, 'custom', mode);
    const sent: unknown[] = [];
    const violations: unknown[] = [];
    m.setClient!((message: unknown) => sent.push(message));
    m.setOnViolation!((violation: unknown) => violations.push(violation));
    return { m, sent, violations };
  }

  it('reports each violation with rule id, event and JSON pointer, and still sends the event', async () => {
    const { m, sent, violations } = await validating();
    m.orderCompleted!({ currency: 'usd', products: [{ product_id: 'p1', price: '19' }], gift_wrap: true });
    expect(violations).toEqual([
      { ruleId: 'plan/missing-required', type: 'track', event: 'Order Completed', path: '/properties/order_id', message: 'Event "Order Completed": missing required property /properties/order_id' },
      { ruleId: 'plan/unplanned-property', type: 'track', event: 'Order Completed', path: '/properties/gift_wrap', message: 'Event "Order Completed": property not in the plan: /properties/gift_wrap' },
      { ruleId: 'plan/invalid-value', type: 'track', event: 'Order Completed', path: '/properties/currency', message: 'Event "Order Completed": /properties/currency must match pattern "^[A-Z]{3}$"' },
      { ruleId: 'plan/invalid-value', type: 'track', event: 'Order Completed', path: '/properties/products/0/price', message: 'Event "Order Completed": /properties/products/0/price must be number' },
    ]);
    expect(sent).toHaveLength(1);
  });

  it('points into reusable types and escapes odd keys in the pointer', async () => {
    const { m, violations } = await validating();
    m.orderCompleted!({ ...ORDER, products: [{ product_id: 'p1' }, { price: -1 }], 'a/b~c': 1 });
    expect(violations.map((v) => [(v as { ruleId: string }).ruleId, (v as { path: string }).path, (v as { message: string }).message])).toEqual([
      ['plan/unplanned-property', '/properties/a~1b~0c', 'Event "Order Completed": property not in the plan: /properties/a~1b~0c'],
      ['plan/missing-required', '/properties/products/1/product_id', 'Event "Order Completed": missing required property /properties/products/1/product_id'],
      ['plan/invalid-value', '/properties/products/1/price', 'Event "Order Completed": /properties/products/1/price must be >= 0'],
    ]);
  });

  it('validates in folder mode too, with the reusable types checked by the shared validators module', async () => {
    const { files, module: m } = await loadGeneratedFolder(ecommerce, 'custom', 'always');
    expect(files.get('validators.ts')).toMatch(/^export const \$type_Product = /m);
    expect(files.get('events/orderCompleted.ts')).not.toContain('"required", "product_id"');
    const violations: unknown[] = [];
    m.setClient!(() => {});
    m.setOnViolation!((violation: unknown) => violations.push(violation));
    m.orderCompleted!({ ...ORDER, currency: 'usd', products: [{ product_id: 'p1', price: '19', url: 'not a uri' }] });
    m.page!('Product', {});
    expect(violations.map((v) => [(v as { ruleId: string }).ruleId, (v as { path: string }).path])).toEqual([
      ['plan/invalid-value', '/properties/currency'],
      ['plan/invalid-value', '/properties/products/0/price'],
      ['plan/invalid-value', '/properties/products/0/url'],
      ['plan/missing-required', '/properties/product_id'],
    ]);
  });

  it('accepts valid payloads, checks formats without ajv-formats, and validates traits and pages', async () => {
    const { m, violations } = await validating();
    m.orderCompleted!({ ...ORDER, products: [{ product_id: 'p1', url: 'https://example.com/p1' }] });
    m.identify!({ email: 'a@example.com', createdAt: '2024-05-01T09:30:00Z' });
    expect(violations).toEqual([]);
    m.productClicked!({ product_id: 'p1', url: 'not a uri' });
    m.identify!({ email: 'nope', createdAt: '2024-02-30T09:30:00Z' });
    m.page!('Product', {});
    expect(violations.map((v) => [(v as { ruleId: string }).ruleId, (v as { event: string }).event, (v as { path: string }).path])).toEqual([
      ['plan/invalid-value', 'Product Clicked', '/properties/url'],
      ['plan/invalid-value', 'identify', '/traits/email'],
      ['plan/invalid-value', 'identify', '/traits/createdAt'],
      ['plan/missing-required', 'Product', '/properties/product_id'],
    ]);
  });

  it('checks the properties of named pages only, and sends a page without a name as it is', async () => {
    const { m, sent, violations } = await validating();
    m.page!(undefined, { anything: 1 });
    m.page!('Product', {});
    expect(violations.map((v) => (v as { path: string }).path)).toEqual(['/properties/product_id']);
    expect(sent[0]).toEqual({ type: 'page', properties: { anything: 1 } });
  });

  it('throws by default outside production, before anything is sent', async () => {
    const { module: m } = await loadGenerated(ecommerce, 'custom', 'always');
    const sent: unknown[] = [];
    m.setClient!((message: unknown) => sent.push(message));
    expect(() => m.cartViewed!({})).toThrow('Event "Cart Viewed": missing required property /properties/cart_id (plan/missing-required)');
    expect(sent).toEqual([]);
  });

  it('warns by default in production with --validate always, and skips validation in production with --validate dev', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const always = await loadGenerated(ecommerce, 'custom', 'always');
    always.module.setClient!(() => {});
    always.module.cartViewed!({});
    expect(warn).toHaveBeenCalledWith('Event "Cart Viewed": missing required property /properties/cart_id (plan/missing-required)');
    const dev = await validating('dev');
    dev.m.cartViewed!({});
    expect(dev.violations).toEqual([]);
    expect(dev.sent).toHaveLength(1);
  });

  it('runs the tricky plan: no injected code runs on import, and odd names reach the wire unchanged', async () => {
    const log = vi.spyOn(console, 'log');
    const { m, sent, violations } = await validating('always', tricky);
    expect(log).not.toHaveBeenCalled();
    const properties = Object.defineProperty({ order_id: 'o1', 'first name': 'Ada', '*/': 'x', tags: ['*/ end', '${x}'] }, '__proto__', { value: 'p', enumerable: true });
    m.orderCompleted!(properties);
    m.proto!();
    m.identify2!();
    m.page!('Home */', { path: '/' });
    expect(violations).toEqual([]);
    expect(sent.map((s) => [(s as { event?: string; name?: string }).event ?? (s as { name: string }).name])).toEqual([['Order Completed'], ['__proto__'], ['Identify'], ['Home */']]);
    expect(Object.getOwnPropertyDescriptor((sent[0] as { properties: object }).properties, '__proto__')?.value).toBe('p');
    m.orderCompleted!({ order_id: 'o1', tags: ['nope'] });
    expect(violations).toEqual([expect.objectContaining({ ruleId: 'plan/invalid-value', path: '/properties/tags/0' })]);
  });

  it('checks tuples, unions, multipleOf, uniqueItems, contains, propertyNames, patternProperties, not, const objects and formats', async () => {
    const { m, violations } = await validating('always', keywords);
    const valid = { kind: 'circle', center: { x: 0, y: 0 }, radius: 1.5, tuple: ['a', 1], choice: { b: 2 }, tags: ['a', 'b'], meta: { 'x-a': 's' }, day: '2024-02-29', n32: 7, len: 'abc' };
    m.shapeDrawn!(valid);
    expect(violations).toEqual([]);
    m.shapeDrawn!({ ...valid, radius: 1.2, tuple: ['a', 1, 2], tags: ['a', 'a'], meta: { 'x-a': 1 }, day: '2023-02-29', n32: 2 ** 31, len: 'a', not_five: 5 });
    expect(violations.map((v) => (v as { path: string }).path)).toEqual([
      '/properties/radius',
      '/properties/tuple',
      '/properties/meta/x-a',
      '/properties/tags',
      '/properties/day',
      '/properties/n32',
      '/properties/not_five',
      '/properties/len',
    ]);
    violations.length = 0;
    const more = { has_a: ['b', 'a'], keyed: { ab: 1 }, unicode: 'Ωmega', upper: 9.9, fixed: { a: 1 }, list_of_objects: [{ k: 'x' }, { k: 'y' }], rest: ['a', 1, 2] };
    m.shapeDrawn!({ ...valid, ...more });
    expect(violations).toEqual([]);
    m.shapeDrawn!({ ...valid, has_a: ['b'], keyed: {}, unicode: '1', upper: 10, fixed: { a: 2 }, list_of_objects: [{ k: 'x' }, { k: 'x' }], rest: ['a', 'b'] });
    expect(violations.map((v) => (v as { path: string }).path)).toEqual([
      '/properties/has_a/0',
      '/properties/has_a',
      '/properties/keyed',
      '/properties/unicode',
      '/properties/upper',
      '/properties/fixed',
      '/properties/list_of_objects',
      '/properties/rest/1',
    ]);
  });
});

describe('versioned pages and screens', () => {
  const plan = planFrom(
    [
      'pages:',
      '  Home: { description: Home., version: 4, properties: { path: string } }',
      '  Blog: { description: Blog. }',
      'screens:',
      '  Settings: { description: Settings., version: "2024.06" }',
      '',
    ].join('\n'),
  );

  it('set context.protocols.event_version from the plan, in one file and in folder output', async () => {
    for (const load of [loadGenerated, loadGeneratedFolder]) {
      const { module: m } = await load(plan, 'custom', 'always');
      const messages: unknown[] = [];
      m.setClient!((message: unknown) => messages.push(message));
      const options = { context: { protocols: { event_version: 1 }, locale: 'en' } };
      m.page!('Home', { path: '/' }, options);
      m.page!('Blog');
      m.page!();
      m.screen!('Settings');
      expect(options).toEqual({ context: { protocols: { event_version: 1 }, locale: 'en' } });
      expect(messages).toEqual([
        { context: { protocols: { event_version: 4 }, locale: 'en' }, type: 'page', name: 'Home', properties: { path: '/' } },
        { type: 'page', name: 'Blog', properties: {} },
        { type: 'page', properties: {} },
        { context: { protocols: { event_version: '2024.06' } }, type: 'screen', name: 'Settings', properties: {} },
      ]);
    }
  });

  it('compile under the strictest settings, validating or not', async () => {
    for (const validate of ['off', 'always'] as const) {
      const source = (await generateFiles(plan, { client: 'custom', validate }, false)).get('')!;
      expect(typecheck({ 'analytics.ts': source }, STRICTEST), validate).toEqual([]);
    }
  });
});
