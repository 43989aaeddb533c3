import { compilePlan } from '../compile/compile-plan.js';
import type { SeverityOption } from '../core/diagnostic.js';
import { loadPlan } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import type { ResolvedConventions } from '../rules/types.js';
import { EventChecker } from './event-checker.js';
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
}

/** A worker thread's checker: the plan loaded again from its file. */
export function createChecker(setup: CheckerSetup): EventChecker {
  return checkerFor(loadPlan(setup.planPath, setup.cwd), setup);
}

/** The checker `setup` describes, for a plan already loaded (the main thread's, with --jobs 1). */
export function checkerFor(plan: Plan, setup: CheckerSetup): EventChecker {
  return new EventChecker(plan, compilePlan(plan), {
    severities: new Map(setup.severities),
    explicit: new Set(setup.explicit),
    conventions: setup.conventions,
  });
}
