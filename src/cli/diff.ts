import { resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveSeverities } from '../config/resolve.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { createReport } from '../core/report.js';
import { diffPlans } from '../interop/diff-plans.js';
import { GitRefError, planAtRef } from '../interop/diff-git.js';
import { diffDiagnostics } from '../interop/diff-report.js';
import { loadPlan, PlanLoadError } from '../plan/load.js';
import { DEFAULT_POLICIES, type Plan } from '../plan/model.js';
import type { PlanFiles } from '../plan/plan-files.js';
import { diffMarkdown } from '../reporters/diff-markdown.js';
import { describeRules } from '../rules/describe.js';
import { UsageError, type Io } from './io.js';
import { asUsageError, choosePlanPath, readConfig } from './plan-input.js';
import { addReportOptions, emitOptionsFrom, emitReport, type ReportFlags } from './report-options.js';
import { addCommand } from './commands.js';

interface DiffFlags extends ReportFlags {
  against?: string;
  plan?: string;
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  addReportOptions(
    addCommand(program, 'diff')
      .argument('[old]', 'the old plan file')
      .argument('[new]', 'the new plan file')
      .option('--against <git-ref>', 'compare the plan as it is at this git ref (origin/main, a tag, a commit) with the working tree')
      .option('--plan <path>', 'with --against: the plan file (default: "plan" from the config, else tracking-plan.yaml)'),
    ['markdown'],
  ).action(async (oldArg: string | undefined, newArg: string | undefined, flags: DiffFlags) => setExit(await runDiff(oldArg, newArg, flags, io)));
}

export async function runDiff(oldArg: string | undefined, newArg: string | undefined, flags: DiffFlags, io: Io): Promise<number> {
  const loaded = await readConfig(io, flags.config);
  const { severities } = asUsageError(() => resolveSeverities(loaded.config, flags.rule));
  const emit = emitOptionsFrom(flags, loaded.config);
  const sides = flags.against !== undefined ? againstRef(flags.against, oldArg, flags.plan, loaded, io) : twoFiles(oldArg, newArg, flags.plan);

  const problems: Diagnostic[] = [];
  const load = (path: string, files?: PlanFiles, label?: (file: string) => string): Plan | undefined => {
    try {
      return loadPlan(path, io.cwd, files);
    } catch (error) {
      if (!(error instanceof PlanLoadError)) throw error;
      problems.push(...error.diagnostics.map((d) => (label && d.file !== undefined ? { ...d, file: label(d.file) } : d)));
      return undefined;
    }
  };
  const next = load(sides.new);
  const old = sides.old.absent ? emptyPlan(sides.old.path) : load(sides.old.path, sides.old.files, sides.old.label);
  const markdown = { markdown: diffMarkdown };
  if (!old || !next) return emitReport(createReport('diff', [], problems, describeRules(problems)), emit, io, markdown);

  const diagnostics = diffDiagnostics(diffPlans(old, next), { old, new: next }, { severities, ...(sides.old.label ? { oldFileLabel: sides.old.label } : {}) });
  const breaking = diagnostics.filter((d) => d.change!.breaks.length > 0).length;
  const stats = { changes: diagnostics.length, breaking, compatible: diagnostics.length - breaking };
  return emitReport(createReport('diff', next.files, diagnostics, describeRules(diagnostics), stats), emit, io, markdown);
}

interface Sides {
  /** The new plan's path. */
  new: string;
  /** The old plan: read like the new one from another path, or from a git ref at the same path. */
  old: { path: string; files?: PlanFiles; label?: (file: string) => string; absent?: boolean };
}

function twoFiles(oldArg: string | undefined, newArg: string | undefined, plan: string | undefined): Sides {
  if (oldArg === undefined || newArg === undefined) {
    throw new UsageError('cdp diff compares two plans: give both files (cdp diff old.yaml new.yaml), or compare with git: cdp diff --against origin/main');
  }
  if (plan !== undefined) throw new UsageError('--plan names the plan for --against; with two files, the second one is the new plan');
  return { new: newArg, old: { path: oldArg } };
}

function againstRef(ref: string, oldArg: string | undefined, planFlag: string | undefined, loaded: Awaited<ReturnType<typeof readConfig>>, io: Io): Sides {
  if (oldArg !== undefined) throw new UsageError(`With --against, the plan is named with --plan (cdp diff --against ${ref} --plan ${oldArg}), not as an argument`);
  const path = choosePlanPath(planFlag, loaded, io);
  try {
    const atRef = planAtRef(ref, resolve(io.cwd, path));
    if (!atRef.exists) io.stderr.write(`cdp: ${path} does not exist at ${ref}: every event in it is new\n`);
    return { new: path, old: { path, files: atRef.files, label: atRef.label, absent: !atRef.exists } };
  } catch (error) {
    throw error instanceof GitRefError ? new UsageError(error.message) : error;
  }
}

/** The old side when the plan did not exist yet: nothing planned, the default policies. */
function emptyPlan(file: string): Plan {
  return { file, files: [], conventions: {}, defaults: { ...DEFAULT_POLICIES }, types: new Map(), events: new Map(), pages: new Map(), screens: new Map(), sources: new Map() };
}
