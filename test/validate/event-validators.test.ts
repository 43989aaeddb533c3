import { describe, expect, it } from 'vitest';
import type { CallType } from '../../src/spec/call-types.js';
import { EventValidators, type ValidatorStore } from '../../src/validate/event-validators.js';
import { planFrom } from '../helpers/plan.js';

/** A store in memory that counts what is written. */
function memoryStore() {
  const files = new Map<string, string>();
  const writes: string[] = [];
  const store: ValidatorStore = {
    read: (key) => (files.has(key) ? { code: files.get(key)!, file: `/cache/${encodeURIComponent(key)}.cjs` } : undefined),
    write: (key, code) => {
      writes.push(key);
      files.set(key, code);
    },
  };
  return { store, files, writes };
}

const plan = planFrom(
  [
    'events:',
    '  Order Completed:',
    '    properties:',
    '      order_id: { type: string, required: true, pattern: "^o[0-9]+$" }',
    '      email: { type: string, format: email }',
    '      placed_at: { type: string, format: date-time }',
    '      constructor: { type: integer, minimum: 1 }',
    '      tier: { enum: [gold, silver] }',
    '      code: { type: string, pattern: "^(a|aa)+$" }',
    '      items: { type: array, items: { type: object, properties: { sku: { type: string, minLength: 2 } } } }',
    'pages:',
    '  Home: {}',
    'identify:',
    '  traits:',
    '    email: { type: string, format: email }',
  ].join('\n'),
);

const subjects: Array<[CallType, string | undefined, unknown]> = [
  ['track', 'Order Completed', { properties: { order_id: 'o12', email: 'a@b.co', placed_at: '2026-12-05T10:00:00Z', constructor: 2, tier: 'gold', items: [{ sku: 'ab' }], code: 'aaaa' } }],
  ['track', 'Order Completed', { properties: { order_id: 'abx', email: 'nope', placed_at: 'yesterday', constructor: 0, tier: 'bronze', items: [{ sku: 'a' }], extra: 1, code: 'aab' } }],
  ['track', 'Order Completed', { properties: {} }],
  ['page', 'Home', { properties: { path: 3 } }],
  ['identify', undefined, { traits: { email: 'x' } }],
];

function plannedOf(type: CallType, name: string | undefined) {
  if (type === 'identify') return plan.identify!;
  return (type === 'page' ? plan.pages : plan.events).get(name!)!;
}

/** Each subject's verdict and errors (ajv's error objects, verbose: schema and data included). */
function verdicts(validators: EventValidators) {
  return subjects.map(([type, name, event]) => {
    const validate = validators.get(plannedOf(type, name), type)!;
    return [validate(event), validate.errors ?? null];
  });
}

describe('event validators', () => {
  it('compiled once, stored, and read back they give the same verdicts and errors', () => {
    const { store, writes, files } = memoryStore();
    const compiled = verdicts(new EventValidators(plan, undefined, store));
    expect(writes.sort()).toEqual(['identify', 'page:Home', 'track:Order Completed']);
    // How each pattern runs is stored with the code, so reading it back parses no pattern: JavaScript's
    // engine where it is provably linear, RE2's translation where not.
    const header = files.get('track:Order Completed')!.split('\n')[1]!;
    expect(JSON.parse(header.replace(/^\/\/ patterns /, ''))).toEqual({ '^o[0-9]+$': { engine: 'RegExp' }, '^(a|aa)+$': { engine: 're2js', source: expect.any(String) } });

    const again = memoryStore();
    for (const [key, code] of files) again.store.write(key, code);
    again.writes.length = 0;
    const stored = verdicts(new EventValidators(plan, undefined, again.store));
    expect(again.writes).toEqual([]);
    expect(stored).toEqual(compiled);
    expect(stored[1]![0]).toBe(false);
    expect((stored[1]![1] as Array<{ keyword: string }>).map((e) => e.keyword).sort()).toEqual(
      ['additionalProperties', 'enum', 'format', 'format', 'minLength', 'minimum', 'pattern', 'pattern'].sort(),
    );
  });

  it('agrees with validators made without a store', () => {
    const { store } = memoryStore();
    verdicts(new EventValidators(plan, undefined, store));
    expect(verdicts(new EventValidators(plan, undefined, store))).toEqual(verdicts(new EventValidators(plan)));
  });

  it('compiles again, and replaces, a stored module that does not load', () => {
    const { store, files, writes } = memoryStore();
    files.set('track:Order Completed', 'this is not JavaScript (');
    files.set('page:Home', 'module.exports = 42;');
    const validators = new EventValidators(plan, undefined, store);
    expect(validators.get(plan.events.get('Order Completed')!, 'track')!({ properties: { order_id: 'o1' } })).toBe(true);
    expect(validators.get(plan.pages.get('Home')!, 'page')!({ properties: { path: 3 } })).toBe(false);
    expect(writes).toEqual(['track:Order Completed', 'page:Home']);
  });
});
