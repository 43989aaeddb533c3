import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { JsonSchema } from '../../src/plan/model.js';
import { verifyPlanSchemas } from '../../src/compile/verify.js';
import { createAjv } from '../../src/validate/ajv.js';
import { loadPlan } from '../../src/plan/load.js';
import { ROOT } from '../helpers/cli.js';
import { planFrom } from '../helpers/plan.js';

const PLAN = [
  'plan: shop',
  'version: 3',
  'defaults: { unplanned_properties: warn }',
  'types:',
  '  Currency: { type: string, pattern: "^[A-Z]{3}$", description: ISO 4217 }',
  '  Product:',
  '    type: object',
  '    properties:',
  '      product_id: { type: string, required: true }',
  '      price: { type: number, minimum: 0 }',
  '      currency: Currency',
  '  Unused: string',
  'events:',
  '  Order Completed:',
  '    description: A customer completed a purchase.',
  '    properties:',
  '      order_id: { type: string, required: true }',
  '      currency: { type: Currency, description: Order currency. }',
  '      products: { type: array, items: Product }',
  '  Signed Out:',
  '    unplanned_properties: "off"',
  'identify:',
  '  traits:',
  '    email: { type: string, format: email, required: true }',
  'pages:',
  '  Home: { description: Landing page. }',
  '',
].join('\n');

describe('compilePlan, a property named __proto__', () => {
  it('compiles it as a pattern property, which validators check (ajv skips a "__proto__" entry of properties)', () => {
    const compiled = compilePlan(planFrom('events:\n  Thing Happened:\n    properties:\n      __proto__: { type: string, required: true }\n      name: string\n'));
    const body = (compiled.track.get('Thing Happened')!.properties as Record<string, Record<string, unknown>>).properties!;
    expect(Object.hasOwn(body.properties as object, '__proto__')).toBe(false);
    expect(body).toMatchObject({ properties: { name: { type: 'string' } }, additionalProperties: false, required: ['__proto__'] });
    expect(Object.getOwnPropertyDescriptor(body.patternProperties, '^__proto__$')?.value).toEqual({ type: 'string' });
    const validate = createAjv().compile(compiled.track.get('Thing Happened')!);
    expect(validate(JSON.parse('{"properties":{"__proto__":5}}'))).toBe(false);
    expect(validate(JSON.parse('{"properties":{"__proto__":"p"}}'))).toBe(true);
  });
});

describe('compilePlan', () => {
  const compiled = compilePlan(planFrom(PLAN));

  it('shapes a track event like a Segment Protocols rule, with only the definitions it uses', () => {
    expect(compiled.track.get('Order Completed')).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Order Completed',
      description: 'A customer completed a purchase.',
      type: 'object',
      properties: {
        context: {},
        traits: {},
        properties: {
          type: 'object',
          properties: {
            order_id: { type: 'string' },
            currency: { description: 'Order currency.', allOf: [{ $ref: '#/definitions/Currency' }] },
            products: { type: 'array', items: { $ref: '#/definitions/Product' } },
          },
          additionalProperties: false,
          required: ['order_id'],
        },
      },
      required: ['properties'],
      definitions: {
        Currency: { description: 'ISO 4217', type: 'string', pattern: '^[A-Z]{3}$' },
        Product: {
          type: 'object',
          properties: { product_id: { type: 'string' }, price: { type: 'number', minimum: 0 }, currency: { $ref: '#/definitions/Currency' } },
          additionalProperties: false,
          required: ['product_id'],
        },
      },
    });
  });

  it('leaves objects open when the policy is off and omits empty parts', () => {
    const schema = compiled.track.get('Signed Out')!;
    expect(schema.properties).toEqual({ context: {}, traits: {}, properties: { type: 'object', properties: {} } });
    expect(schema.required).toBeUndefined();
    expect(schema.definitions).toBeUndefined();
  });

  it('puts traits under properties.traits, and compiles pages', () => {
    expect(compiled.identify!.properties).toMatchObject({ traits: { properties: { email: { type: 'string', format: 'email' } }, required: ['email'] } });
    expect(compiled.identify!.required).toEqual(['traits']);
    expect(compiled.page.get('Home')!.title).toBe('Home');
  });

  it('declares the properties the Segment spec defines on pages and screens, so the schema agrees with lint', () => {
    const p = planFrom('plan: s\ndefaults: { unplanned_properties: error }\npages:\n  Home:\n    properties:\n      title: { enum: [Home] }\nscreens:\n  Cart: {}\n');
    const c = compilePlan(p);
    const home = (c.page.get('Home')!.properties as Record<string, JsonSchema>).properties!;
    expect(Object.keys(home.properties as object)).toEqual(['title', 'name', 'category', 'path', 'referrer', 'search', 'url', 'keywords']);
    expect((home.properties as Record<string, unknown>).title).toEqual({ enum: ['Home'] });
    expect(home.additionalProperties).toBe(false);
    const cart = (c.screen.get('Cart')!.properties as Record<string, JsonSchema>).properties!;
    expect(Object.keys(cart.properties as object)).toEqual(['name']);
    const validate = createAjv().compile(c.page.get('Home')!);
    expect(validate({ properties: { title: 'Home', url: 'http://x/', keywords: ['a'] } })).toBe(true);
    expect(validate({ properties: { title: 'Home', url: 5 } })).toBe(false);
  });

  it('is deterministic: keyword order does not depend on how the plan was written', () => {
    const a = compilePlan(planFrom('events:\n  A Happened:\n    properties:\n      n: { maximum: 5, type: integer, minimum: 1, description: N }\n'));
    expect(JSON.stringify(a.track.get('A Happened')!.properties)).toContain('{"description":"N","type":"integer","minimum":1,"maximum":5}');
    expect(JSON.stringify(compilePlan(planFrom(PLAN)).track.get('Order Completed'))).toBe(JSON.stringify(compiled.track.get('Order Completed')));
  });

  it('produces schemas that compile in ajv strict mode and validate as intended', () => {
    const strict = createAjv({ strictTypes: true, strictTuples: true, strictRequired: true });
    const ajv = createAjv();
    for (const schema of [...compiled.track.values(), ...compiled.page.values(), compiled.identify!]) strict.compile(schema);
    const validate = ajv.compile(compiled.track.get('Order Completed')!);
    expect(validate({ properties: { order_id: 'o1', currency: 'USD', products: [{ product_id: 'p', price: 2 }] } })).toBe(true);
    expect(validate({ properties: { currency: 'usd', products: [{ price: -1, extra: 1 }] } })).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/properties required',
      '/properties/currency pattern',
      '/properties/products/0 additionalProperties',
      '/properties/products/0 required',
      '/properties/products/0/price minimum',
    ]);
  });
});

