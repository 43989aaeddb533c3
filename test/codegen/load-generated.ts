import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { ClientName } from '../../src/codegen/clients/index.js';
import type { ValidateMode } from '../../src/codegen/options.js';
import { generateFiles } from '../../src/codegen/generate.js';
import type { Plan } from '../../src/plan/model.js';

const dir = mkdtempSync(join(tmpdir(), 'cdp-generated-'));
let count = 0;

/** The generated single-file module for `plan`, transpiled by TypeScript and imported as a fresh module instance. */
export async function loadGenerated(plan: Plan, client: ClientName, validate: ValidateMode): Promise<{ source: string; module: Record<string, (...args: unknown[]) => unknown> }> {
  const source = (await generateFiles(plan, { client, validate }, false)).get('')!;
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(dir, `generated-${count++}.mjs`);
  writeFileSync(file, js);
  return { source, module: (await import(pathToFileURL(file).href)) as Record<string, (...args: unknown[]) => unknown> };
}

/** The generated folder for `plan`, each file transpiled by TypeScript, imported through its index as a fresh module instance. */
export async function loadGeneratedFolder(plan: Plan, client: ClientName, validate: ValidateMode): Promise<{ files: Map<string, string>; module: Record<string, (...args: unknown[]) => unknown> }> {
  const files = await generateFiles(plan, { client, validate }, true);
  const folder = join(dir, `folder-${count++}`);
  for (const [path, source] of files) {
    const file = join(folder, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  }
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }');
  return { files, module: (await import(pathToFileURL(join(folder, 'index.js')).href)) as Record<string, (...args: unknown[]) => unknown> };
}
