import type { ErrorObject } from 'ajv';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { shortened } from '../core/text.js';
import type { EventLocation } from '../ingest/types.js';
import { checkName, type NamingResult } from '../naming/conventions.js';
import { closest } from '../naming/distance.js';
import type { JsonSchema, Plan, PlanEvent, Policy, TraitsSection } from '../plan/model.js';
import { escapeToken, joinPointer, pointerTokens } from '../plan/pointer.js';
import { RULES } from '../rules/index.js';
import { checkFailed, failureReason } from '../rules/internal/check-failed.js';
import { invalidEvent, invalidJson, unknownType } from '../rules/spec/payload-shape.js';
import { ruleDiagnostic, type PayloadKey, type PayloadProblem, type PayloadRuleContext, type ProblemText, type ResolvedConventions, type Rule, type SeverityMap } from '../rules/types.js';
import { CALL_TYPES, type CallType } from '../spec/call-types.js';
import type { EventValidators } from './event-validators.js';
import { MAX_DEPTH, reportableValue, tooDeepAt } from './depth.js';
import { jsonTypeOf, preview, valueAt } from './json-value.js';

export interface CheckerOptions {
  severities: SeverityMap;
  /** Rules whose severity the user set; for the others, the plan's policies decide where they apply. */
  explicit: ReadonlySet<string>;
  conventions: ResolvedConventions;
}

/** Longest event, page or screen name a message's subject quotes. */
const MAX_SUBJECT_NAME = 120;
/** Keys of one event that naming rules look at, at most; a payload with more is not a tracking event. */
const MAX_KEYS_PER_EVENT = 10_000;
/** Distinct names remembered per kind; logs with random keys must not grow memory without bound. */
const MAX_CACHED_NAMES = 100_000;

const CALL_TYPE_SET: ReadonlySet<string> = new Set(CALL_TYPES);
const NO_ERRORS: readonly ErrorObject[] = [];
const NO_KEYS: readonly PayloadKey[] = [];

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  explicit: boolean;
}

/**
 * Checks parsed payloads against the Segment spec, the plan and the naming conventions. One
 * instance serves a whole run: validators are made on first use of each event (EventValidators), and naming
 * results are cached per distinct name, since a log has millions of events but few names.
 */
export class EventChecker {
  readonly #naming = { event: new Map<string, NamingResult>(), property: new Map<string, NamingResult>() };
  readonly #payloadRules: ActiveRule[];
  readonly #shapeSeverity: Record<'invalidJson' | 'invalidEvent' | 'unknownType', Severity | 'off'>;
  // Assigned in the constructor: parameter properties are not set yet when field initializers run.
  readonly #context: PayloadRuleContext;
  // The event being checked, and what its rules have computed so far.
  #active: ActiveRule | undefined;
  #errors: readonly ErrorObject[] | undefined;
  #keys: readonly PayloadKey[] | undefined;
  // Where the naming walk of this event stopped at MAX_DEPTH, if it did.
  #keysStoppedAt: string | undefined;
  #loc: EventLocation = { file: '', line: 0 };
  #out: Diagnostic[] = [];

