// Generators of Segment-shaped events as JSON text, plausible and hostile in every slot. Plain
// JavaScript, so that `npm run fuzz` (scripts/fuzz.mjs, plain Node) and the property tests share them.
import fc from 'fast-check';

/** What test/fixtures/fuzz/plan.yaml declares, so that generated events reach its schemas. */
const PLANNED_EVENTS = ['Order Completed', 'Product Added', 'Signed Up', 'Gift Card Redeemed', 'Loose Event Happened'];
const PLANNED_PAGES = ['Home', 'Checkout'];
const PLANNED_SCREENS = ['Settings'];
const PLANNED_PROPERTIES = ['order_id', 'revenue', 'currency', 'coupon', 'products', 'payment_method', 'created_at', 'address', 'product_id', 'price', 'quantity', 'email', 'known', 'step', 'tab', 'tags', 'city'];
const TRAITS = ['email', 'firstName', 'createdAt', 'address', 'name', 'employees', 'first_name', 'postalCode'];
const CALL_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

/** Keys that name something on Object.prototype, JSON-pointer syntax, or nothing at all. */
export const HOSTILE_KEYS = [
  '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf',
  '', ' ', 'a/b', '~0', '~1', '/', '$ref', 'length', '0', '-1', 'type', 'batch', 'event', 'properties', 'traits',
  '\u0000', '\ud800', '\udc00', '\ufeff', '\u2028', 'é', '🎉', 'a\nb', '"', '\\',
];

export const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', 'x\ud800\ud800y');

/** Past the 255 characters of a Segment name, and past 64 KiB. */
const hugeString = fc
  .tuple(fc.integer({ min: 200, max: 70_000 }), fc.constantFrom('a', 'é', '🎉', '\\', '"', ' ', '\n', '\ud800', 'Order '))
  .map(([n, piece]) => piece.repeat(Math.ceil(n / piece.length)));

export const anyString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
);

const anyKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...PLANNED_PROPERTIES, ...TRAITS) },
  { weight: 3, arbitrary: anyString },
);

const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('-0', '0.0', '1e400', '-1e400', '1E-400', '123456789012345678901234567890', '9007199254740993', '1.7976931348623157e308', '5e-324'),
);

const scalarText = fc.oneof(fc.constantFrom('null', 'true', 'false'), numberText, anyString.map((s) => JSON.stringify(s)));

/** Nesting far past spec/max-depth's 64 levels, written as text: JSON.stringify would recurse. */
const deepText = fc
  .record({ depth: fc.integer({ min: 30, max: 5000 }), kind: fc.constantFrom('array', 'object', 'mixed'), inner: scalarText, key: anyKey })
  .map(({ depth, kind, inner, key }) => {
    const k = JSON.stringify(key);
    const open = (i) => (kind === 'array' || (kind === 'mixed' && i % 2 === 1) ? '[' : `{${k}:`);
    const close = (i) => (kind === 'array' || (kind === 'mixed' && i % 2 === 1) ? ']' : '}');
    let head = '';
    let tail = '';
    for (let i = 0; i < depth; i++) {
      head += open(i);
      tail = close(i) + tail;
    }
    return head + inner + tail;
  });

/** Wide values: more keys than the checker names (10 000), long arrays, duplicated keys. */
const wideText = fc
  .record({ n: fc.integer({ min: 100, max: 12_000 }), kind: fc.constantFrom('object', 'array', 'duplicates') })
  .map(({ n, kind }) => {
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(kind === 'array' ? String(i) : kind === 'object' ? `"k${i}":${i}` : `"order_id":${i}`);
    return kind === 'array' ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  });

/** Any JSON value, as text, with hostile keys and strings in it. */
const jsonText = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(anyKey, tie('value')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
})).value;

/** A huge string as a value, or as a key: rare, so that an input stays small enough to run many. */
const hugeText = fc.tuple(hugeString, fc.boolean()).map(([s, asKey]) => (asKey ? `{${JSON.stringify(s)}:1}` : JSON.stringify(s)));

export const hostileJson = fc.oneof({ weight: 12, arbitrary: jsonText }, { weight: 2, arbitrary: deepText }, { weight: 1, arbitrary: wideText }, { weight: 1, arbitrary: hugeText });

const timestamp = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2024-01-15T10:30:00Z', '2024-01-15T10:30:00.123456789Z', '2024-01-15T10:30:00+05:30', '2024-02-30T00:00:00Z', '2024-01-15',
      '2024-01-15T25:00:00Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '', 'yesterday', '2024-13-01T00:00:00Z', '0000-00-00T00:00:00Z',
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
);

