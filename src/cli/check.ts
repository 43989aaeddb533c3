import type { Command } from 'commander';
import { verifyPlanSchemas } from '../compile/verify.js';
import { resolveConventions, resolveSeverities } from '../config/resolve.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createReport } from '../core/report.js';
import type { Plan } from '../plan/model.js';
import { checkPlan } from '../rules/check-plan.js';
import { describeRules } from '../rules/describe.js';
import type { Io } from './io.js';
import { asUsageError, choosePlanPath, readConfig, readPlan } from './plan-input.js';
import { addReportOptions, emitOptionsFrom, emitReport, type ReportFlags } from './report-options.js';
import { addCommand } from './commands.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  addReportOptions(
    addCommand(program, 'check')
      .argument('[plan]', 'plan file (default: "plan" from the config, else tracking-plan.yaml)'),
  ).action(async (planArg: string | undefined, flags: ReportFlags) => setExit(await runCheck(planArg, flags, io)));
}

export async function runCheck(planArg: string | undefined, flags: ReportFlags, io: Io): Promise<number> {
  const loaded = await readConfig(io, flags.config);
  const { config } = loaded;
  const { severities } = asUsageError(() => resolveSeverities(config, flags.rule));
  const path = choosePlanPath(planArg, loaded, io);
  const emit = emitOptionsFrom(flags, config);

  const result = await readPlan(path, io);
  if ('error' in result) {
    const d = result.error.diagnostics;
    return emitReport(createReport('check', filesOf(d), d, describeRules(d), {}), emit, io);
  }
  const { plan } = result;
  const conventions = asUsageError(() => resolveConventions(plan, config));
  const diagnostics = [...verifyPlanSchemas(plan), ...checkPlan(plan, { severities, conventions })];
  return emitReport(createReport('check', plan.files, diagnostics, describeRules(diagnostics), stats(plan)), emit, io);
}

function stats(plan: Plan): Record<string, number> {
  const out: Record<string, number> = { events: plan.events.size };
  if (plan.pages.size > 0) out.pages = plan.pages.size;
  if (plan.screens.size > 0) out.screens = plan.screens.size;
  if (plan.types.size > 0) out.types = plan.types.size;
  out.files = plan.files.length;
  return out;
}

function filesOf(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.file).filter((f): f is string => f !== undefined))];
}
