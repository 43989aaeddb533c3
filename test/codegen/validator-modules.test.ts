import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AJV_ERROR_TYPE } from '../../src/codegen/compact-ajv-code.js';
import { folderValidators } from '../../src/codegen/validator-modules.js';
import { STRICTEST, typecheck } from '../helpers/typecheck.js';

type Validator = ((data: unknown) => boolean) & { errors: Array<{ instancePath: string }> | null };

describe('folderValidators', () => {
  it('writes each type once in the shared module, mutually recursive ones included, and each module imports what it calls', async () => {
    const definitions = {
      Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/Tree' } }, leaf: { $ref: '#/definitions/Leaf' } } },
      Leaf: { type: 'object', properties: { parent: { $ref: '#/definitions/Tree' }, n: { type: 'integer' } } },
    };
    const { shared, modules } = await folderValidators(
      [[{ key: 't0', schema: { type: 'object', properties: { tree: { $ref: '#/definitions/Tree' } } } }], [{ key: 't1', schema: { type: 'string', pattern: '^a' } }]],
      definitions,
    );
    expect(shared.match(/^export const \$type_\w+/gm)).toEqual(['export const $type_Tree', 'export const $type_Leaf']);
    expect(modules.map((m) => m.imports)).toEqual([['$concat', '$e', '$type_Tree'], ['$e']]);

    const files: Record<string, string> = {
      'runtime.ts': `export ${AJV_ERROR_TYPE}\n`,
      'validators.ts': `import type { $AjvError } from "./runtime.js";\n${shared}`,
    };
    modules.forEach((m, i) => (files[`m${i}.ts`] = `import type { $AjvError } from "./runtime.js";\nimport { ${m.imports.join(', ')} } from "./validators.js";\n${m.code}export const validators = $validators;\n`));
    expect(typecheck(files, STRICTEST)).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'cdp-validators-'));
    mkdirSync(dir, { recursive: true });
    for (const [path, source] of Object.entries(files)) {
      writeFileSync(join(dir, path.replace(/\.ts$/, '.mjs')), ts.transpileModule(source.replace(/\.js"/g, '.mjs"'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    }
    const { validators } = (await import(pathToFileURL(join(dir, 'm0.mjs')).href)) as { validators: Record<string, Validator> };
    expect(validators.t0!({ tree: { children: [{ leaf: { parent: { leaf: { n: 1 } } } }] } })).toBe(true);
    expect(validators.t0!({ tree: { children: [{ leaf: { parent: { leaf: { n: 1.5 } } } }] } })).toBe(false);
    expect(validators.t0!.errors!.map((e) => e.instancePath)).toEqual(['/tree/children/0/leaf/parent/leaf/n']);
  });
});
