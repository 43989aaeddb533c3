import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { resolveConventions, resolveSeverities } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadPlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { RULES } from '../../src/rules/index.js';
import { missingIdentityRule } from '../../src/rules/spec/missing-identity.js';
import { EventChecker } from '../../src/validate/event-checker.js';
import { ROOT } from '../helpers/cli.js';
import { planFrom } from '../helpers/plan.js';

// The checker skips every rule for an event of a planned entry when each rule says it has nothing
// to report (QuietWhenValid). These tests hold that shortcut to the full run: same diagnostics.

function checkers(plan: Plan, rules: Record<string, 'error' | 'warn' | 'off'> = {}) {
  const { severities, explicit } = resolveSeverities({ rules });
  const options = { severities, explicit, conventions: resolveConventions(plan, {}) };
  const compiled = compilePlan(plan);
  return { quick: new EventChecker(plan, compiled, options), full: new EventChecker(plan, compiled, { ...options, quietPath: false }) };
}

function run(checker: EventChecker, events: unknown[]): Diagnostic[][] {
  return events.map((event, i) => {
    const out: Diagnostic[] = [];
    checker.check(event, { file: 'events.ndjson', line: i + 1 }, out);
    return out;
  });
}

function sample(file: string): Array<Record<string, unknown>> {
  return readFileSync(`${ROOT}${file}`, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const value = JSON.parse(line) as unknown;
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const ODD_VALUES: unknown[] = ['undefined', 'NULL', '', '  ', null, 0, 'x', '2024-01-15T10:30:00', 'yesterday', { a: 1 }, [], true, 'x'.repeat(300)];

/** Each event of `events`, changed in one to three places that rules look at. */
function mutations(events: Array<Record<string, unknown>>, count: number, seed: number): unknown[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const event = structuredClone(pick(events));
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      const slot = (event.properties ?? event.traits) as Record<string, unknown> | undefined;
      switch (pick(['id', 'time', 'integrations', 'version', 'property', 'drop', 'name', 'none'] as const)) {
        case 'id':
          event[pick(['userId', 'anonymousId', 'groupId', 'previousId'])] = pick(ODD_VALUES);
          break;
        case 'time':
          event[pick(['timestamp', 'sentAt', 'receivedAt', 'originalTimestamp'])] = pick(ODD_VALUES);
          break;
        case 'integrations':
          event.integrations = pick([{ All: true }, { Mixpanel: 'yes' }, [], null, { Amplitude: { session: 1 } }]);
          break;
        case 'version':
          event.context = { ...(event.context as object), protocols: { event_version: pick([1, 2, '2', 3, null, 'x']) } };
          break;
        case 'property':
          if (slot) slot[pick(['extraKey', 'extra_key', 'price', 'currency', 'order_id', 'path', 'email', '__proto__'])] = pick([...ODD_VALUES, 12.5, -1, 'USD', 'usd']);
          break;
        case 'drop':
          if (slot) delete slot[pick(Object.keys(slot).concat('none'))];
          break;
        case 'name':
          if (event.type === 'track') event.event = pick(['Order Completed', 'Product Viewed', 'Gift Card Redeemed', 'order completed', 'Cart Viewed']);
          break;
        case 'none':
          break;
      }
    }
    out.push(event);
  }
  return out;
}

describe('the quiet path', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is declared by every payload rule, so that it can be taken at all', () => {
    expect(RULES.filter((r) => r.checkPayload && !r.quiet).map((r) => r.meta.id)).toEqual([]);
  });

  const cases: Array<[string, string, Record<string, 'error' | 'warn' | 'off'>]> = [
    ['plans/ecommerce.yaml', 'plans/ecommerce.sample.ndjson', {}],
    ['plans/ecommerce.yaml', 'plans/ecommerce.sample.ndjson', { 'plan/unplanned-property': 'error', 'spec/invalid-timestamp': 'off' }],
    ['plans/b2b-saas.yaml', 'plans/b2b-saas.sample.ndjson', {}],
    ['plans/b2b-saas.yaml', 'plans/b2b-saas.sample.ndjson', { 'naming/property-case': 'off', 'plan/deprecated-event': 'error' }],
  ];
  for (const [planFile, log, rules] of cases) {
    it(`gives exactly the diagnostics of the full run: ${log}, rules ${JSON.stringify(rules)}`, () => {
      const { quick, full } = checkers(loadPlan(planFile, ROOT), rules);
      const events = [...sample(log), ...mutations(sample(log), 3000, planFile.length + Object.keys(rules).length)];
      const expected = run(full, events);
      expect(run(quick, events)).toEqual(expected);
      // The mutations reach every kind of problem, and leave many events valid.
      expect(new Set(expected.flat().map((d) => d.ruleId)).size).toBeGreaterThanOrEqual(8);
      expect(expected.filter((ds) => ds.length === 0).length).toBeGreaterThan(100);
    });
  }

  it('gives the same diagnostics for entries whose rules must always run: open, deprecated, versioned, long-named', () => {
    const plan = planFrom(
      [
        'events:',
        '  Thing Viewed:',
        '    unplanned_properties: "off"',
        '    properties: { thing_id: string }',
        '  Old Thing Viewed:',
        '    deprecated: Use Thing Viewed',
        '  Thing Added:',
        '    version: 2',
        '    properties: { thing_id: { type: string, required: true } }',
        `  ${'Very '.repeat(60)}Long Thing Viewed: {}`,
        'group:',
        '  traits: { name: string }',
        '',
      ].join('\n'),
    );
    const { quick, full } = checkers(plan);
    const base = { userId: 'u-12345678901234567', timestamp: '2024-01-15T10:30:00.000Z' };
    const events = [
      { ...base, type: 'track', event: 'Thing Viewed', properties: { thing_id: 't', extraKey: 1 } },
      { ...base, type: 'track', event: 'Old Thing Viewed', properties: {} },
      { ...base, type: 'track', event: 'Thing Added', properties: { thing_id: 't' }, context: { protocols: { event_version: 1 } } },
      { ...base, type: 'track', event: 'Thing Added', properties: { thing_id: 't' }, context: { protocols: { event_version: '2' } } },
      { ...base, type: 'track', event: `${'Very '.repeat(60)}Long Thing Viewed`, properties: {} },
      { ...base, type: 'group', traits: { name: 'Acme' } },
      { ...base, type: 'group', groupId: 'undefined', traits: { name: 'Acme' } },
    ];
    const expected = run(full, events);
    expect(expected.map((ds) => ds.map((d) => d.ruleId))).toEqual([
      ['naming/property-case'],
      ['plan/deprecated-event'],
      ['plan/version-mismatch'],
      [],
      ['spec/name-too-long'],
      ['spec/missing-identity'],
      ['spec/missing-identity'],
    ]);
    expect(run(quick, events)).toEqual(expected);
  });

  it('skips the rules for a valid event of a planned entry, and runs them for any other', () => {
    const { quick } = checkers(loadPlan('plans/ecommerce.yaml', ROOT));
    const spy = vi.spyOn(missingIdentityRule, 'checkPayload');
    const [home] = sample('plans/ecommerce.sample.ndjson');
    expect(run(quick, [home])).toEqual([[]]);
    expect(spy).not.toHaveBeenCalled();
    expect(run(quick, [{ ...home, anonymousId: 'undefined' }])[0]!.map((d) => d.ruleId)).toEqual(['spec/missing-identity']);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
