import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from './commander.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { CoverageAggregator, type AggregateFilter } from '../report/aggregate.js';
import { aggregateUnit } from '../report/aggregate-unit.js';
import { buildSchemaReport } from '../report/build-report.js';
import { inferPlan } from '../report/infer-plan.js';
import { parseDateBound } from '../report/instant.js';
import type { SchemaReport } from '../report/types.js';
import { displayPath } from '../reporters/paths.js';
import { renderSchemaReportHtml } from '../reporters/schema/html.js';
import { renderSchemaMarkdown } from '../reporters/schema/markdown.js';
import { renderSchemaTable } from '../reporters/schema/table.js';
import { renderInferredPlan } from '../reporters/schema/yaml.js';
import { runLint } from '../validate/lint-run.js';
import { resolveInputs } from './inputs.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';
import { findPlanPath, readConfig, readUsablePlan, reportPlanProblems, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { startProgress } from './progress.js';
import { collectValues } from './report-options.js';
import { useColor } from './io.js';
import { LOAD_OPTION, SCHEMA_OPTION, WAREHOUSE_OPTION, withWarehouse } from './warehouse-input.js';
import { addCommand } from './commands.js';

const SCHEMA_REPORT_FORMATS = ['table', 'markdown', 'json', 'html', 'yaml'] as const;

interface SchemaReportFlags extends CacheFlags {
  plan?: string | false;
  format?: string;
  out?: string;
  event?: string[];
  since?: string;
  until?: string;
  minCoverage?: string;
  infer?: boolean;
  config?: string;
  color?: boolean;
  warehouse?: string;
  schema?: string;
  load?: string[];
}

export function registerSchemaReport(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'schema-report')
    .argument('[inputs...]', 'files or globs to read; - for stdin (default: stdin when it is piped)')
    .option('-p, --plan <path>', 'plan file (default: "plan" from the config, else tracking-plan.yaml if present, else none)')
    .option('--no-plan', 'report what the log holds without a plan (discovery mode)')
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .addOption(new Option('-f, --format <name>', `output format: ${SCHEMA_REPORT_FORMATS.join(', ')}`).default('table'))
    .option('-o, --out <path>', 'write the report to a file instead of stdout')
    .option('--event <name>', 'report only this event (a track event, page or screen name, or identify, group, alias); repeatable', collectValues)
    .option('--since <iso>', 'only events stamped at or after this date or date-time (2026-11-01, 2026-11-01T12:00:00Z)')
    .option('--until <iso>', 'only events stamped at or before this date (the whole day) or date-time')
    .option('--min-coverage <pct>', 'exit with code 1 when a required property is present in less than pct% of its events')
    .option('--infer', 'write a draft plan inferred from the log, as YAML (same as --format yaml)')
    .option(...WAREHOUSE_OPTION)
    .option(...SCHEMA_OPTION)
    .option(...LOAD_OPTION, collectValues)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option(...NO_CACHE_OPTION)
    .option(...CACHE_LOCATION_OPTION)
    .action(async (inputs: string[], flags: SchemaReportFlags) => setExit(await runSchemaReport(inputs, flags, io)));
}


