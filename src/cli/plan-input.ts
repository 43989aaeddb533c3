import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { PlanLoadError } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import { PlanCache, type CacheEntry } from '../validate/plan-cache.js';
import { createReport } from '../core/report.js';
import { getReporter } from '../reporters/index.js';
import { describeRules } from '../rules/describe.js';
import { DEFAULT_PLAN_FILES } from './default-files.js';
import { EXIT_USAGE, UsageError, type Io } from './io.js';
import { useColor } from './io.js';

export async function readConfig(io: Io, explicitPath?: string): Promise<LoadedConfig> {
  return asUsageError(() => loadConfig(io.cwd, explicitPath && resolve(io.cwd, explicitPath)));
}

/** Runs a step of reading the configuration; a ConfigError it throws is the user's to fix (exit 2). */
export function asUsageError<T>(step: () => T): T {
  try {
    const result = step();
    return result instanceof Promise ? (result.catch(rethrow) as T) : result;
  } catch (error) {
    return rethrow(error);
  }
}

function rethrow(error: unknown): never {
  throw error instanceof ConfigError ? new UsageError(error.message) : error;
}

/** The plan to use: the argument, else the config's `plan` (relative to the config file), else a default file. */
export function choosePlanPath(argument: string | undefined, loaded: LoadedConfig, io: Io): string {
  const found = findPlanPath(argument, loaded, io);
  if (found) return found;
  throw new UsageError(
    `No plan given: pass one (cdp check plans/ecommerce.yaml), set "plan" in a cdp config file, or create ${DEFAULT_PLAN_FILES[0]} (cdp init does both)`,
  );
}

/** Like choosePlanPath, but undefined when there is no plan to be found. */
export function findPlanPath(argument: string | undefined, loaded: LoadedConfig, io: Io): string | undefined {
  if (argument) return argument;
  if (loaded.config.plan) return loaded.filepath ? resolve(loaded.filepath, '..', loaded.config.plan) : loaded.config.plan;
  return DEFAULT_PLAN_FILES.find((f) => existsSync(resolve(io.cwd, f)));
}

export type PlanResult = { plan: Plan } | { error: PlanLoadError };

/** --no-cache and --cache-location (see cache-options.ts). */
export interface CacheFlags {
  cache?: boolean;
  cacheLocation?: string;
}

export type UsablePlan = { plan: Plan; cache?: CacheEntry } | { problems: Diagnostic[] };

/**
 * A plan ready to check payloads with: loaded, and every schema it compiles to accepted by ajv.
 * Otherwise the problems that stop the command (exit code 2). Read from the plan cache when the
 * files are as an earlier run found them, and kept there when they load without problems; `cache`
 * is the entry, for what else a command keeps (the lint's validators).
 */
export async function readUsablePlan(path: string, io: Io, flags: CacheFlags = {}): Promise<UsablePlan> {
  const cache = flags.cache === false ? undefined : PlanCache.locate(io.cwd, flags.cacheLocation)?.entry(path, io.cwd);
  const cached = cache?.readPlan();
  if (cached) return { plan: cached, cache };
  const result = await readPlan(path, io);
  if ('error' in result) return { problems: result.error.diagnostics };
  const { verifyPlanSchemas } = await import('../compile/verify.js');
  const problems = verifyPlanSchemas(result.plan);
  if (problems.length > 0) return { problems };
  cache?.writePlan(result.plan);
  return cache ? { plan: result.plan, cache } : result;
}

/** The plan at `path`, or why it does not load. The loader (js-yaml, the plan format's validator) loads on first use. */
export async function readPlan(path: string, io: Io): Promise<PlanResult> {
  const { loadPlan, PlanLoadError } = await import('../plan/load.js');
  try {
    return { plan: loadPlan(path, io.cwd) };
  } catch (error) {
    if (error instanceof PlanLoadError) return { error };
    throw error;
  }
}

/**
 * Reports the problems that stop a command writing files or schemas, on stderr (stdout may be
 * carrying its output, as with `cdp compile > plan.json`), and returns exit code 2.
 */
export function reportPlanProblems(command: string, diagnostics: Diagnostic[], io: Io, color?: boolean): number {
  const report = createReport(command, [], diagnostics, describeRules(diagnostics));
  io.stderr.write(getReporter('stylish')!(report, { color: useColor(color, { ...io, stdout: io.stderr }, false), cwd: io.cwd }));
  return EXIT_USAGE;
}
