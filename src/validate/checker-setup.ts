import type { SeverityOption } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import type { ResolvedConventions } from '../rules/types.js';
import { EventChecker } from './event-checker.js';
import { EventValidators, type ValidatorStore } from './event-validators.js';
import { PlanCache } from './plan-cache.js';
import type { UnitOutput } from './unit-output.js';

/** Everything a worker thread needs to build the same checker as the main thread: plain data only. */
export interface CheckerSetup {
  planPath: string;
  cwd: string;
  severities: Array<[string, SeverityOption]>;
  explicit: string[];
  conventions: ResolvedConventions;
  /** How results come back: see prepareUnitOutput. */
  output: UnitOutput;
  /** The plan cache's folder (absolute), when the run uses one. */
  cache?: string;
}

/** A worker thread's checker: the plan from the cache the main thread used, else loaded again from its file. */
export async function createChecker(setup: CheckerSetup): Promise<EventChecker> {
  const entry = setup.cache === undefined ? undefined : PlanCache.locate(setup.cwd, setup.cache)?.entry(setup.planPath, setup.cwd);
  let plan = entry?.readPlan();
  if (!plan) {
    // Plan loading (js-yaml, the plan format's validator) is loaded only when the cache cannot help.
    const { loadPlan } = await import('../plan/load.js');
    plan = loadPlan(setup.planPath, setup.cwd);
  }
  return checkerFor(plan, setup, entry?.validators());
}

/** The checker `setup` describes, for a plan already loaded (the main thread's, with --jobs 1). */
export function checkerFor(plan: Plan, setup: CheckerSetup, store?: ValidatorStore): EventChecker {
  return new EventChecker(plan, new EventValidators(plan, undefined, store), {
    severities: new Map(setup.severities),
    explicit: new Set(setup.explicit),
    conventions: setup.conventions,
  });
}
