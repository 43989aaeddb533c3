import type { Diagnostic } from '../core/diagnostic.js';
import { createReport } from '../core/report.js';
import { parseDateBound } from '../report/instant.js';
import { describeRules } from '../rules/describe.js';
import { lintWarehouse } from '../warehouse/checks/run.js';
import type { SinceBound } from '../warehouse/checks/table-query.js';
import { openDuckDB, openWarehouse, redact } from '../warehouse/connect.js';
import { WarehouseError, type WarehouseEngine } from '../warehouse/engine.js';
import { loadFiles } from '../warehouse/load.js';
import type { LoadTarget } from '../warehouse/load-target.js';
import { unreadableInput } from './inputs.js';
import { UsageError, type Io } from './io.js';
import type { LintFlags, LintSetup } from './lint.js';
import { emitReport } from './report-options.js';

const DAY_MS = 86_400_000;

/**
 * `cdp lint --warehouse <connection>`: the plan's checks run as one aggregate query per table on
 * the engine that holds the data, reported like file lint (same rules, severities and reporters).
 */
export async function runWarehouseLint(inputs: string[], flags: LintFlags & { warehouse: string }, setup: LintSetup, io: Io): Promise<number> {
  if (inputs.length > 0) throw new UsageError(`--warehouse reads tables, not files (got ${inputs.join(', ')}); to check files in a warehouse, load them: --warehouse duckdb: --load '<glob>'`);
  const since = flags.since === undefined ? undefined : parseSince(flags.since, Date.now());
  const { engine, load: target } = await open(flags, io);
  const problems: Diagnostic[] = [];
  let result;
  try {
    if (target) problems.push(...(await load(target, flags.load!, io)));
    result = await lintWarehouse({
      engine,
      plan: setup.plan,
      ...(setup.config.warehouse ? { config: setup.config.warehouse } : {}),
      ...(flags.schema !== undefined ? { schema: flags.schema } : {}),
      ...(since ? { since } : {}),
      settings: setup.resolved,
      conventions: setup.conventions,
    });
  } catch (error) {
    if (error instanceof WarehouseError) throw new UsageError(error.message);
    throw error;
  } finally {
    await engine.close();
  }
  for (const note of result.notes) io.stderr.write(`note: ${note}\n`);
  const diagnostics = [...problems, ...result.diagnostics];
  const report = createReport('lint', result.tables, diagnostics, describeRules(diagnostics), { ...result.stats });
  return emitReport({ ...report, coverage: result.coverage }, setup.emit, io);
}

/** The engine to check, and with --load the same in-memory database as the place to load into. */
async function open(flags: LintFlags & { warehouse: string }, io: Io): Promise<{ engine: WarehouseEngine; load?: LoadTarget }> {
  try {
    if (!flags.load) return { engine: await openWarehouse(flags.warehouse, io.cwd) };
    if (flags.warehouse !== 'duckdb:' && flags.warehouse !== 'duckdb::memory:') {
      throw new UsageError(`--load fills cdp's own in-memory database: use it with --warehouse duckdb: (cdp never writes to ${redact(flags.warehouse)})`);
    }
    const duck = await openDuckDB(flags.warehouse, io.cwd);
    return { engine: duck, load: duck };
  } catch (error) {
    if (error instanceof WarehouseError) throw new UsageError(error.message);
    throw error;
  }
}

/** Loads the files into the in-memory DuckDB; what cannot be read is reported, the rest still loaded and checked. */
async function load(target: LoadTarget, globs: string[], io: Io): Promise<Diagnostic[]> {
  const { summary, problems } = await loadFiles(target, globs, io.cwd);
  const skipped = summary.malformed + summary.rejected;
  io.stderr.write(`Loaded ${summary.loaded.toLocaleString('en-US')} of ${summary.read.toLocaleString('en-US')} messages into duckdb:${skipped > 0 ? ` (${summary.malformed} not JSON, ${summary.rejected} not a Segment message: cdp lint on the files reports them)` : ''}\n`);
  return problems.map(unreadableInput);
}

/** `7d`, `24h`, a date (from the start of that UTC day) or an ISO-8601 date-time. */
export function parseSince(value: string, now: number): SinceBound {
  const relative = /^(\d{1,5})([dh])$/.exec(value.trim());
  const ms = relative ? now - Number(relative[1]) * (relative[2] === 'd' ? DAY_MS : DAY_MS / 24) : parseDateBound(value.trim(), 'start');
  if (ms === undefined) throw new UsageError(`--since expects a period (7d, 24h), a date (2026-11-01) or an ISO-8601 date-time (2026-11-01T12:00:00Z), got "${value}"`);
  return { iso: new Date(ms).toISOString() };
}