describe('verifyPlanSchemas', () => {
  it('reports unknown formats and patterns ajv cannot compile, at the keyword', () => {
    const plan = planFrom('events:\n  A Happened:\n    properties:\n      a: { type: string, format: emial }\n      b: { type: string, pattern: "[a-\\\\d]" }\n');
    const found = verifyPlanSchemas(plan);
    expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['plan/invalid-schema', 4, 34],
      ['plan/invalid-schema', 5, 35],
    ]);
    expect(found[0]!.message).toMatch(/^Unknown format "emial"; known formats: .*\bemail\b/);
    expect(found[1]!.message).toMatch(/^Pattern \/\[a-\\d\]\/ is not a valid regular expression in unicode mode: /);
  });

  it('reports patterns RE2 cannot run, in patternProperties keys and conventions too, with the character', () => {
    const plan = planFrom(
      [
        'types:',
        '  Code: { type: string, pattern: "^(?<=x)y" }',
        'events:',
        '  A Happened:',
        '    properties:',
        '      a: Code',
        '      b: { type: object, patternProperties: { "^(x)\\\\1$": string } }',
        '      c: { type: string, pattern: "^(a+)+$" }',
        '',
      ].join('\n'),
    );
    const found = verifyPlanSchemas(plan);
    expect(found.map((d) => [d.ruleId, d.line, d.path, d.fatal])).toEqual([
      ['plan/invalid-schema', 2, '/types/Code/pattern', true],
      ['plan/invalid-schema', 7, '/events/A Happened/properties/b/patternProperties/^(x)\\1$', true],
    ]);
    expect(found[0]!.message).toBe('Pattern /^(?<=x)y/ cannot run in linear time (RE2), as cdp runs every pattern: the lookbehind (?<=…) at character 2; write that condition as a schema of its own, such as `not: { pattern: ... }`');
    expect(found[1]!.message).toBe('Pattern /^(x)\\1$/ cannot run in linear time (RE2), as cdp runs every pattern: the backreference \\1 at character 5');
  });
});

describe('the example plans', () => {
  const strict = createAjv({ strictTypes: true, strictTuples: true, strictRequired: true });
  it.each(['plans/ecommerce.yaml', 'plans/b2b-saas.yaml'])('%s compiles to strict-mode schemas its own examples satisfy', (file) => {
    const plan = loadPlan(file, ROOT);
    const compiled = compilePlan(plan);
    let examples = 0;
    for (const [kind, schemas, events] of [
      ['track', compiled.track, plan.events],
      ['page', compiled.page, plan.pages],
    ] as const) {
      for (const [name, schema] of schemas) {
        const validate = strict.compile(schema);
        for (const example of events.get(name)!.examples ?? []) {
          examples++;
          expect(validate({ properties: example }), `${kind} ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }
    }
    for (const schema of [compiled.identify, compiled.group]) if (schema) strict.compile(schema);
    expect(examples).toBeGreaterThan(0);
  });
});
