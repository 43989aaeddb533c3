import type { ErrorObject } from 'ajv';
import type { Audience, Diagnostic, Severity, SeverityOption } from '../core/diagnostic.js';
import { shortened } from '../core/text.js';
import type { Convention, NamingResult } from '../naming/conventions.js';
import type { Plan, PlanEvent, PlanNode, Policy, TraitsSection } from '../plan/model.js';
import type { CallType } from '../spec/call-types.js';

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

/** A key of a payload's properties or traits that naming rules look at. */
export interface PayloadKey {
  key: string;
  /** JSON pointer of the key's value in the payload: `/properties/products/0/unitPrice`. */
  path: string;
  /** Keys from the properties or traits object down to this one (array levels left out). */
  keyPath: string[];
}

export interface PayloadProblem {
  messageId: string;
  data?: Record<string, string | number>;
  /** JSON pointer into the payload. */
  path?: string;
  suggestion?: string;
  expected?: unknown;
  actual?: unknown;
  /** Severity from the plan's own policy (unplanned events/properties), used unless the config sets the rule. */
  policy?: Policy;
}

/** What a payload rule sees of one event. Everything costly is computed on first use and shared. */
export interface PayloadRuleContext {
  plan: Plan;
  conventions: ResolvedConventions;
  event: Record<string, unknown>;
  type: CallType;
  /** Event name (track) or page/screen name, when the payload has one. */
  name?: string;
  /** How messages name this event: `event "Order Completed"`, `page "Home"`, `identify call`. */
  subject: string;
  /** The plan's entry for this event; undefined when unplanned or when the plan has no such section. */
  planned?: PlanEvent | TraitsSection;
  /** Whether the plan describes this kind of call at all (a pages section, an identify section, ...). */
  sectionPlanned: boolean;
  /** Policy for properties or traits the plan does not declare, for this event. */
  unplannedPolicy: Policy;
  /** ajv's errors for the planned entry's schema (empty when unplanned or valid). */
  schemaErrors(): readonly ErrorObject[];
  /** Keys naming rules should look at: all of them for unplanned events, the undeclared ones otherwise. */
  keysToName(): readonly PayloadKey[];
  /**
   * JSON pointer of the first value nested more than MAX_DEPTH levels deep that a check has to look
   * into: below a key the naming rules walk, or inside a value a diagnostic quotes. Undefined when none.
   */
  tooDeep(): string | undefined;
  /** Naming check of one name, cached across events. */
  naming(name: string, kind: 'event' | 'property'): NamingResult;
  report(problem: PayloadProblem): void;
}

/** A rule checks one stage of the pipeline: the plan itself, or each payload of a log. */
export interface Rule {
  meta: RuleMeta;
  checkPlan?(context: PlanRuleContext): void;
  checkPayload?(context: PayloadRuleContext): void;
  /**
   * Set on the rules of `cdp diff`, which report changes between two plans: whom the change they
   * report usually breaks (empty for compatible changes). The comparison itself is src/interop/diff*.
   */
  diff?: { breaks: readonly Audience[] };
}

export type SeverityMap = ReadonlyMap<string, Severity | 'off'>;

/** Where a rule is documented: its heading in docs/rules.md (GitHub drops the `/` from anchors). */
export function docsReference(id: string): string {
  return `docs/rules.md#${id.replace('/', '')}`;
}

/** Templates split once into literal text (even indices) and placeholder names (odd indices). */
const compiledTemplates = new Map<string, string[]>();

/** Fills `{{name}}` placeholders; one log can produce millions of messages from a few templates. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    compiledTemplates.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (Object.hasOwn(data, key) ? shortened(String(data[key]), MAX_PLACEHOLDER_TEXT) : `{{${key}}}`) + parts[i + 1]!;
  }
  return out;
}

/** Longest text a placeholder takes in a message; the whole value stays in the diagnostic's other fields. */
const MAX_PLACEHOLDER_TEXT = 200;

/** What a rule says about one problem, whatever it checked: a plan, a payload or a call in code. */
export interface ProblemText {
  messageId: string;
  data?: Record<string, string | number>;
  expected?: unknown;
  actual?: unknown;
  suggestion?: string | undefined;
}

/**
 * A rule's diagnostic for a problem, before it is placed (file, position, path): its message from
 * the rule's template, and what was expected and found. The one way every checker builds one.
 */
export function ruleDiagnostic(rule: Rule, severity: Severity, problem: ProblemText): Diagnostic {
  const template = rule.meta.messages[problem.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${problem.messageId}"`);
  const d: Diagnostic = { ruleId: rule.meta.id, messageId: problem.messageId, severity, message: formatMessage(template, problem.data) };
  if (problem.expected !== undefined) d.expected = problem.expected;
  if (problem.actual !== undefined) d.actual = problem.actual;
  if (problem.suggestion !== undefined) d.suggestion = problem.suggestion;
  return d;
}
