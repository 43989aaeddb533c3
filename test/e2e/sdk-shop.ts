import { expect } from 'vitest';
import { lintCaptured, problemCount } from '../support/lint-captured.js';

// What the SDK tests share: the shop's plan, and what linting a session of each kind must give.
export const SHOP_PLAN = 'test/fixtures/sdk/shop.yaml';

/** A clean session: not one diagnostic, nothing on stderr, exit 0. */
export function expectLintsClean(messages: unknown[]): void {
  const r = lintCaptured(messages, SHOP_PLAN);
  expect(r.diagnostics).toEqual([]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

/**
 * The planted-mistakes session, the same seven calls in every SDK's words: an unplanned event, a
 * camelCase property, a string price, a missing order_id, a size outside its enum, a trait outside its
 * enum, a page property of the wrong type. Each draws its diagnostics and nothing else, in every format.
 */
export function expectPlantedMistakes(messages: unknown[]): void {
  expect(messages).toHaveLength(7);
  const r = lintCaptured(messages, SHOP_PLAN);
  const planted = [
    [1, 'plan/unplanned-event', '/event'],
    [2, 'naming/property-case', '/properties/productName'],
    [2, 'plan/unplanned-property', '/properties/productName'],
    [3, 'plan/invalid-value', '/properties/price'],
    [4, 'plan/missing-required', '/properties/order_id'],
    [5, 'plan/invalid-value', '/properties/size'],
    [6, 'plan/invalid-value', '/traits/plan'],
    [7, 'plan/invalid-value', '/properties/section'],
  ];
  expect(r.diagnostics.map((d) => [d.line, d.ruleId, d.path]).sort()).toEqual(planted.sort());
  expect(r.code).toBe(1);
  for (const format of ['stylish', 'sarif', 'github', 'junit']) {
    const other = lintCaptured(messages, SHOP_PLAN, format);
    expect(other.code, format).toBe(1);
    expect(problemCount(format, other.stdout), format).toBe(planted.length);
  }
}
