// Generators of YAML tracking plans: plan-shaped values with hostile variations dumped as YAML,
// hand-made YAML that parsers find hard, and byte mutations of both. Each plan is a set of files
// (plan.yaml, maybe an included part.yaml).
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { anyString, HOSTILE_KEYS, loneSurrogate } from './events.js';
import { applyMutations, byteMutation } from './inputs.js';

const BUILT_IN_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
/** What a clean plan refers to: the built-in types and the two it always defines. */
const CLEAN_TYPE_NAMES = [...BUILT_IN_TYPES, 'Product', 'Currency'];
const HOSTILE_TYPE_NAMES = [...CLEAN_TYPE_NAMES, 'any', 'Missing', 'Loop', 'str'];

const name = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('Order Completed', 'Product Added', 'order completed', 'Order_Completed', 'Purchase Made', 'Signed Up', 'Home') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ minLength: 256, maxLength: 300 }) },
);

const scalar = fc.oneof(anyString, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const anyValue = fc.anything({ maxDepth: 1, maxKeys: 3, withNullPrototype: false });
const CONVENTIONS = ['object-action', 'snake_case', 'camelCase', 'Title Case', 'kebab-case', 'PascalCase'];
const POLICIES = ['error', 'warn', 'off'];

/**
 * The value of a plan file. A clean plan has the right kind of value for every keyword (so it gets
 * past the format check to the compiler, the plan rules and the checker); a hostile one has
 * anything, now and then, anywhere.
 */
function planValue(root, hostile) {
  const or = (plausible, wrong = anyValue) => (hostile ? fc.oneof({ weight: 30, arbitrary: plausible }, { weight: 1, arbitrary: wrong }) : plausible);
  const TYPE_NAMES = hostile ? HOSTILE_TYPE_NAMES : CLEAN_TYPE_NAMES;
  const key = hostile ? name : name.filter((n) => n !== '' && !/\p{Cs}/u.test(n));
  // Types refer only to built-in types in a clean plan: otherwise most would refer to each other in a cycle.
  const schemaOf = (typeNames, refs) => fc.letrec((tie) => ({
    schema: fc.oneof({ depthSize: 'xsmall', withCrossShrink: true }, fc.constantFrom(...typeNames), tie('full')),
    full: fc.record(
      {
        type: or(fc.oneof(fc.constantFrom(...typeNames), fc.uniqueArray(fc.constantFrom(...typeNames), { minLength: 1, maxLength: 3 }))),
        required: or(fc.boolean()),
        description: or(anyString),
        enum: or(fc.array(scalar, { minLength: 1, maxLength: 4 })),
        const: scalar,
        minimum: or(fc.integer({ min: -10, max: 10 })),
        maximum: or(fc.integer({ min: -10, max: 10 })),
        exclusiveMinimum: or(fc.integer({ min: -10, max: 10 })),
        minLength: or(fc.nat(5)),
        maxLength: or(fc.nat(5)),
        minItems: or(fc.nat(3)),
        maxItems: or(fc.nat(3)),
        format: or(fc.constantFrom('email', 'date-time', 'date', 'uri', 'uuid', 'ipv4'), fc.constantFrom('bogus', '')),
        pattern: or(fc.constantFrom('^[A-Z]{3}$', '^\\d+$', '\\p{L}+', ''), fc.constantFrom('(', '[', '\\')),
        items: tie('schema'),
        properties: fc.dictionary(key, tie('schema'), { maxKeys: 3 }),
        additionalProperties: or(fc.boolean()),
        allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        ...(refs.length > 0 ? { $ref: or(fc.constantFrom(...refs), fc.constantFrom('#/types/Loop', '#/types/Missing', '#/definitions/x', 'Product', '')) } : {}),
        deprecated: or(fc.boolean()),
        examples: fc.array(scalar, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  })).schema;
  const REFS = ['#/types/Product', '#/types/Currency'];
  const schema = schemaOf(TYPE_NAMES, REFS);
  const properties = fc.dictionary(key, schema, { maxKeys: 4 });
  const event = fc.oneof(
    { weight: 1, arbitrary: hostile ? fc.constantFrom(null, '', 'string', 3, [], {}) : fc.constantFrom(null, {}) },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          description: or(anyString),
          version: or(fc.integer({ min: 0, max: 3 })),
          deprecated: or(fc.oneof(fc.boolean(), anyString)),
          unplanned_properties: or(fc.constantFrom(...POLICIES)),
          properties: or(properties),
          required: or(fc.array(key, { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    },
  );
  const traits = or(fc.record({ description: anyString, traits: or(properties), unplanned_traits: or(fc.constantFrom(...POLICIES)) }, { requiredKeys: [] }));
  // A type definition says what values are, not whether a property must be there.
  const typeSchema = schemaOf(hostile ? TYPE_NAMES : BUILT_IN_TYPES, hostile ? REFS : []).map((s) => (s !== null && typeof s === 'object' && !hostile ? { ...s, required: undefined } : s));
  const types = hostile
    ? fc.dictionary(fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Product', 'Currency', 'Loop', 'Other') }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'string', '') }), schema, { maxKeys: 4 })
    : fc.record({ Product: typeSchema, Currency: typeSchema, Other: typeSchema }, { requiredKeys: ['Product', 'Currency'] });
  return fc.record(
    {
      ...(root
        ? {
            plan: or(key),
            version: or(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }))),
            conventions: or(fc.record({ event: or(fc.constantFrom(...CONVENTIONS)), property: or(fc.constantFrom(...CONVENTIONS)) }, { requiredKeys: [] })),
            defaults: or(fc.record({ unplanned_events: or(fc.constantFrom(...POLICIES)), unplanned_properties: or(fc.constantFrom(...POLICIES)) }, { requiredKeys: [] })),
          }
        : {}),
      description: or(anyString),
      include: or(fc.constant('part.yaml'), fc.oneof(fc.constantFrom('missing.yaml', 'plan.yaml', 'sub/../part.yaml', '.', 'sub', ''), fc.array(fc.constantFrom('part.yaml', 'missing.yaml', 'plan.yaml'), { maxLength: 3 }))),
      types: or(types),
      events: or(fc.dictionary(key, event, { maxKeys: 5 })),
      pages: or(fc.dictionary(key, event, { maxKeys: 2 })),
      screens: or(fc.dictionary(key, event, { maxKeys: 2 })),
      identify: traits,
      group: traits,
    },
    { requiredKeys: [...(root ? ['events'] : []), ...(hostile ? [] : ['types'])] },
  );
}

/** Keys named `__proto__` become own properties, as js-yaml reads them, so that the dump writes them. */
function ownProto(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(ownProto);
  const out = {};
  for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: ownProto(value[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Block or flow YAML (level 0 is JSON, which is YAML too). */
const dumped = (value, flowLevel) => (flowLevel === 0 ? JSON.stringify(ownProto(value), null, 1) ?? '' : jsYaml.dump(ownProto(value), { flowLevel, lineWidth: -1, noRefs: true, skipInvalid: true }));

/** YAML that is hard on parsers and on what walks their output. */
const trickyYaml = fc.oneof(
  fc.integer({ min: 150, max: 3000 }).map((n) => `events:\n  Deep:\n    properties:\n      x: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  fc.integer({ min: 50, max: 400 }).map((n) => `events:\n  Deep:\n    properties:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(2 * i + 3)}p${i}:\n${'  '.repeat(2 * i + 4)}type: object\n${'  '.repeat(2 * i + 4)}properties:`).join('\n')}\n${'  '.repeat(2 * n + 3)}leaf: string\n`),
  fc.integer({ min: 2, max: 12 }).map((n) => `a0: &a0 [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]`).join('\n')}\nevents: {}\n`),
  fc.constantFrom(
    'events:\n  A: &a\n    description: x\n    properties: { p: *a }\n',
    'base: &b { description: Base., properties: { id: string } }\nevents:\n  Order Completed:\n    <<: *b\n  Order Refunded: { <<: [*b, *b] }\n',
    'events: !!binary aGVsbG8=\n',
    'events: !!js/regexp /x/\n',
    'events: !!set { a, b }\n',
    '%YAML 1.1\n---\nevents: {}\n',
    'events: {}\n---\nevents: {}\n',
    '? [a, b]\n: c\nevents: {}\n',
    'events:\n\tOrder Completed: {}\n',
    'events:\n  Order Completed: {}\n  Order Completed: {}\n',
    'events: { "\\ud800": {}, "__proto__": { description: x }, constructor: {} }\n',
    'events:\n  E:\n    properties:\n      p: { type: string, enum: *undefined }\n',
    '\ufeffevents: {}\n',
    'events:\r\n  Order Completed:\r\n    description: x\r\n',
    '',
    '# nothing\n',
    '---\n',
    'null\n',
    '[1, 2]\n',
    '"a string"\n',
    'events: ~\n',
    'events:\n  Order Completed:\n    properties:\n      a: { type: [string, string] }\n',
  ),
);

/** Text of a plan file: dumped plan values, tricky YAML, either with its bytes mutated. */
const planText = (root) =>
  fc
    .record({
      text: fc.oneof(
        { weight: 4, arbitrary: fc.tuple(planValue(root, false), fc.constantFrom(-1, -1, 0, 2, 3)).map(([v, level]) => dumped(v, level)) },
        { weight: 3, arbitrary: fc.tuple(planValue(root, true), fc.constantFrom(-1, 1, 2, 3)).map(([v, level]) => dumped(v, level)) },
        { weight: 1, arbitrary: trickyYaml },
      ),
      mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 3 }) }),
    })
    .map(({ text, mutations }) => applyMutations(Buffer.from(text), mutations));

/**
 * The files of a plan: `plan.yaml`, and `part.yaml` that it may include. A clean plan with a part
 * that cannot clash with it, to reach the compiler and the checker; or anything, in both.
 */
export const planFiles = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.tuple(planValue(true, false), fc.constantFrom(-1, -1, 0, 2, 3)).map(([value, level]) => ({
      'plan.yaml': Buffer.from(dumped(value, level)),
      'part.yaml': Buffer.from('screens:\n  Part Screen: { description: From the part. }\n'),
    })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ 'plan.yaml': planText(true), 'part.yaml': fc.option(planText(false), { freq: 8 }) }).map((files) => {
      const out = { 'plan.yaml': files['plan.yaml'] };
      if (files['part.yaml'] !== null) out['part.yaml'] = files['part.yaml'];
      return out;
    }),
  },
);
