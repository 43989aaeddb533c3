import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTIONS } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { checkPlan } from '../../src/rules/check-plan.js';
import { RULES } from '../../src/rules/index.js';
import type { ResolvedConventions, Rule } from '../../src/rules/types.js';
import { planFrom } from '../helpers/plan.js';

export interface InvalidCase {
  plan: string;
  /** Expected diagnostics, in order; only the listed fields are compared. */
  errors: Array<Partial<Pick<Diagnostic, 'messageId' | 'line' | 'column' | 'suggestion' | 'event' | 'message'>>>;
  conventions?: Partial<ResolvedConventions>;
}

export interface ValidCase {
  plan: string;
  conventions?: Partial<ResolvedConventions>;
}

/** Runs one rule alone over each plan, like ESLint's RuleTester: valid plans give nothing, invalid ones exactly `errors`. */
export function runRule(rule: Rule, plan: string, conventions: Partial<ResolvedConventions> = {}): Diagnostic[] {
  const severities = new Map(RULES.map((r) => [r.meta.id, r === rule ? r.meta.defaultSeverity : 'off'] as const));
  return checkPlan(planFrom(plan), { severities, conventions: { ...DEFAULT_CONVENTIONS, ...conventions } });
}

export function testRule(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const valid = typeof c === 'string' ? { plan: c } : c;
      it(`valid #${i + 1}`, () => {
        expect(runRule(rule, valid.plan, valid.conventions).map((d) => d.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}`, () => {
        const found = runRule(rule, c.plan, c.conventions);
        expect(found.length, found.map((d) => d.message).join('\n')).toBe(c.errors.length);
        found.forEach((d, j) => expect(pick(d, Object.keys(c.errors[j]!))).toEqual(c.errors[j]));
        for (const d of found) {
          expect(d.ruleId).toBe(rule.meta.id);
          expect(d.message).not.toMatch(/\{\{/);
        }
      });
    });
  });
}

function pick(d: Diagnostic, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (d as unknown as Record<string, unknown>)[k];
  return out;
}
