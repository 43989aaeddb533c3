import type { Severity, SeverityOption } from '../core/diagnostic.js';
import type { Convention } from '../naming/conventions.js';
import type { Plan, PlanNode } from '../plan/model.js';

export interface RuleMeta {
  /** Stable id, `group/name`: once released it never changes. */
  id: string;
  type: 'problem' | 'suggestion';
  defaultSeverity: SeverityOption;
  /** One line for `docs/rules.md`, SARIF and `--help`. */
  description: string;
  /** Message templates by id; `{{name}}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
}

export interface ResolvedConventions {
  event: Convention;
  property: Convention;
}

export interface PlanProblem {
  messageId: string;
  data?: Record<string, string | number>;
  node: PlanNode;
  event?: string;
  suggestion?: string;
  expected?: unknown;
  actual?: unknown;
}

export interface PlanRuleContext {
  plan: Plan;
  conventions: ResolvedConventions;
  report(problem: PlanProblem): void;
}

/** A rule checks one stage of the pipeline; later stages (payloads, source code) add their own hooks. */
export interface Rule {
  meta: RuleMeta;
  checkPlan?(context: PlanRuleContext): void;
}

export type SeverityMap = ReadonlyMap<string, Severity | 'off'>;

/** Where a rule is documented: its heading in docs/rules.md (GitHub drops the `/` from anchors). */
export function docsUrl(id: string): string {
  return `docs/rules.md#${id.replace('/', '')}`;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? String(data[key]) : whole));
}
