import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_OUT } from '../codegen/options.js';
import { resolveConventions, resolveSeverities } from '../config/resolve.js';
import { createReport } from '../core/report.js';
import { coverage } from '../reporters/coverage.js';
import { describeRules } from '../rules/describe.js';
import { UsageError, type Io } from './io.js';
import { asUsageError, choosePlanPath, readConfig, readUsablePlan, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { addReportOptions, emitOptionsFrom, emitReport, type ReportFlags } from './report-options.js';
import { addCommand } from './commands.js';

interface ScanFlags extends ReportFlags, CacheFlags {
  plan?: string;
}

const SCAN_FORMATS = { coverage };

// gitignore's wildcards; what scan.include holds without them is a path.
const GLOB_CHARACTERS = /[*?[]/;

export function registerScan(program: Command, io: Io, setExit: (code: number) => void): void {
  addReportOptions(
    addCommand(program, 'scan')
      .argument('[paths...]', 'files and folders to scan (default: "scan.include" from the config, else the current folder)')
      .option('-p, --plan <path>', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
      .option(...NO_CACHE_OPTION)
      .option(...CACHE_LOCATION_OPTION),
    Object.keys(SCAN_FORMATS),
  ).action(async (paths: string[], flags: ScanFlags) => setExit(await runScanCommand(paths, flags, io)));
}

export async function runScanCommand(paths: string[], flags: ScanFlags, io: Io): Promise<number> {
  const loaded = await readConfig(io, flags.config);
  const { config } = loaded;
  const { severities, explicit } = asUsageError(() => resolveSeverities(config, flags.rule));
  const emit = emitOptionsFrom(flags, config);
  const planResult = await readUsablePlan(choosePlanPath(flags.plan, loaded, io), io, flags);
  if ('problems' in planResult) {
    const { problems } = planResult;
    return emitReport(createReport('scan', [], problems, describeRules(problems)), emit, io, SCAN_FORMATS);
  }
  const { plan } = planResult;
  const conventions = asUsageError(() => resolveConventions(plan, config));
  // Paths in the config are relative to the config file, paths on the command line to the working folder.
  const base = loaded.filepath ? dirname(loaded.filepath) : io.cwd;
  const scan = config.scan ?? {};
  // scan.include holds folders and files, or gitignore-style patterns for the files under the config's folder.
  const include = paths.length > 0 ? [] : (scan.include ?? []);
  const patterns = include.filter((p) => GLOB_CHARACTERS.test(p));
  const inputs = paths.length > 0 ? paths : scan.include === undefined ? ['.'] : include.filter((p) => !GLOB_CHARACTERS.test(p)).map((p) => resolve(base, p));

  // ts-morph (and the TypeScript compiler in it) is loaded only by this command.
  const { runScan, DEFAULT_MAX_FILE_SIZE } = await import('../scan/run-scan.js');
  const result = runScan({
    cwd: io.cwd,
    paths: inputs,
    exclude: scan.exclude ?? [],
    excludeBase: base,
    skip: [resolve(base, config.codegen?.out ?? DEFAULT_OUT)],
    include: { base, patterns },
    maxFileSize: scan.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    custom: scan.calls ?? [],
    plan,
    severities,
    explicit,
    conventions,
  });
  if (result.missing.length > 0) throw new UsageError(`No such file or folder: ${result.missing.join(', ')}`);
  if (result.unmatched.length > 0) throw new UsageError(`No files match scan.include ${result.unmatched.map((p) => `'${p}'`).join(', ')}`);
  const report = createReport('scan', result.files, result.diagnostics, describeRules(result.diagnostics), result.stats);
  return emitReport({ ...report, coverage: result.coverage }, emit, io, SCAN_FORMATS);
}
