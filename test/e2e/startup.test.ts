import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';

const HOOK = fileURLToPath(new URL('../fixtures/startup/log-modules.mjs', import.meta.url));

/** The modules a cdp run imports, as paths below the package (`dist/cli/lint.js`, `node_modules/ajv`). */
function modulesOf(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'cdp-startup-')), 'modules.txt');
  const r = cdp(args, { env: { NODE_OPTIONS: `--import ${HOOK}`, CDP_MODULE_LOG: log } });
  expect(r.code, r.stderr).not.toBe(2);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url).replace(/^.*?\/(dist|node_modules)\//, '$1/'));
}

describe('start-up', () => {
  it('cdp lint imports neither ts-morph nor typescript, nor the modules of other commands', () => {
    const modules = modulesOf(['lint', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']);
    expect(modules).toContain('dist/cli/lint.js');
    // recheck and re2js are loaded only for patterns that need them (the example plan's do not), yaml only to write plans.
    expect(modules.filter((m) => /^node_modules\/(ts-morph|typescript|@ts-morph|recheck|re2js|yaml)\//.test(m))).toEqual([]);
    expect(modules.filter((m) => /^dist\/(scan|codegen|report|serve|interop|cli\/(scan|codegen|schema-report|check|compile|init|serve|import|export|diff|lint-warehouse))[/.]/.test(m))).toEqual([]);
    // Nothing of the warehouse (DuckDB's native module, the PostgreSQL driver, the checks) loads unless --warehouse asks for it.
    expect(modules.filter((m) => /^node_modules\/(@duckdb|pg|pg-[a-z-]+)\/|^dist\/warehouse\//.test(m))).toEqual([]);
  });

  it('cdp schema-report of files loads no warehouse engine; --warehouse loads DuckDB and no PostgreSQL driver', () => {
    const files = modulesOf(['schema-report', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']);
    expect(files).toContain('dist/cli/schema-report.js');
    expect(files.filter((m) => /^node_modules\/(@duckdb|pg)\/|^dist\/warehouse\//.test(m))).toEqual([]);
    const warehouse = modulesOf(['schema-report', '--load', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']);
    expect(warehouse).toContain('dist/warehouse/engines/duckdb.js');
    expect(warehouse.some((m) => m.startsWith('node_modules/@duckdb/node-api/'))).toBe(true);
    expect(warehouse.filter((m) => /^node_modules\/pg\//.test(m))).toEqual([]);
  });

  it('cdp --help still lists every command', () => {
    const help = cdp(['--help']).stdout;
    for (const command of ['lint', 'check', 'compile', 'init', 'schema-report', 'codegen', 'scan', 'serve', 'import', 'export', 'diff']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
