import type { Diagnostic } from '../core/diagnostic.js';
import type { RuleDescriptor } from '../core/report.js';
import { FATAL_PROBLEMS, getRule, INTERNAL_PROBLEMS } from './index.js';
import { docsReference } from './types.js';

/** What reporters say about the rules that appear in a report, so they never import a rule. */
export function describeRules(diagnostics: readonly Diagnostic[]): Record<string, RuleDescriptor> {
  const out: Record<string, RuleDescriptor> = {};
  for (const { ruleId } of diagnostics) {
    if (out[ruleId]) continue;
    const description = getRule(ruleId)?.meta.description ?? FATAL_PROBLEMS[ruleId] ?? INTERNAL_PROBLEMS[ruleId] ?? ruleId;
    out[ruleId] = { id: ruleId, description, docs: docsReference(ruleId) };
  }
  return out;
}
