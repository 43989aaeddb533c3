import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { RULES } from './index.js';
import { ruleDiagnostic, type ResolvedConventions, type SeverityMap } from './types.js';

export interface CheckPlanOptions {
  severities: SeverityMap;
  conventions: ResolvedConventions;
}

/** Runs every enabled plan rule and returns their diagnostics, positioned in the plan's files. */
export function checkPlan(plan: Plan, options: CheckPlanOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = options.severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (severity === 'off' || !rule.checkPlan) continue;
    rule.checkPlan({
      plan,
      conventions: options.conventions,
      report(problem) {
        const d = ruleDiagnostic(rule, severity as Severity, problem);
        d.file = problem.node.file;
        const at = plan.sources.get(problem.node.file)?.locate(problem.node.pointer);
        if (at) {
          d.line = at.line;
          d.column = at.column;
        }
        d.path = problem.node.pointer;
        if (problem.event !== undefined) d.event = problem.event;
        diagnostics.push(d);
      },
    });
  }
  return diagnostics;
}
