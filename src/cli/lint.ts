import { closeSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CdpConfig } from '../config/load-config.js';
import { resolveConventions, resolveSeverities, type ResolvedSeverities } from '../config/resolve.js';
import type { Plan } from '../plan/model.js';
import type { ResolvedConventions } from '../rules/types.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createReport, SummaryCounter, type Report, type ReportSummary } from '../core/report.js';
import { DiagnosticGroups } from '../reporters/group.js';
import { jsonChunks } from '../reporters/json.js';
import { checkerFor, type CheckerSetup } from '../validate/checker-setup.js';
import { runLint } from '../validate/lint-run.js';
import { checkUnit, prepareUnitOutput, type PreparedUnit } from '../validate/unit-output.js';
import type { UnitCounts } from '../validate/process-unit.js';
import { describeRules } from '../rules/describe.js';
import { TextSpool } from './text-spool.js';
import { resolveInputs } from './inputs.js';
import { UsageError, type Io } from './io.js';
import { asUsageError, choosePlanPath, readConfig, readUsablePlan, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { startProgress } from './progress.js';
import { LOAD_OPTION, SCHEMA_OPTION, WAREHOUSE_OPTION, type WarehouseFlags } from './warehouse-input.js';
import { addReportOptions, collectValues, emitOptionsFrom, emitReport, exitCode, type EmitOptions, type ReportFlags } from './report-options.js';
import { addCommand } from './commands.js';

export interface LintFlags extends ReportFlags, WarehouseFlags, CacheFlags {
  plan?: string;
  jobs?: string;
  since?: string;
}

const NO_EVENTS: UnitCounts = { read: 0, valid: 0, invalid: 0, malformed: 0 };

/**
 * Below this much input, starting worker threads costs more than it saves: each builds its own
 * checker (about 0.3 s of CPU). Measured on 2 cores: 2 threads took 1.4 s against 1.3 s in-process
 * on 65 MB, broke even at 130 MB and were about 30% faster at 651 MB. The default number of jobs
 * keeps to this; a number given with --jobs is used as given.
 */
const PARALLEL_MIN_BYTES = 128 * 1024 * 1024;

export function registerLint(program: Command, io: Io, setExit: (code: number) => void): void {
  addReportOptions(
    addCommand(program, 'lint')
      .argument('[inputs...]', 'files or globs to lint; - for stdin (default: stdin when it is piped)')
      .option('-p, --plan <path>', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
      .option('-j, --jobs <n>', `worker threads (default: one per core, ${availableParallelism()} here, for inputs of 128 MB or more; smaller inputs run in-process)`)
      .option(...WAREHOUSE_OPTION)
      .option(...SCHEMA_OPTION)
      .option('--since <when>', 'with --warehouse: only rows received in the last 7d (or 24h), or at or after a date or date-time (2026-11-01)')
      .option(...LOAD_OPTION, collectValues)
      .option(...NO_CACHE_OPTION)
      .option(...CACHE_LOCATION_OPTION),
  ).action(async (inputs: string[], flags: LintFlags) => setExit(await runLintCommand(inputs, flags, io)));
}

/** What both kinds of lint (files and warehouse) start from: the config, the severities, how to report, the plan. */
export interface LintSetup {
  config: CdpConfig;
  resolved: ResolvedSeverities;
  emit: EmitOptions;
  planPath: string;
  plan: Plan;
  conventions: ResolvedConventions;
}

export async function runLintCommand(inputs: string[], flags: LintFlags, io: Io): Promise<number> {
  const { stdin } = io;
  const loaded = await readConfig(io, flags.config);
  const { config } = loaded;
  const resolved = asUsageError(() => resolveSeverities(config, flags.rule));
  const jobs = flags.warehouse === undefined && flags.load === undefined ? parseJobs(flags.jobs) : 1;
  const emit = emitOptionsFrom(flags, config);

  const planPath = choosePlanPath(flags.plan, loaded, io);
  const planResult = await readUsablePlan(planPath, io, flags);
  if ('problems' in planResult) {
    return emitReport(createReport('lint', [], planResult.problems, describeRules(planResult.problems)), emit, io);
  }
  const plan = planResult.plan;
  const conventions = asUsageError(() => resolveConventions(plan, config));
  if (flags.warehouse !== undefined || flags.load !== undefined) {
    // DuckDB's native module and the PostgreSQL driver load only for a warehouse.
    const { runWarehouseLint } = await import('./lint-warehouse.js');
    return runWarehouseLint(inputs, flags, { config, resolved, emit, planPath, plan, conventions }, io);
  }
  for (const flag of ['schema', 'since'] as const) if (flags[flag] !== undefined) throw new UsageError(`--${flag} applies to --warehouse only`);

  const { sources, problems: inputProblems, totalBytes } = resolveInputs(inputs, io);

  const setup: CheckerSetup = {
    planPath: resolve(io.cwd, planPath),
    cwd: io.cwd,
    severities: [...resolved.severities],
    explicit: [...resolved.explicit],
    conventions,
    output: emit.format === 'json' ? { format: 'json', cwd: io.cwd, quiet: emit.quiet } : { format: 'groups', quiet: emit.quiet },
    ...(planResult.cache ? { cache: planResult.cache.cacheDir } : {}),
  };
  const parallel = jobs > 1 && (flags.jobs !== undefined || totalBytes === undefined || totalBytes >= PARALLEL_MIN_BYTES);
  const { WorkerPool } = parallel ? await import('../validate/worker-pool.js') : { WorkerPool: undefined };
  const pool = WorkerPool ? new WorkerPool(jobs, setup) : undefined;
  const checker = pool ? undefined : checkerFor(plan, setup, planResult.cache?.validators());

  // JSON keeps every occurrence, rendered once as it arrives; the other formats fold repeats.
  const spool = emit.format === 'json' ? new TextSpool() : undefined;
  const groups = spool ? undefined : new DiagnosticGroups();
  const counter = new SummaryCounter();
  const take = (result: PreparedUnit) => {
    counter.merge(result.counts);
    if ('groups' in result) groups!.merge(result.groups);
    else spool!.add(result.json);
  };
  // Problems found here rather than in a unit take the same way to the report.
  const takeProblems = (diagnostics: Diagnostic[]) => take(prepareUnitOutput(NO_EVENTS, diagnostics, setup.output));
  takeProblems(inputProblems);

  const progress = await startProgress(io, totalBytes);
  let result;
  try {
    result = await runLint({
      sources,
      ...(stdin ? { stdin } : {}),
      check: pool ? (unit) => pool.run(unit) : (unit) => checkUnit(unit, checker!, setup.output),
      inFlight: pool ? jobs * 3 : 1,
      onResult: take,
      onProgress: (bytes, events) => progress.update(bytes, events),
    });
  } finally {
    progress.stop();
    await pool?.close();
  }
  takeProblems(result.problems);

  const reportSummary = counter.summary({ files: sources.length, read: result.read, valid: result.valid, invalid: result.invalid, malformed: result.malformed });
  if (spool) {
    try {
      await writeJsonOutput(reportSummary, spool, emit.outputFile, io);
    } finally {
      spool.dispose();
    }
    return exitCode(reportSummary, emit.maxWarnings);
  }
  const grouped = groups!.toDiagnostics();
  const report: Report = { command: 'lint', files: sources.map((s) => s.name), diagnostics: grouped, summary: reportSummary, rules: describeRules(grouped) };
  // The summary already counts only what is shown, so --quiet needs no second filtering.
  return emitReport(report, { ...emit, quiet: false }, io);
}

/**
 * Streams the JSON report in blocks of about 64 KB: millions of tiny writes would dominate the run,
 * and a reader slower than us (a pipe) must not make the report pile up in memory. Text is gathered
 * into blocks; the spool's byte blocks are big already and go out as they are.
 */
async function writeJsonOutput(summary: ReportSummary, spool: TextSpool, outputFile: string | undefined, io: Io): Promise<void> {
  let fd: number | undefined;
  if (outputFile) {
    try {
      fd = openSync(resolve(io.cwd, outputFile), 'w');
    } catch (error) {
      throw new UsageError(`Cannot write ${outputFile}: ${(error as Error).message}`);
    }
  }
  const stream = io.stdout as { write(chunk: string | Uint8Array): boolean | void; once?: (event: 'drain', listener: () => void) => void };
  const flush = async (chunk: string | Uint8Array) => {
    if (fd !== undefined) {
      writeAll(fd, chunk);
      return;
    }
    if (stream.write(chunk) === false && stream.once) await new Promise<void>((done) => stream.once!('drain', done));
  };
  let buffer = '';
  try {
    for (const chunk of jsonChunks(summary, spool.chunks(), io.cwd)) {
      if (typeof chunk !== 'string') {
        if (buffer) await flush(buffer);
        buffer = '';
        await flush(chunk);
        continue;
      }
      buffer += chunk;
      if (buffer.length >= 65_536) {
        await flush(buffer);
        buffer = '';
      }
    }
    if (buffer) await flush(buffer);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** writeSync may write only part of what it is given (a full disk, a signal): go on until all is written. */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs expects a whole number from 1 to 256 (got "${value}")`);
  return n;
}