  constructor(
    private readonly plan: Plan,
    private readonly validators: EventValidators,
    private readonly options: CheckerOptions,
  ) {
    const severity = (id: string) => options.severities.get(id) ?? 'off';
    this.#payloadRules = RULES.filter((r) => r.checkPayload && severity(r.meta.id) !== 'off').map((rule) => ({
      rule,
      severity: severity(rule.meta.id) as Severity,
      explicit: options.explicit.has(rule.meta.id),
    }));
    this.#context = this.createContext();
    this.#shapeSeverity = {
      invalidJson: severity('spec/invalid-json'),
      invalidEvent: severity('spec/invalid-event'),
      unknownType: severity('spec/unknown-type'),
    };
  }

  /** A line or element that is not JSON (reason) or not UTF-8 (reason undefined). */
  malformed(loc: EventLocation, reason: string | undefined, out: Diagnostic[], column?: number): void {
    const problem = reason === undefined ? { messageId: 'utf8' } : { messageId: 'parse', data: { reason } };
    const located = column === undefined ? loc : { ...loc, column };
    this.push(out, invalidJson, this.#shapeSeverity.invalidJson, problem, located);
  }

  /**
   * Checks one parsed event and appends its diagnostics to `out`; returns how many it added. An
   * exception inside a rule costs this event only: what it had reported is replaced by one
   * internal/check-failed diagnostic.
   */
  check(value: unknown, loc: EventLocation, out: Diagnostic[]): number {
    const before = out.length;
    try {
      return this.checkEvent(value, loc, out, before);
    } catch (error) {
      out.length = before;
      this.push(out, checkFailed, 'error', { messageId: 'failed', data: { what: 'event', reason: failureReason(error) } }, loc);
      return 1;
    }
  }

  private checkEvent(value: unknown, loc: EventLocation, out: Diagnostic[], before: number): number {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.push(out, invalidEvent, this.#shapeSeverity.invalidEvent, { messageId: 'notObject', data: { actual: jsonTypeOf(value) } }, loc);
      return out.length - before;
    }
    const event = value as Record<string, unknown>;
    const type = event.type;
    if (typeof type !== 'string' || !CALL_TYPE_SET.has(type)) {
      const problem =
        type === undefined
          ? { messageId: 'missing', path: '/type' }
          : { messageId: 'unknown', data: { actual: preview(type) }, path: '/type', suggestion: typeof type === 'string' ? closest(type, CALL_TYPES, 3) : undefined };
      this.push(out, unknownType, this.#shapeSeverity.unknownType, problem, loc);
      return out.length - before;
    }
    if (type === 'track' && (typeof event.event !== 'string' || event.event.trim() === '')) {
      const found = event.event === undefined ? '' : typeof event.event === 'string' ? ' ("event" is empty)' : ` ("event" is ${jsonTypeOf(event.event)}, not a string)`;
      this.push(out, invalidEvent, this.#shapeSeverity.invalidEvent, { messageId: 'noName', data: { found }, path: '/event' }, loc);
      return out.length - before;
    }
    const context = this.context(event, type as CallType, loc, out);
    for (const active of this.#payloadRules) {
      this.#active = active;
      active.rule.checkPayload!(context);
    }
    return out.length - before;
  }

  /**
   * Points the shared context at this event. One context object serves every event (a fresh
   * object with closures per event was a tenth of the run time); rules read it synchronously.
   */
  private context(event: Record<string, unknown>, type: CallType, loc: EventLocation, out: Diagnostic[]): PayloadRuleContext {
    const plan = this.plan;
    const rawName = type === 'track' ? event.event : type === 'page' || type === 'screen' ? event.name : undefined;
    const name = typeof rawName === 'string' ? rawName : undefined;
    const planned = this.plannedEntry(type, name);
    const ctx = this.#context;
    ctx.event = event;
    ctx.type = type;
    ctx.name = name;
    ctx.planned = planned;
    ctx.sectionPlanned = type === 'track' || (type === 'page' ? plan.pages.size > 0 : type === 'screen' ? plan.screens.size > 0 : type === 'alias' ? false : plan[type] !== undefined);
    ctx.unplannedPolicy = planned
      ? (('unplannedTraits' in planned ? planned.unplannedTraits : (planned as PlanEvent).unplannedProperties) ?? plan.defaults.unplannedProperties)
      : plan.defaults.unplannedProperties;
    // Cut well below a placeholder's limit, so that messages keep the closing quote.
    const shown = name === undefined ? undefined : shortened(name, MAX_SUBJECT_NAME);
    ctx.subject = type === 'track' ? `event "${shown}"` : (type === 'page' || type === 'screen') && shown !== undefined ? `${type} "${shown}"` : `${type} call`;
    this.#errors = undefined;
    this.#keys = undefined;
    this.#keysStoppedAt = undefined;
    this.#loc = loc;
    this.#out = out;
    return ctx;
  }

  private createContext(): PayloadRuleContext {
    return {
      plan: this.plan,
      conventions: this.options.conventions,
      event: {},
      type: 'track',
      name: undefined,
      subject: '',
      planned: undefined,
      sectionPlanned: false,
      unplannedPolicy: 'off',
      schemaErrors: () => {
        const ctx = this.#context;
        this.#errors ??= ctx.planned ? this.validate(ctx.planned, ctx.type, ctx.event) : NO_ERRORS;
        return this.#errors;
      },
      keysToName: () => {
        const ctx = this.#context;
        this.#keys ??= this.keysToName(ctx.event, ctx.type, ctx.planned, ctx.unplannedPolicy, ctx.schemaErrors());
        return this.#keys;
      },
      tooDeep: () => {
        const ctx = this.#context;
        ctx.keysToName();
        if (this.#keysStoppedAt !== undefined) return this.#keysStoppedAt;
        for (const e of ctx.schemaErrors()) {
          const below = tooDeepAt(valueAt(ctx.event, e.instancePath), MAX_DEPTH - pointerTokens(e.instancePath).length);
          if (below !== undefined) return e.instancePath + below;
        }
        return undefined;
      },
      naming: (n, kind) => this.naming(n, kind),
      report: (problem) => this.report(problem, this.#loc, this.#context.name, this.#out),
    };
  }

  private plannedEntry(type: CallType, name: string | undefined): PlanEvent | TraitsSection | undefined {
    switch (type) {
      case 'track':
        return name === undefined ? undefined : this.plan.events.get(name);
      case 'page':
        return name === undefined ? undefined : this.plan.pages.get(name);
      case 'screen':
        return name === undefined ? undefined : this.plan.screens.get(name);
      case 'identify':
      case 'group':
        return this.plan[type];
      default:
        return undefined;
    }
  }

  private validate(planned: PlanEvent | TraitsSection, type: CallType, event: Record<string, unknown>): readonly ErrorObject[] {
    const validate = this.validators.get(planned, type);
    // ajv builds a new errors array for every failing call, so it can be kept as it is.
    return !validate || validate(event) ? NO_ERRORS : (validate.errors ?? NO_ERRORS);
  }

  private naming(name: string, kind: 'event' | 'property'): NamingResult {
    const cache = this.#naming[kind];
    let result = cache.get(name);
    if (!result) {
      if (cache.size >= MAX_CACHED_NAMES) cache.clear();
      result = checkName(name, this.options.conventions[kind]);
      cache.set(name, result);
    }
    return result;
  }

  /**
   * Keys the naming rules should see. For a planned event the plan vouches for its declared keys,
   * so only undeclared ones (and what is under them) are named: ajv reports them when the policy
   * closes the schema; otherwise the top-level keys are compared with the plan. Iterative, since a
   * payload may nest thousands of levels deep.
   */
  private keysToName(event: Record<string, unknown>, type: CallType, planned: PlanEvent | TraitsSection | undefined, policy: Policy, errors: readonly ErrorObject[]): readonly PayloadKey[] {
    const slot = type === 'identify' || type === 'group' ? 'traits' : 'properties';
    const body = event[slot];
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return NO_KEYS;
    // A planned event whose schema found nothing undeclared has nothing to name: no allocation.
    if (planned && policy !== 'off' && !errors.some((e) => e.keyword === 'additionalProperties')) return NO_KEYS;
    const out: PayloadKey[] = [];
    // depth: the value's level, the message being level 1, so that the walk stops where spec/max-depth draws the line.
    const stack: Array<{ value: unknown; path: string; keyPath: string[]; depth: number }> = [];
    const add = (key: string, value: unknown, path: string, keyPath: string[], depth: number) => {
      out.push({ key, path, keyPath });
      stack.push({ value, path, keyPath, depth });
    };
    if (!planned) {
      stack.push({ value: body, path: `/${slot}`, keyPath: [], depth: 2 });
    } else if (policy !== 'off') {
      for (const e of errors) {
        if (e.keyword !== 'additionalProperties') continue;
        const key = String(e.params.additionalProperty);
        const tokens = pointerTokens(e.instancePath);
        const parent = tokens.slice(1).filter((t) => !/^\d+$/.test(t));
        add(key, (e.data as Record<string, unknown>)[key], joinPointer(e.instancePath, key), [...parent, key], tokens.length + 2);
      }
    } else {
      const declared = ((planned as PlanEvent).properties ?? (planned as TraitsSection).traits).properties as JsonSchema;
      for (const [key, value] of Object.entries(body)) {
        if (!Object.hasOwn(declared, key)) add(key, value, `/${slot}/${escapeToken(key)}`, [key], 3);
      }
    }
    // Children of what is on the stack: all of their keys are unplanned too.
    while (stack.length > 0 && out.length < MAX_KEYS_PER_EVENT) {
      const { value, path, keyPath, depth } = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      if (depth > MAX_DEPTH) {
        this.#keysStoppedAt ??= path;
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}/${i}`, keyPath, depth: depth + 1 });
        continue;
      }
      for (const [key, child] of Object.entries(value)) add(key, child, `${path}/${escapeToken(key)}`, [...keyPath, key], depth + 1);
    }
    return out;
  }

  private report(problem: PayloadProblem, loc: EventLocation, name: string | undefined, out: Diagnostic[]): void {
    const active = this.#active!;
    const severity = active.explicit ? active.severity : (problem.policy ?? active.severity);
    this.push(out, active.rule, severity, problem, loc, name);
  }

  /** Turns a rule's problem at a location into a diagnostic: the one place diagnostics are built. */
  private push(
    out: Diagnostic[],
    rule: Rule,
    severity: Severity | 'off',
    problem: ProblemText & { path?: string },
    loc: EventLocation,
    event?: string,
  ): void {
    if (severity === 'off') return;
    // A value nested past MAX_DEPTH is not carried: writing it out would recurse through every level.
    const d = ruleDiagnostic(rule, severity, problem.actual !== null && typeof problem.actual === 'object' ? { ...problem, actual: reportableValue(problem.actual) } : problem);
    d.file = loc.file;
    d.line = loc.line;
    if (loc.column !== undefined) d.column = loc.column;
    if (event !== undefined) d.event = event;
    if (problem.path !== undefined || loc.pathPrefix !== undefined) d.path = (loc.pathPrefix ?? '') + (problem.path ?? '');
    out.push(d);
  }
}
