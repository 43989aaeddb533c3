import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { RULES } from './index.js';
import { formatMessage, type ResolvedConventions, type SeverityMap } from './types.js';

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
        const template = rule.meta.messages[problem.messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${problem.messageId}"`);
        const at = plan.sources.get(problem.node.file)?.locate(problem.node.pointer);
        const d: Diagnostic = {
          ruleId: rule.meta.id,
          messageId: problem.messageId,
          severity: severity as Severity,
          message: formatMessage(template, problem.data),
          file: problem.node.file,
          ...(at ? { line: at.line, column: at.column } : {}),
          path: problem.node.pointer,
        };
        if (problem.event !== undefined) d.event = problem.event;
        if (problem.expected !== undefined) d.expected = problem.expected;
        if (problem.actual !== undefined) d.actual = problem.actual;
        if (problem.suggestion !== undefined) d.suggestion = problem.suggestion;
        diagnostics.push(d);
      },
    });
  }
  return diagnostics;
}
