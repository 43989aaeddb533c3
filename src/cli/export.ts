import type { Command } from 'commander';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '../interop/export-plan.js';
import { EXIT_OK, UsageError, type Io } from './io.js';
import { writeOutput } from './output-file.js';
import { choosePlanPath, readConfig, readUsablePlan, reportPlanProblems, type CacheFlags } from './plan-input.js';
import { CACHE_LOCATION_OPTION, NO_CACHE_OPTION } from './cache-options.js';
import { addCommand } from './commands.js';

interface ExportFlags extends CacheFlags {
  format?: string;
  output?: string;
  force?: boolean;
  config?: string;
}

export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  addCommand(program, 'export')
    .argument('[plan]', 'plan file (default: "plan" from the config, else tracking-plan.yaml)')
    .option('-f, --format <format>', `${EXPORT_FORMATS.join(' or ')}`, 'protocols')
    .option('-o, --output <file>', 'write the JSON to this file (default: stdout)')
    .option('--force', 'overwrite the output file if it exists')
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option(...NO_CACHE_OPTION)
    .option(...CACHE_LOCATION_OPTION)
    .action(async (planArg: string | undefined, flags: ExportFlags) => setExit(await runExport(planArg, flags, io)));
}

export async function runExport(planArg: string | undefined, flags: ExportFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'protocols';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown export format "${format}"; use ${EXPORT_FORMATS.join(' or ')}`);
  const loaded = await readConfig(io, flags.config);
  const result = await readUsablePlan(choosePlanPath(planArg, loaded, io), io, flags);
  if ('problems' in result) return reportPlanProblems('export', result.problems, io);
  const exported = exportPlan(result.plan, format as ExportFormat);
  writeOutput(JSON.stringify(exported.json, null, 2) + '\n', flags.output, flags.force, io);
  for (const warning of exported.warnings) io.stderr.write(`cdp export: ${warning}\n`);
  return EXIT_OK;
}