const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 12 }), fc.integer());

const propertyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 2000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('USD', 'usd', 'card', 'paypal', 'a@b.co', 'not an email', '2024-01-15T10:30:00Z', 'account'),
  fc.array(fc.record({ product_id: fc.string({ maxLength: 6 }), price: fc.integer({ min: -1, max: 100 }), quantity: fc.integer({ min: 0, max: 2000 }) }, { requiredKeys: [] }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('city', 'postal_code', 'Street Name', 'x'), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
);

const properties = fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLANNED_PROPERTIES) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), propertyValue, { maxKeys: 8 });
const traits = fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TRAITS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), propertyValue, { maxKeys: 6 });

const context = fc.record(
  {
    library: fc.record({ name: fc.constantFrom('analytics.js', 'analytics-node'), version: fc.string({ maxLength: 6 }) }),
    protocols: fc.record({ event_version: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 3 })) }),
    traits,
    ip: fc.ipV4(),
  },
  { requiredKeys: [] },
);

const integrations = fc.dictionary(fc.constantFrom('All', 'Amplitude', 'Google Analytics', 'Mixpanel', ''), fc.oneof(fc.boolean(), fc.record({ id: fc.string({ maxLength: 4 }) }), fc.string({ maxLength: 4 })), { maxKeys: 3 });

const eventName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLANNED_EVENTS, ...PLANNED_PAGES, ...PLANNED_SCREENS) },
  { weight: 2, arbitrary: fc.constantFrom('Order Complete', 'order_completed', 'Purchase Made', 'Product Viewed', 'Application Opened', 'Signed up', '  ', '') },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: hugeString },
);

/** A slot holds a plausible value most of the time, and anything at all otherwise. */
const slot = (plausible) => fc.oneof({ weight: 5, arbitrary: plausible.map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: hostileJson });

const typeText = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CALL_TYPES).map((t) => JSON.stringify(t)) },
  { weight: 1, arbitrary: fc.constantFrom('"Track"', '"IDENTIFY"', '"unknown"', '""', '"track "') },
  { weight: 1, arbitrary: hostileJson },
);

/** One Segment-shaped event as JSON text (possibly with duplicated or hostile keys). */
export const eventText = fc
  .tuple(
    fc.record(
      {
        type: typeText,
        event: slot(eventName),
        name: slot(eventName),
        userId: slot(id),
        anonymousId: slot(id),
        previousId: slot(id),
        groupId: slot(id),
        messageId: slot(id),
        timestamp: slot(timestamp),
        sentAt: slot(timestamp),
        receivedAt: slot(timestamp),
        originalTimestamp: slot(timestamp),
        context: slot(context),
        integrations: slot(integrations),
        properties: slot(properties),
        traits: slot(traits),
        version: slot(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 2 }))),
      },
      { requiredKeys: ['type'] },
    ),
    fc.array(fc.tuple(anyKey, hostileJson), { maxLength: 2 }),
  )
  .map(([slots, extra]) => {
    const members = Object.entries(slots).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
    for (const [k, v] of extra) members.push(`${JSON.stringify(k)}:${v}`);
    return `{${members.join(',')}}`;
  });

/** A Segment HTTP batch: `{"batch": [...]}` with the batch-level fields. */
export const batchText = fc
  .tuple(fc.array(fc.oneof({ weight: 5, arbitrary: eventText }, { weight: 1, arbitrary: hostileJson }), { maxLength: 4 }), fc.option(timestamp.map((t) => JSON.stringify(t))))
  .map(([events, sentAt]) => `{"batch":[${events.join(',')}]${sentAt === null ? '' : `,"sentAt":${sentAt}`}}`);

/** What can be on a line of a log besides an event. */
const garbageText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('not json', '{"type":"track"', '{"type":"track",}', "{'type':'track'}", '{"a":1} {"b":2}', '}{', ']', '[', '"\\u12"', 'NaN', 'undefined', '\u0000', '\ufeff{}', '{"a":"\\ud800"}'),
);

export const lineText = fc.oneof(
  { weight: 12, arbitrary: eventText },
  { weight: 1, arbitrary: batchText },
  { weight: 2, arbitrary: hostileJson },
  { weight: 2, arbitrary: garbageText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r', ' \t ') },
);
