import { dirname, relative } from 'node:path';
import type { CompiledPlan } from '../compile/compile-plan.js';
import type { Diagnostic, SeverityOption } from '../core/diagnostic.js';
import { shortened } from '../core/text.js';
import type { Plan } from '../plan/model.js';
import { escapeToken } from '../plan/pointer.js';
import { ruleDiagnostic, type ResolvedConventions, type Rule, type SeverityMap } from '../rules/types.js';
import { dynamicEventName } from '../rules/scan/dynamic-event-name.js';
import { MAX_VALUE_DEPTH, tooDeep } from '../rules/scan/too-deep.js';
import { EventValidators } from '../validate/event-validators.js';
import { EventChecker } from '../validate/event-checker.js';
import type { ExtractedCall, Location, Value } from './types.js';
import { setOwn } from '../core/set-own.js';

/** The payload rules that apply to calls in code: what the plan and the naming conventions say. */
export const SCAN_PAYLOAD_RULES: readonly string[] = [
  'plan/unplanned-event',
  'plan/missing-required',
  'plan/unplanned-property',
  'plan/invalid-value',
  'naming/event-case',
  'naming/property-case',
];

const PROPERTY_RULES = new Set(['plan/missing-required', 'plan/unplanned-property', 'plan/invalid-value', 'naming/property-case']);

/** Stands for a value the scanner cannot know: it fails every type check, and those failures are dropped. */
const UNKNOWN_VALUE = Symbol('unknown value');

export interface CallCheckOptions {
  severities: SeverityMap;
  explicit: ReadonlySet<string>;
  conventions: ResolvedConventions;
}

/** Appends to `out` a diagnostic of a rule at a place, with its message from the rule's template, unless the rule is off. */
export function pushRuleDiagnostic(out: Diagnostic[], rule: Rule, severity: SeverityOption | undefined, messageId: string, data: Record<string, string | number>, at: Partial<Location>): void {
  if (severity === undefined || severity === 'off') return;
  const d = ruleDiagnostic(rule, severity, { messageId, data });
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  out.push(d);
}

/**
 * Checks tracking calls found in code as `cdp lint` checks payloads: each call becomes the payload
 * it would send, with what the scanner could not know marked, and goes through the same event
 * checker, so rule ids, messages and semantics (nested objects, policies) are the same. Problems
 * that only an unknown value could cause are then dropped: a variable's type error, a required
 * key missing from an object that may hold keys the scanner cannot see.
 */
export class CallChecker {
  readonly #checker: EventChecker;
  readonly #severities: SeverityMap;

  constructor(plan: Plan, compiled: CompiledPlan, options: CallCheckOptions) {
    const severities = new Map(options.severities);
    for (const id of severities.keys()) if (!SCAN_PAYLOAD_RULES.includes(id) && !id.startsWith('scan/')) severities.set(id, 'off');
    this.#severities = severities;
    this.#checker = new EventChecker(plan, new EventValidators(plan, compiled), { severities, explicit: options.explicit, conventions: options.conventions });
  }

  /** Appends the call's diagnostics to `out`. The call's name and body must be settled (nothing deferred). */
  check(call: ExtractedCall, out: Diagnostic[]): void {
    const at: Location = { file: call.file, line: call.line, column: call.column };
    const name = call.name;
    if (name && name.kind !== 'known') {
      const what = call.type === 'track' ? 'Event' : call.type === 'page' ? 'Page' : 'Screen';
      const missing = name.kind === 'dynamic' && name.text === '';
      pushRuleDiagnostic(out, dynamicEventName, this.#severities.get(dynamicEventName.meta.id), missing ? 'missing' : 'dynamic', { what, text: shortCode(name.text) }, at);
      return;
    }
    const payload: Record<string, unknown> = { type: call.type };
    if (call.type === 'track') payload.event = name?.name;
    else if (name) payload.name = name.name;
    const slot = call.type === 'identify' || call.type === 'group' ? 'traits' : 'properties';
    const unknown = new Set<string>();
    const open = new Set<string>();
    if (call.body) payload[slot] = toPayload(call.body, `/${slot}`, unknown, open);
    if (call.tooDeep) {
      const where = call.tooDeep.file === call.file ? '' : `${relative(dirname(call.file), call.tooDeep.file)}:`;
      pushRuleDiagnostic(out, tooDeep, this.#severities.get(tooDeep.meta.id), 'value', { type: call.type, max: MAX_VALUE_DEPTH, at: `${where}${call.tooDeep.line}:${call.tooDeep.column}` }, at);
    }
    const found: Diagnostic[] = [];
    this.#checker.check(payload, at, found);
    for (const d of found) {
      if (call.body === null && PROPERTY_RULES.has(d.ruleId)) continue;
      if (d.ruleId === 'plan/invalid-value' && d.path !== undefined && underAny(d.path, unknown)) continue;
      if (d.ruleId === 'plan/missing-required' && d.path !== undefined && open.has(d.path.slice(0, d.path.lastIndexOf('/')))) continue;
      out.push(d);
    }
  }
}

/** The payload a value stands for, recording where it holds unknown values and open objects. */
function toPayload(value: Value, path: string, unknown: Set<string>, open: Set<string>): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'array':
      return value.items.map((item, i) => toPayload(item, `${path}/${i}`, unknown, open));
    case 'object': {
      if (value.open) open.add(path);
      const out: Record<string, unknown> = {};
      for (const [key, v] of value.entries) {
        // A key such as "__proto__" must be an own key, as in a parsed payload.
        setOwn(out, key, toPayload(v, `${path}/${escapeToken(key)}`, unknown, open));
      }
      return out;
    }
    default:
      unknown.add(path);
      return UNKNOWN_VALUE;
  }
}

/** Code quoted in a message: on one line, and short (a name can be a whole function call). */
function shortCode(text: string): string {
  return shortened(text.replace(/\s+/g, ' '), 60);
}

function underAny(path: string, prefixes: ReadonlySet<string>): boolean {
  for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (prefixes.has(p)) return true;
  return false;
}
