import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compilePlan, type CompiledPlan } from '../compile/compile-plan.js';
import type { CdpConfig } from '../config/load-config.js';
import type { Plan } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { DEFAULT_DBT_DIALECT, DEFAULT_DBT_SOURCE, writeDbt } from './compile-dbt.js';
import { EXIT_OK, UsageError, type Io } from './io.js';
import { choosePlanPath, readConfig, readUsablePlan, reportPlanProblems, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { fileSlugs } from './slug.js';
import { addCommand } from './commands.js';

interface CompileFlags extends CacheFlags {
  outDir?: string;
  config?: string;
  target?: string;
  dialect?: string;
  schema?: string;
  testsDir?: string;
  dbtSource?: string;
}

const TARGETS = ['json-schema', 'sql', 'dbt'];

export function registerCompile(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'compile')
    .argument('[plan]', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
    .option('-d, --out-dir <dir>', 'write one file per schema into this folder (default: one JSON bundle on stdout); with --target dbt: the models folder for sources.yml')
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('-t, --target <target>', `what to compile to: ${TARGETS.join(', ')} (default: json-schema)`)
    .option('--dialect <name>', `with --target sql or dbt: duckdb, postgres, redshift, bigquery or snowflake (dbt: your target's type, default ${DEFAULT_DBT_DIALECT})`)
    .option('--schema <name>', 'with --target sql or dbt: the schema (BigQuery: dataset) of the tables (sql default: main for DuckDB, public otherwise; dbt default: the source name)')
    .option('--tests-dir <dir>', 'with --target dbt: the folder for the singular tests, one of dbt\'s test-paths (default: --out-dir with its "models" folder replaced by "tests")')
    .option('--dbt-source <name>', `with --target dbt: the dbt source's name, as source() calls it (default: ${DEFAULT_DBT_SOURCE})`)
    .option(...NO_CACHE_OPTION)
    .option(...CACHE_LOCATION_OPTION)
    .action(async (planArg: string | undefined, flags: CompileFlags) => setExit(await runCompile(planArg, flags, io)));
}

export async function runCompile(planArg: string | undefined, flags: CompileFlags, io: Io): Promise<number> {
  const loaded = await readConfig(io, flags.config);
  const result = await readUsablePlan(choosePlanPath(planArg, loaded, io), io, flags);
  if ('problems' in result) return reportPlanProblems('compile', result.problems, io);
  if (flags.target !== 'dbt' && (flags.testsDir !== undefined || flags.dbtSource !== undefined)) throw new UsageError('--tests-dir and --dbt-source apply to --target dbt only');
  if (flags.target === 'sql') return printSql(result.plan, flags, loaded.config, io);
  if (flags.target === 'dbt') return writeDbt(result.plan, flags, loaded.config, io);
  if (flags.target !== undefined && flags.target !== 'json-schema') throw new UsageError(`Unknown --target "${flags.target}"; use one of ${TARGETS.join(', ')}`);
  if (flags.dialect !== undefined || flags.schema !== undefined) throw new UsageError('--dialect and --schema apply to --target sql and dbt only');
  const compiled = compilePlan(result.plan);
  if (!flags.outDir) {
    io.stdout.write(JSON.stringify(bundle(compiled), null, 2) + '\n');
    return EXIT_OK;
  }
  const written = writeOutDir(compiled, resolve(io.cwd, flags.outDir));
  io.stderr.write(`Wrote ${written} schemas and index.json to ${flags.outDir}\n`);
  return EXIT_OK;
}

/** The check queries of `cdp lint --warehouse`, for a warehouse cdp cannot reach (BigQuery, Snowflake) or to read them. */
async function printSql(plan: Plan, flags: CompileFlags, config: CdpConfig, io: Io): Promise<number> {
  const { DIALECTS, DIALECT_NAMES } = await import('../warehouse/sql/index.js');
  if (flags.dialect === undefined) throw new UsageError(`--target sql needs --dialect: ${DIALECT_NAMES.join(', ')}`);
  if (!Object.hasOwn(DIALECTS, flags.dialect)) throw new UsageError(`Unknown --dialect "${flags.dialect}"; use one of ${DIALECT_NAMES.join(', ')}`);
  if (flags.outDir !== undefined) throw new UsageError('--out-dir applies to --target json-schema only: --target sql prints to stdout');
  const dialect = DIALECTS[flags.dialect as keyof typeof DIALECTS];
  const { printCheckQueries } = await import('../warehouse/checks/print-sql.js');
  const schema = flags.schema ?? (dialect.name === 'duckdb' ? 'main' : 'public');
  io.stdout.write(printCheckQueries(plan, dialect, schema, config.warehouse));
  return EXIT_OK;
}

export function bundle(compiled: CompiledPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (compiled.plan !== undefined) out.plan = compiled.plan;
  if (compiled.version !== undefined) out.version = compiled.version;
  out.track = toObject(compiled.track);
  if (compiled.identify) out.identify = compiled.identify;
  if (compiled.group) out.group = compiled.group;
  out.page = toObject(compiled.page);
  out.screen = toObject(compiled.screen);
  return out;
}

function toObject(map: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of map) setOwn(out, k, v);
  return out;
}

/**
 * Layout: `track/<slug>.json`, `page/<slug>.json`, `screen/<slug>.json`, `identify.json`, `group.json`,
 * and `index.json` mapping every name to its file, since slugs cannot carry every character of a name.
 */
function writeOutDir(compiled: CompiledPlan, dir: string): number {
  const index: Record<string, unknown> = {};
  if (compiled.plan !== undefined) index.plan = compiled.plan;
  if (compiled.version !== undefined) index.version = compiled.version;
  let count = 0;
  const write = (relative: string, schema: unknown) => {
    const target = join(dir, relative);
    try {
      mkdirSync(resolve(target, '..'), { recursive: true });
      writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
    } catch (error) {
      throw new UsageError(`Cannot write ${target}: ${(error as Error).message}`);
    }
    count++;
  };
  for (const kind of ['track', 'page', 'screen'] as const) {
    const names = [...compiled[kind].keys()];
    const slugs = fileSlugs(names);
    const files: Record<string, string> = {};
    names.forEach((name, i) => {
      const file = `${kind}/${slugs[i]}.json`;
      write(file, compiled[kind].get(name));
      setOwn(files, name, file);
    });
    index[kind] = files;
  }
  for (const kind of ['identify', 'group'] as const) {
    if (compiled[kind]) {
      write(`${kind}.json`, compiled[kind]);
      index[kind] = `${kind}.json`;
    }
  }
  write('index.json', index);
  return count - 1;
}
