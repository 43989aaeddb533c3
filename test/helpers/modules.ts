import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { cdp, ROOT } from './cli.js';

const HOOK = fileURLToPath(new URL('../fixtures/startup/log-modules.mjs', import.meta.url));

/** esbuild's account of the bundle (scripts/build.mjs): the src modules each file of dist/ holds. */
const BUNDLE = JSON.parse(readFileSync(join(ROOT, 'dist/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };

/**
 * The modules a cdp run loads, ES and CommonJS: for each file of dist/, the src modules it was built
 * from (`src/cli/lint.ts`); for a dependency, its file (`node_modules/ajv/...`); other files of
 * dist/ (the precompiled validators) as they are.
 */
export function modulesOf(args: string[], cwd?: string): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'cdp-startup-')), 'modules.txt');
  const r = cdp(args, { env: { NODE_OPTIONS: `--import ${HOOK}`, CDP_MODULE_LOG: log }, ...(cwd ? { cwd } : {}) });
  expect(r.code, r.stderr).not.toBe(2);
  const urls = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:'));
  const files = urls.map((url) => fileURLToPath(url).replace(/^.*?\/(dist|node_modules)\//, '$1/'));
  return [...new Set(files.flatMap((file) => (BUNDLE.outputs[file] ? Object.keys(BUNDLE.outputs[file].inputs) : [file])))];
}