export async function runSchemaReport(inputs: string[], flags: SchemaReportFlags, io: Io): Promise<number> {
  const format = flags.infer ? 'yaml' : (flags.format ?? 'table');
  if (!(SCHEMA_REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; use one of ${SCHEMA_REPORT_FORMATS.join(', ')}`);
  if (flags.infer && flags.format !== undefined && flags.format !== 'table' && flags.format !== 'yaml') throw new UsageError(`--infer writes YAML; it cannot be combined with --format ${flags.format}`);
  const since = flags.since === undefined ? undefined : parseBound(flags.since, '--since', 'start');
  const until = flags.until === undefined ? undefined : parseBound(flags.until, '--until', 'end');
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since (${flags.since}) is after --until (${flags.until})`);
  const minCoverage = flags.minCoverage === undefined ? undefined : parsePercent(flags.minCoverage);

  const warehouse = flags.warehouse !== undefined || flags.load !== undefined;
  if (warehouse && inputs.length > 0) throw new UsageError(`--warehouse reads tables, not files (got ${inputs.join(' ')}); load logs into an in-memory warehouse with --load`);
  if (!warehouse && flags.schema !== undefined) throw new UsageError('--schema names a warehouse schema: use it with --warehouse');
  if (warehouse && format === 'yaml') throw new UsageError('--infer drafts a plan from logs, where nested objects and types are still as sent; run it on the log files, not with --warehouse');
  // A draft plan is inferred from the data alone; a plan in force would only be in the way.
  const loaded = await readConfig(io, flags.config);
  const planChoice = format === 'yaml' || flags.plan === false ? undefined : findPlanPath(flags.plan || undefined, loaded, io);
  let plan: Plan | undefined;
  if (planChoice) {
    const result = await readUsablePlan(planChoice, io, flags);
    if ('problems' in result) return reportPlanProblems('schema-report', result.problems, io, flags.color);
    plan = result.plan;
  }
  // A CI gate that passes because there was nothing to check it against would be worse than none.
  if (minCoverage !== undefined && !plan) throw new UsageError('--min-coverage needs a plan: without one no property is required (pass --plan, or set "plan" in the config)');

  if (warehouse) {
    const { warehouseSchemaReport } = await import('../warehouse/report.js');
    const run = await withWarehouse(flags, io, (engine, schema) =>
      warehouseSchemaReport(engine, {
        schema,
        ...(plan ? { plan, planFile: displayPath(resolve(io.cwd, planChoice!), io.cwd) } : {}),
        ...(loaded.config.warehouse ? { config: loaded.config.warehouse } : {}),
        ...(flags.event ? { events: new Set(flags.event) } : {}),
        ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
        ...(until !== undefined ? { until: new Date(until).toISOString() } : {}),
        ...(minCoverage !== undefined ? { minCoverage } : {}),
      }),
    );
    for (const p of run.problems) io.stderr.write(`cdp: ${p.message}\n`);
    return emit(run.result, format, () => renderSchemaTable(run.result, { color: useColor(flags.color, io, flags.out !== undefined), cwd: io.cwd }), flags, io, run.problems.length > 0);
  }

  const { sources, problems, totalBytes } = resolveInputs(inputs, io);
  const filter: AggregateFilter = {};
  if (flags.event) filter.events = new Set(flags.event);
  if (since !== undefined) filter.sinceMs = since;
  if (until !== undefined) filter.untilMs = until;
  const aggregator = new CoverageAggregator(filter);

  const progress = await startProgress(io, totalBytes, 'Reading');
  let run;
  try {
    run = await runLint({
      sources,
      ...(io.stdin ? { stdin: io.stdin } : {}),
      check: (unit) => {
        aggregateUnit(unit, aggregator);
        // The aggregator counts what it reads; the run's own totals are not used.
        return { read: 0, valid: 0, invalid: 0, malformed: 0 };
      },
      inFlight: 1,
      onProgress: (bytes) => progress.update(bytes, aggregator.read),
    });
  } finally {
    progress.stop();
  }
  const inputProblems: Diagnostic[] = [...problems, ...run.problems];
  for (const p of inputProblems) io.stderr.write(`cdp: ${p.message}\n`);

  const report = buildSchemaReport(aggregator, {
    ...(plan ? { plan, planFile: displayPath(resolve(io.cwd, planChoice!), io.cwd) } : {}),
    files: sources.length,
    ...(filter.events ? { events: filter.events } : {}),
    ...(flags.since !== undefined ? { since: new Date(since!).toISOString() } : {}),
    ...(flags.until !== undefined ? { until: new Date(until!).toISOString() } : {}),
    ...(minCoverage !== undefined ? { minCoverage } : {}),
  });
  const yaml = () => renderInferredPlan(inferPlan(aggregator), report, sources.map((s) => s.name));
  return emit(report, format, format === 'yaml' ? yaml : () => renderSchemaTable(report, { color: useColor(flags.color, io, flags.out !== undefined), cwd: io.cwd }), flags, io, inputProblems.length > 0);
}

/** Renders the report (`other` renders the table, or the inferred plan), writes it, and returns the exit code. */
function emit(report: SchemaReport, format: string, other: () => string, flags: SchemaReportFlags, io: Io, inputProblems: boolean): number {
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'markdown' ? renderSchemaMarkdown(report) : format === 'html' ? renderSchemaReportHtml(report) : other();
  if (flags.out) {
    try {
      writeFileSync(resolve(io.cwd, flags.out), text);
    } catch (error) {
      throw new UsageError(`Cannot write ${flags.out}: ${(error as Error).message}`);
    }
  } else {
    io.stdout.write(text);
  }
  if (inputProblems) return EXIT_USAGE;
  return report.coverageFailures.length > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** A date (the start or the end of that UTC day) or an ISO-8601 date-time, as ms since the epoch. */
function parseBound(value: string, flag: string, edge: 'start' | 'end'): number {
  const ms = parseDateBound(value, edge);
  if (ms !== undefined) return ms;
  throw new UsageError(`${flag} expects a date (2026-11-01) or an ISO-8601 date-time (2026-11-01T12:00:00Z), got "${value}"`);
}

function parsePercent(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--min-coverage expects a percentage from 0 to 100 (got "${value}")`);
  return n;
}
