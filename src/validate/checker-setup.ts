import { compilePlan } from '../compile/compile-plan.js';
import type { SeverityOption } from '../core/diagnostic.js';
import { loadPlan } from '../plan/load.js';
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

export function createChecker(setup: CheckerSetup): EventChecker {
  const plan = loadPlan(setup.planPath, setup.cwd);
  return new EventChecker(plan, compilePlan(plan), {
    severities: new Map(setup.severities),
    explicit: new Set(setup.explicit),
    conventions: setup.conventions,
  });
}
