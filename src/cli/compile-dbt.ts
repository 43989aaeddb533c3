import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileStartsWithHeader } from '../codegen/generated-marker.js';
import type { CdpConfig } from '../config/load-config.js';
import { resolveSeverities } from '../config/resolve.js';
import type { SeverityOption } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { displayPath } from '../reporters/paths.js';
import { EXIT_OK, UsageError, type Io } from './io.js';

export interface DbtFlags {
  outDir?: string;
  testsDir?: string;
  dialect?: string;
  schema?: string;
  dbtSource?: string;
}

export const DEFAULT_DBT_DIALECT = 'postgres';
export const DEFAULT_DBT_SOURCE = 'segment';

/**
 * `cdp compile --target dbt`: sources.yml into --out-dir (a folder of the dbt project's models),
 * the singular tests into --tests-dir (dbt reads those only from its test-paths). Files are
 * overwritten only when cdp wrote them; a run that would replace anyone else's writes nothing.
 */
export async function writeDbt(plan: Plan, flags: DbtFlags, config: CdpConfig, io: Io): Promise<number> {
  const { DIALECTS, DIALECT_NAMES } = await import('../warehouse/sql/index.js');
  const dialectName = flags.dialect ?? DEFAULT_DBT_DIALECT;
  if (!Object.hasOwn(DIALECTS, dialectName)) throw new UsageError(`Unknown --dialect "${dialectName}"; use the type of your dbt target: ${DIALECT_NAMES.join(', ')}`);
  if (flags.outDir === undefined) throw new UsageError('--target dbt needs --out-dir: the folder of your dbt project where sources.yml goes (e.g. models/cdp)');
  const outDir = resolve(io.cwd, flags.outDir);
  const testsDir = flags.testsDir !== undefined ? resolve(io.cwd, flags.testsDir) : testsBeside(outDir);
  if (testsDir === undefined) throw new UsageError(`--out-dir ${flags.outDir} is not under a "models" folder: say where the singular tests go with --tests-dir (a folder of the dbt project's test-paths, e.g. tests/cdp)`);

  const { compileDbt, DbtNameError } = await import('../warehouse/dbt/compile-dbt.js');
  const { YAML_HEADER } = await import('../warehouse/dbt/sources-yaml.js');
  const { SQL_HEADER } = await import('../warehouse/dbt/singular-test.js');
  const severities = resolveSeverities(config).severities;
  let project;
  try {
    project = compileDbt(plan, {
      dialect: DIALECTS[dialectName as keyof typeof DIALECTS],
      source: flags.dbtSource ?? DEFAULT_DBT_SOURCE,
      ...(flags.schema !== undefined ? { schema: flags.schema } : {}),
      ...(config.warehouse ? { config: config.warehouse } : {}),
      severities: { missing: testSeverity(severities.get('plan/missing-required')), invalid: testSeverity(severities.get('plan/invalid-value')) },
    });
  } catch (error) {
    if (error instanceof DbtNameError) throw new UsageError(error.message);
    throw error;
  }

  const files = [
    { path: join(outDir, project.sources.name), text: project.sources.text, header: YAML_HEADER },
    ...project.tests.map((t) => ({ path: join(testsDir, t.name), text: t.text, header: SQL_HEADER })),
  ];
  const foreign = files.filter((f) => existsSync(f.path) && !fileStartsWithHeader(f.path, f.header));
  if (foreign.length > 0) {
    throw new UsageError(`Not overwriting ${foreign.map((f) => show(io, f.path)).join(', ')}: cdp did not write ${foreign.length === 1 ? 'it' : 'them'} (move ${foreign.length === 1 ? 'it' : 'them'} away, or choose another --out-dir or --tests-dir)`);
  }
  const written = new Set(files.map((f) => f.path));
  const leftovers = sqlFiles(testsDir).filter((path) => !written.has(path) && fileStartsWithHeader(path, SQL_HEADER));
  try {
    for (const path of leftovers) rmSync(path);
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.text);
    }
  } catch (error) {
    throw new UsageError(`Cannot write the dbt files: ${(error as Error).message}`);
  }
  for (const note of project.notes) io.stderr.write(`note: ${note}\n`);
  const removed = leftovers.length > 0 ? `; removed ${leftovers.length} test${leftovers.length === 1 ? '' : 's'} of events no longer planned` : '';
  io.stderr.write(`Wrote ${show(io, files[0]!.path)} and ${project.tests.length} singular test${project.tests.length === 1 ? '' : 's'} (${dialectName} SQL) to ${show(io, testsDir)}${removed}\n`);
  return EXIT_OK;
}

/** `…/models/cdp` -> `…/tests/cdp`: dbt's default model-paths and test-paths, side by side. */
export function testsBeside(outDir: string): string | undefined {
  const parts = outDir.split(sep);
  const at = parts.lastIndexOf('models');
  if (at < 0) return undefined;
  return [...parts.slice(0, at), 'tests', ...parts.slice(at + 1)].join(sep) || sep;
}

/** A rule that is off writes no test; `warn` writes tests dbt reports as warnings. */
function testSeverity(option: SeverityOption | undefined): 'error' | 'warn' | 'off' {
  return option === 'warn' ? 'warn' : option === 'off' ? 'off' : 'error';
}

function sqlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

function show(io: Io, path: string): string {
  return displayPath(path, io.cwd);
}
