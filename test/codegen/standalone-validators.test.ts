import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { AJV_ERROR_TYPE } from '../../src/codegen/compact-ajv-code.js';
import { standaloneValidators, forValidation } from '../../src/codegen/standalone-validators.js';
import { STRICTEST, typecheck } from '../helpers/typecheck.js';

describe('standaloneValidators', () => {
  it('types every validator of a long module for the strictest tsc options, and they validate', async () => {
    // Hundreds of validators, short and long: what each one destructures depends on its own body.
    const sources = Array.from({ length: 400 }, (_, i) => ({
      key: `k${i}`,
      schema: i % 2 === 0 ? { type: 'object', properties: { a: { type: 'string', maxLength: i } }, additionalProperties: false, required: ['a'] } : { type: 'array', items: { $ref: '#/definitions/Item' }, maxItems: i },
    }));
    const code = await standaloneValidators(sources, { Item: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } });
    const module = `${AJV_ERROR_TYPE}\n${code}export const validators = $validators;\n`;
    expect(typecheck({ 'validators.ts': module }, STRICTEST)).toEqual([]);

    const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const { validators } = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { validators: Record<string, ((data: unknown) => boolean) & { errors: unknown }> };
    expect(validators.k398!({ a: 'x' })).toBe(true);
    expect(validators.k398!({ a: 1, b: 2 })).toBe(false);
    expect(validators.k399!([{ id: 1 }, { id: 'x' }])).toBe(false);
    expect(validators.k399!.errors).toEqual([expect.objectContaining({ instancePath: '/1/id', keyword: 'type' })]);
  });

  it('compiles a schema that several sources share once, and each reusable type once', async () => {
    const item = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };
    const list = { type: 'array', items: { $ref: '#/definitions/Item' } };
    const code = await standaloneValidators([{ key: 'a', schema: list }, { key: 'b', schema: { ...list, description: 'same checks' } }, { key: 'c', schema: { type: 'object', properties: { item: { $ref: '#/definitions/Item' } } } }], { Item: item });
    expect(code).toContain('return { a, b: a, c };');
    expect(code.match(/^\s*function validate\d+/gm)).toHaveLength(3);
  });

  it('compiles recursive types, which ajv calls through a wrapper', async () => {
    const tree = { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/Tree' } }, n: { type: 'integer' } } };
    const code = await standaloneValidators([{ key: 'a', schema: { $ref: '#/definitions/Tree' } }], { Tree: tree });
    expect(code).not.toContain('wrapper');
    const module = `${AJV_ERROR_TYPE}\n${code}export const validators = $validators;\n`;
    expect(typecheck({ 'validators.ts': module }, STRICTEST)).toEqual([]);
    const js = ts.transpileModule(module, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const { validators } = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { validators: Record<string, ((data: unknown) => boolean) & { errors: unknown }> };
    expect(validators.a!({ children: [{ children: [{ n: 0.5 }] }] })).toBe(false);
    expect(validators.a!.errors).toEqual([expect.objectContaining({ instancePath: '/children/0/children/0/n', keyword: 'type' })]);
  });

  it('tests own properties only when the schemas name one that every object inherits', async () => {
    const schema = (name: string) => ({ type: 'object', properties: { [name]: { type: 'string' } }, required: [name] });
    expect(await standaloneValidators([{ key: 'a', schema: schema('name') }], {})).not.toContain('hasOwnProperty');
    expect(await standaloneValidators([{ key: 'a', schema: schema('constructor') }], {})).toContain('Object.prototype.hasOwnProperty');
  });

  it('drops annotations, keeps properties named like them, and points references at the own schemas of the types', () => {
    const schema = { description: 'd', type: 'object', properties: { description: { type: 'string', examples: ['x'] }, item: { $ref: '#/definitions/Item' } } };
    expect(forValidation(schema)).toEqual({ type: 'object', properties: { description: { type: 'string' }, item: { $ref: 'cdp:types/Item' } } });
  });
});
