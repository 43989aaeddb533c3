import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { modulesOf } from '../helpers/modules.js';

const packages = (modules: string[]) => [...new Set(modules.filter((m) => m.startsWith('node_modules/')).map((m) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)![1]))].sort();

describe('start-up', () => {
  it('cdp lint imports neither ts-morph nor typescript, nor the modules of other commands', () => {
    // Without the plan cache, so that the validators are compiled, whatever ran before.
    const modules = modulesOf(['lint', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml', '--no-cache']);
    expect(modules).toContain('src/cli/lint.ts');
    expect(packages(modules)).toContain('ajv');
    // recheck and re2js are loaded only for patterns that need them (the example plan's do not), yaml only
    // to write plans, tinyglobby only to expand a glob, the warehouse engines only for --warehouse.
    expect(modules.filter((m) => /^node_modules\/(ts-morph|typescript|@ts-morph|recheck|re2js|yaml|tinyglobby|picomatch|fdir|@duckdb|pg|pg-[a-z-]+)\//.test(m))).toEqual([]);
    expect(modules.filter((m) => /^src\/(scan|codegen|report|serve|interop|warehouse|cli\/(scan|codegen|schema-report|check|compile|init|serve|import|export|diff|lint-warehouse))[/.]/.test(m))).toEqual([]);
  });

  it('cdp schema-report of files loads no warehouse engine; --warehouse loads DuckDB and no PostgreSQL driver', () => {
    const files = modulesOf(['schema-report', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']);
    expect(files).toContain('src/cli/schema-report.ts');
    expect(files.filter((m) => /^node_modules\/(@duckdb|pg)\/|^src\/warehouse\//.test(m))).toEqual([]);
    const warehouse = modulesOf(['schema-report', '--load', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml']);
    expect(warehouse).toContain('src/warehouse/engines/duckdb.ts');
    expect(warehouse.some((m) => m.startsWith('node_modules/@duckdb/node-api/'))).toBe(true);
    expect(warehouse.filter((m) => /^node_modules\/pg\//.test(m))).toEqual([]);
  });

  it('chalk loads only when a report may be coloured', () => {
    const args = ['lint', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml'];
    expect(packages(modulesOf(args))).not.toContain('chalk');
    expect(packages(modulesOf([...args, '--color']))).toContain('chalk');
    expect(cdp([...args, '--color']).stdout).toContain('\u001b[31merror');
  });

  it('cdp lint loads tinyglobby when an input is a glob', () => {
    const modules = modulesOf(['lint', 'plans/ecommerce.sample.*', '--plan', 'plans/ecommerce.yaml']);
    expect(modules.filter((m) => m.startsWith('node_modules/tinyglobby/'))).not.toEqual([]);
  });

  // Their validators (the plan format's, the config's) are compiled at build time: ajv itself, some
  // sixty modules, stays unloaded; only the few runtime helpers the validators require are read.
  it.each([['check', 'plans/ecommerce.yaml'], ['compile', 'plans/ecommerce.yaml']])('cdp %s %s does not load ajv', (...args) => {
    const modules = modulesOf(args);
    expect(modules).toContain(`src/cli/${args[0]}.ts`);
    expect(modules.filter((m) => /^node_modules\/ajv\/dist\/(ajv|core|compile\/index)\.js$/.test(m))).toEqual([]);
    expect(modules.filter((m) => m.startsWith('node_modules/ajv/')).length).toBeLessThan(5);
  });

  it.each([['--version'], ['--help'], ['help']])('cdp %s imports no command and no dependency but commander', (arg) => {
    const modules = modulesOf([arg]);
    expect(modules).toContain('src/cli/main.ts');
    expect(modules.filter((m) => /^(src|dist)\//.test(m) && !/^src\/cli\/(main|commands|commander|default-files|io)\.ts$/.test(m))).toEqual([]);
    expect(packages(modules)).toEqual(['commander']);
  });

  // Which modules load is the timing-free evidence of where events were checked: the pool in the
  // main thread, the worker module in each thread it starts.
  it('an explicit --jobs 2 checks even a small file in worker threads; the default keeps it in-process', () => {
    const args = ['lint', 'plans/ecommerce.sample.ndjson', '--plan', 'plans/ecommerce.yaml', '--format', 'json'];
    const threaded = modulesOf([...args, '--jobs', '2']);
    expect(threaded).toContain('src/validate/worker-pool.ts');
    expect(threaded).toContain('src/validate/lint-worker.ts');
    const inProcess = modulesOf(args);
    expect(inProcess.filter((m) => /^src\/validate\/(worker-pool|lint-worker)\.ts$/.test(m))).toEqual([]);
    const one = cdp([...args, '--jobs', '1']);
    const two = cdp([...args, '--jobs', '2']);
    expect(two.code).toBe(one.code);
    expect(JSON.parse(two.stdout).summary).toEqual(JSON.parse(one.stdout).summary);
  });

  it('cdp --help still lists every command', () => {
    const help = cdp(['--help']).stdout;
    for (const command of ['lint', 'check', 'compile', 'init', 'schema-report', 'codegen', 'scan', 'serve', 'import', 'export', 'diff']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
