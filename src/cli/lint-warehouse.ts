import { createReport } from '../core/report.js';
import { parseDateBound } from '../report/instant.js';
import { describeRules } from '../rules/describe.js';
import { lintWarehouse } from '../warehouse/checks/run.js';
import type { SinceBound } from '../warehouse/checks/table-query.js';
import { UsageError, type Io } from './io.js';
import type { LintFlags, LintSetup } from './lint.js';
import { emitReport } from './report-options.js';
import { withWarehouse } from './warehouse-input.js';

const DAY_MS = 86_400_000;

/**
 * `cdp lint --warehouse <connection>`: the plan's checks run as one aggregate query per table on
 * the engine that holds the data, reported like file lint (same rules, severities and reporters).
 */
export async function runWarehouseLint(inputs: string[], flags: LintFlags, setup: LintSetup, io: Io): Promise<number> {
  if (inputs.length > 0) throw new UsageError(`--warehouse reads tables, not files (got ${inputs.join(', ')}); to check files in a warehouse, load them: --warehouse duckdb: --load '<glob>'`);
  const since = flags.since === undefined ? undefined : parseSince(flags.since, Date.now());
  const { result, problems } = await withWarehouse(flags, io, (engine, schema) =>
    lintWarehouse({
      engine,
      plan: setup.plan,
      ...(setup.config.warehouse ? { config: setup.config.warehouse } : {}),
      schema,
      ...(since ? { since } : {}),
      settings: setup.resolved,
      conventions: setup.conventions,
    }),
  );
  for (const note of result.notes) io.stderr.write(`note: ${note}\n`);
  const diagnostics = [...problems, ...result.diagnostics];
  const report = createReport('lint', result.tables, diagnostics, describeRules(diagnostics), { ...result.stats });
  return emitReport({ ...report, coverage: result.coverage }, setup.emit, io);
}

/** `7d`, `24h`, a date (from the start of that UTC day) or an ISO-8601 date-time. */
export function parseSince(value: string, now: number): SinceBound {
  const relative = /^(\d{1,5})([dh])$/.exec(value.trim());
  const ms = relative ? now - Number(relative[1]) * (relative[2] === 'd' ? DAY_MS : DAY_MS / 24) : parseDateBound(value.trim(), 'start');
  if (ms === undefined) throw new UsageError(`--since expects a period (7d, 24h), a date (2026-11-01) or an ISO-8601 date-time (2026-11-01T12:00:00Z), got "${value}"`);
  return { iso: new Date(ms).toISOString() };
}
