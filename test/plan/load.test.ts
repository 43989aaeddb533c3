import { describe, expect, it } from 'vitest';
import { loadPlan, PlanLoadError } from '../../src/plan/load.js';
import { FIXTURES, planFrom, writeTree } from '../helpers/plan.js';

function loadErrors(files: Record<string, string>, root = 'plan.yaml') {
  const dir = writeTree(files);
  try {
    loadPlan(root, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanLoadError);
    return (error as PlanLoadError).diagnostics;
  }
  throw new Error('expected the plan to fail to load');
}

describe('loadPlan', () => {
  it('expands shorthands, required sugar and type references', () => {
    const plan = planFrom(
      [
        'plan: shop',
        'version: 3',
        'types:',
        '  Currency: { type: string, pattern: "^[A-Z]{3}$" }',
        '  Product:',
        '    type: object',
        '    properties:',
        '      product_id: { type: string, required: true }',
        'events:',
        '  Order Completed:',
        '    description: Done.',
        '    version: 2',
        '    required: [revenue]',
        '    properties:',
        '      order_id: { type: string, required: true }',
        '      revenue: number',
        '      currency: Currency',
        '      coupon: { type: [string, "null"] }',
        '      products: { type: array, items: Product }',
        '      fallback: { type: [Currency, "null"], description: Maybe. }',
        '  Signed Out:',
        '',
      ].join('\n'),
    );
    expect(plan.name).toBe('shop');
    expect(plan.version).toBe(3);
    const event = plan.events.get('Order Completed')!;
    expect(event.version).toBe(2);
    expect(event.properties).toEqual({
      type: 'object',
      properties: {
        order_id: { type: 'string' },
        revenue: { type: 'number' },
        currency: { $ref: '#/types/Currency' },
        coupon: { type: ['string', 'null'] },
        products: { type: 'array', items: { $ref: '#/types/Product' } },
        fallback: { anyOf: [{ $ref: '#/types/Currency' }, { type: 'null' }], description: 'Maybe.' },
      },
      required: ['order_id', 'revenue'],
    });
    expect(plan.types.get('Product')!.schema).toEqual({ type: 'object', properties: { product_id: { type: 'string' } }, required: ['product_id'] });
    expect(plan.events.get('Signed Out')!.properties).toEqual({ type: 'object', properties: {} });
    expect(plan.defaults).toEqual({ unplannedEvents: 'error', unplannedProperties: 'warn' });
  });

  it('keeps positions for every entry', () => {
    const plan = planFrom('events:\n  A Happened:\n    properties:\n      x: string\n');
    expect(plan.sources.get('plan.yaml')!.locate('/events/A Happened/properties/x')).toEqual({ line: 4, column: 7 });
  });

  it('merges included files and keeps each file\'s positions', () => {
    const plan = planFrom('plan: p\ninclude: [parts/more.yaml]\nevents:\n  A Happened: {}\n', {
      'parts/more.yaml': 'types:\n  Id: string\nevents:\n  B Happened:\n    properties:\n      id: Id\n',
    });
    expect([...plan.events.keys()]).toEqual(['A Happened', 'B Happened']);
    expect(plan.files).toEqual(['plan.yaml', 'parts/more.yaml']);
    expect(plan.events.get('B Happened')!.file).toBe('parts/more.yaml');
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const plan = planFrom('events:\n  __proto__:\n    properties:\n      constructor: string\n      __proto__: number\n');
    const event = plan.events.get('__proto__')!;
    expect(Object.keys(event.properties.properties as object)).toEqual(['constructor', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('reports, with file:line:column, and throws', () => {
    it('a missing file', () => {
      const [d] = loadErrors({}, 'nope.yaml');
      expect(d).toMatchObject({ ruleId: 'plan/io-error', fatal: true, message: 'Cannot read plan file nope.yaml: no such file' });
    });
    it('a directory', () => {
      const [d] = loadErrors({ 'dir/x.yaml': 'a: 1' }, 'dir');
      expect(d!.message).toBe('dir is a directory, not a plan file');
    });
    it('an empty file', () => {
      const [d] = loadErrors({ 'plan.yaml': '' });
      expect(d).toMatchObject({ ruleId: 'plan/invalid-format', file: 'plan.yaml' });
      expect(d!.message).toMatch(/empty/);
    });
    it('YAML syntax errors and tabs', () => {
      expect(loadErrors({ 'plan.yaml': 'events: {a: 1\n' })[0]).toMatchObject({ ruleId: 'plan/yaml-syntax', line: 2 });
      expect(loadErrors({ 'plan.yaml': 'events:\n\tA Happened: {}\n' })[0]).toMatchObject({ ruleId: 'plan/yaml-syntax', line: 2, column: 1 });
    });
    it('duplicate keys', () => {
      const [d] = loadErrors({ 'plan.yaml': 'events:\n  A Happened: {}\n  A Happened: {}\n' });
      expect(d).toMatchObject({ ruleId: 'plan/duplicate-key', line: 3, column: 3, message: 'duplicate key "A Happened": each key may appear only once in a map' });
    });
    it('unknown keys, with a suggestion', () => {
      const ds = loadErrors({ 'plan.yaml': 'events:\n  A Happened:\n    descripton: x\n    properties:\n      n: { type: string, maxLenght: 3 }\n' });
      expect(ds.map((d) => [d.line, d.column, d.suggestion])).toEqual([
        [3, 5, 'description'],
        [5, 26, 'maxLength'],
      ]);
      expect(ds[0]!.message).toBe('Unknown key "descripton" in event "A Happened"; did you mean "description"?');
    });
    it('values of the wrong kind', () => {
      const [d] = loadErrors({ 'plan.yaml': 'defaults:\n  unplanned_events: sometimes\n' });
      expect(d).toMatchObject({ line: 2, column: 21, message: '"unplanned_events" of "defaults" must be one of "error", "warn", "off"' });
    });
    it('an unknown type, with the closest name', () => {
      const [d] = loadErrors({ 'plan.yaml': 'events:\n  A Happened:\n    properties:\n      price: strin\n' });
      expect(d).toMatchObject({ ruleId: 'plan/unknown-type-ref', line: 4, column: 7, suggestion: 'string' });
      expect(d!.message).toBe('Unknown type "strin" in property "price" of event "A Happened"; did you mean "string"?');
    });
    it('a $ref to nothing', () => {
      const [d] = loadErrors({ 'plan.yaml': 'types:\n  Product: object\nevents:\n  A Happened:\n    properties:\n      p: { $ref: "#/types/Nothing" }\n' });
      expect(d).toMatchObject({ ruleId: 'plan/unknown-type-ref', line: 6 });
      expect(d!.message).toMatch(/Reference to undefined type "Nothing"/);
    });
    it('cycles between types, direct and through properties', () => {
      expect(loadErrors({ 'plan.yaml': 'types:\n  A: B\n  B: A\n' }).map((d) => d.message)).toEqual(['Types reference each other in a cycle: A -> B -> A']);
      const nested = 'types:\n  C:\n    type: object\n    properties:\n      d: D\n  D:\n    type: object\n    properties:\n      c: { type: C }\n';
      expect(loadErrors({ 'plan.yaml': nested })).toMatchObject([{ ruleId: 'plan/type-cycle', line: 5, message: 'Types reference each other in a cycle: C -> D -> C' }]);
    });
    it('a YAML alias bomb, without expanding it', () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + prev).join(',')}]`);
      }
      const [d] = loadErrors({ 'plan.yaml': levels.join('\n') + '\n' });
      expect(d).toMatchObject({ ruleId: 'plan/alias-limit', fatal: true, line: 2 });
    });
    it('an alias used inside its own anchor, which js-yaml builds as a cycle (found by fuzzing)', () => {
      expect(loadErrors({ 'plan.yaml': 'events:\n  A: &a\n    description: x\n    properties: { p: *a }\n' })).toMatchObject([
        { ruleId: 'plan/alias-limit', line: 4, column: 22, message: expect.stringContaining('an alias is used inside its own anchor, so it expands without end') },
      ]);
      // Through another node, and below an alias that is fine.
      const indirect = 'types:\n  Base: &b { type: object }\n  A: *b\nevents:\n  E: &e\n    properties:\n      x: { items: [*e] }\n';
      expect(loadErrors({ 'plan.yaml': indirect }).map((d) => d.ruleId)).toEqual(['plan/alias-limit']);
    });
    it('100,000 aliases, even of a scalar', () => {
      const [d] = loadErrors({ 'plan.yaml': `x: &x lol\ny: [${Array(100_000).fill('*x').join(', ')}]\n` });
      expect(d).toMatchObject({ ruleId: 'plan/alias-limit', line: 2, column: 5 });
      expect(d!.message).toMatch(/100000 aliases, more than 100/);
    });
    it('a few aliases, and a merge key, are fine', () => {
      const plan = planFrom('types:\n  Base: &base { type: object, properties: { id: string } }\n  Copy: *base\n  More:\n    <<: *base\n    description: more\n');
      expect(plan.types.get('More')!.schema).toMatchObject({ type: 'object', description: 'more' });
    });
    it('include problems: missing file, cycle, root-only keys', () => {
      expect(loadErrors({ 'plan.yaml': 'include: [gone.yaml]\n' })[0]).toMatchObject({ ruleId: 'plan/io-error', line: 1, message: 'Cannot read included plan file gone.yaml: no such file' });
      const cycle = loadErrors({ 'plan.yaml': 'include: b.yaml\n', 'b.yaml': 'include: plan.yaml\n' });
      expect(cycle.map((d) => d.message)).toEqual(['Include cycle: plan.yaml -> b.yaml -> plan.yaml']);
      expect(loadErrors({ 'plan.yaml': 'include: b.yaml\n', 'b.yaml': 'plan: other\n' })[0]!.message).toMatch(/"plan" may only be set in the root plan file/);
    });
    it('an event defined in two files', () => {
      const [d] = loadErrors({ 'plan.yaml': 'include: b.yaml\nevents:\n  A Happened: {}\n', 'b.yaml': 'events:\n  A Happened: {}\n' });
      expect(d).toMatchObject({ ruleId: 'plan/duplicate-definition', file: 'b.yaml', line: 2, message: 'The event "A Happened" is already defined in plan.yaml:3:3' });
    });
    it('every problem in the file, not only the first', () => {
      const ds = loadErrors({ 'plan.yaml': 'events:\n  A Happened:\n    properties:\n      a: strin\n      b: numbr\n' });
      expect(ds.map((d) => d.suggestion)).toEqual(['string', 'number']);
    });
  });
});

describe('loadPlan, format details', () => {
  it('explains an unquoted null in a type list', () => {
    const dir = writeTree({ 'plan.yaml': 'events:\n  A Happened:\n    properties:\n      note: { type: [string, null] }\n' });
    try {
      loadPlan('plan.yaml', dir);
      expect.unreachable();
    } catch (error) {
      const [d] = (error as PlanLoadError).diagnostics;
      expect(d).toMatchObject({ ruleId: 'plan/invalid-format', line: 4, column: 30 });
      expect(d!.message).toMatch(/write "null" in quotes/);
    }
  });

  it('points at a bad type name or an empty event name itself, once each', () => {
    const problems = loadErrors({ 'plan.yaml': 'types:\n  Good: string\n  1bad: string\nevents:\n  A:\n    description: x\n  "":\n    description: y\n' });
    expect(problems.map((d) => [d.line, d.column, d.path, d.message])).toEqual([
      [3, 3, '/types/1bad', 'Type name "1bad" must be an identifier (letters, digits, _; not starting with a digit)'],
      [7, 3, '/events/', 'A name in "events" is empty'],
    ]);
  });

  it('says "an integer"', () => {
    expect(loadErrors({ 'plan.yaml': 'events:\n  A:\n    properties:\n      n: { type: integer, minLength: 1.5 }\n' }).map((d) => d.message)).toEqual([
      '"minLength" of property "n" of event "A" must be an integer',
    ]);
  });

  it('accepts empty identify and group sections', () => {
    const plan = planFrom('identify:\ngroup:\n');
    expect(plan.identify?.traits).toEqual({ type: 'object', properties: {} });
    expect(plan.group).toBeDefined();
  });

  it('refuses a key holding a lone surrogate, which would make ajv throw on every event of that name (found by fuzzing)', () => {
    let diagnostics;
    try {
      loadPlan('lone-surrogate-key.yaml', `${FIXTURES}plans`);
    } catch (error) {
      diagnostics = (error as PlanLoadError).diagnostics;
    }
    expect(diagnostics?.map((d) => [d.ruleId, d.line, d.column, d.path, d.message])).toEqual([
      [
        'plan/invalid-format',
        7,
        7,
        '/events/Order Completed/properties/total\ud800',
        'Key "total\\ud800" in "properties" of event "Order Completed" holds a lone UTF-16 surrogate; names must be well-formed Unicode',
      ],
    ]);
  });
});
