import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from './commander.js';
import type { CdpConfig } from '../config/load-config.js';
import { summarize, type Report, type ReportSummary } from '../core/report.js';
import { getReporter, REPORTER_NAMES, type Reporter } from '../reporters/index.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, useColor, type Io } from './io.js';

export interface ReportFlags {
  format?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  rule?: string[];
  config?: string;
}

/** The flags every reporting command shares, spelled as ESLint spells them; `extraFormats` are the command's own. */
export function addReportOptions(command: Command, extraFormats: readonly string[] = []): Command {
  return command
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .addOption(new Option('-f, --format <name>', `output format: ${[...REPORTER_NAMES, ...extraFormats].join(', ')}`))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    // One value per flag, repeatable, so `--rule a=off plan.yaml` never takes the plan for a rule.
    .option('--rule <id=severity>', 'set a rule severity (error, warn, off); repeatable, e.g. --rule plan/missing-description=off', collectValues);
}

/** Commander's accumulator for an option given more than once: `--rule a --rule b` is both. */
export function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}


export function parseMaxWarnings(value: string | number | undefined): number {
  if (value === undefined) return -1;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings expects a whole number (got "${value}")`);
  return n;
}

/** How to report, from the flags first and the config second. */
export function emitOptionsFrom(flags: ReportFlags, config: CdpConfig): EmitOptions {
  return {
    format: flags.format ?? config.format ?? 'stylish',
    maxWarnings: parseMaxWarnings(flags.maxWarnings ?? config.maxWarnings),
    quiet: flags.quiet === true,
    color: flags.color,
    ...(flags.outputFile ? { outputFile: flags.outputFile } : {}),
  };
}

export interface EmitOptions {
  format: string;
  outputFile?: string;
  maxWarnings: number;
  quiet: boolean;
  color: boolean | undefined;
}

/**
 * Renders the report, writes it where asked, and returns the exit code the report deserves.
 * `extra`: formats only this command offers (`coverage` for scan), besides the shared ones.
 */
export function emitReport(report: Report, options: EmitOptions, io: Io, extra: Record<string, Reporter> = {}): number {
  const reporter = getReporter(options.format) ?? (Object.hasOwn(extra, options.format) ? extra[options.format] : undefined);
  if (!reporter) throw new UsageError(`Unknown format "${options.format}"; use one of ${[...REPORTER_NAMES, ...Object.keys(extra)].join(', ')}`);
  const shown = options.quiet ? withoutWarnings(report) : report;
  const color = useColor(options.color, io, options.outputFile !== undefined);
  const text = reporter(shown, { color, cwd: io.cwd });
  if (options.outputFile) {
    try {
      writeFileSync(resolve(io.cwd, options.outputFile), text.endsWith('\n') ? text : text + '\n');
    } catch (error) {
      throw new UsageError(`Cannot write ${options.outputFile}: ${(error as Error).message}`);
    }
  } else if (text) {
    io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
  // Like ESLint, --quiet hides warnings from the exit code too: what is not shown does not fail.
  return exitCode(shown.summary, options.maxWarnings);
}

export function exitCode(summary: ReportSummary, maxWarnings: number): number {
  const { errorCount, warningCount, fatalCount } = summary;
  if (fatalCount > 0) return EXIT_USAGE;
  if (errorCount > 0) return EXIT_ERRORS;
  if (maxWarnings >= 0 && warningCount > maxWarnings) return EXIT_ERRORS;
  return EXIT_OK;
}

function withoutWarnings(report: Report): Report {
  const diagnostics = report.diagnostics.filter((d) => d.severity === 'error');
  return { ...report, diagnostics, summary: summarize(diagnostics, report.summary.stats) };
}
