import type { AnalyticsBrowser } from '@segment/analytics-next';
import type { Analytics } from '@segment/analytics-node';
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

/** [line in the session, rule, path] of each planted mistake's diagnostic. */
export const PLANTED: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'plan/unplanned-event', '/event'],
  [2, 'naming/property-case', '/properties/productName'],
  [2, 'plan/unplanned-property', '/properties/productName'],
  [3, 'plan/invalid-value', '/properties/price'],
  [4, 'plan/missing-required', '/properties/order_id'],
  [5, 'plan/invalid-value', '/properties/size'],
  [6, 'plan/invalid-value', '/traits/plan'],
  [7, 'plan/invalid-value', '/properties/section'],
];

/**
 * The planted-mistakes session, the same seven calls in every SDK's words: an unplanned event, a
 * camelCase property, a string price, a missing order_id, a size outside its enum, a trait outside its
 * enum, a page property of the wrong type. Each draws its diagnostics and nothing else, in every format.
 */
export function expectPlantedMistakes(messages: unknown[]): void {
  expect(messages).toHaveLength(7);
  const r = lintCaptured(messages, SHOP_PLAN);
  expect(r.diagnostics.map((d) => [d.line, d.ruleId, d.path]).sort()).toEqual([...PLANTED].sort());
  expect(r.code).toBe(1);
  for (const format of ['stylish', 'sarif', 'github', 'junit']) {
    const other = lintCaptured(messages, SHOP_PLAN, format);
    expect(other.code, format).toBe(1);
    expect(problemCount(format, other.stdout), format).toBe(PLANTED.length);
  }
}

// The sessions each SDK test plays, in that SDK's words. The browser ones run in the page: nothing
// from this file is in their scope.

// The SDK's types say userId is a string, but JavaScript apps pass null for a visitor not signed in.
const NO_USER = null as unknown as string;

/** Every call type, as a server-side app makes them; lints clean. */
export function nodeCleanSession(analytics: Analytics): void {
  analytics.page({ userId: 'u1', name: 'Home' });
  analytics.page({ anonymousId: 'anon-1', category: 'Docs', name: 'Install', properties: { section: 'cli' } });
  // A server-side app that forwards what the browser saw passes the spec's page fields itself.
  analytics.page({ userId: 'u1', name: 'Home', properties: { path: '/', url: 'https://shop.example/', title: 'Acme Shop', referrer: 'https://search.example/', search: '' } });
  analytics.page({ anonymousId: 'anon-1' });
  analytics.track({
    userId: 'u1',
    event: 'Product Added',
    properties: { product_id: 'p1', price: 9.99, quantity: 1, size: 'M' },
    integrations: { All: true, Mixpanel: { session_id: 7 }, Intercom: false },
  });
  analytics.track({ userId: NO_USER, anonymousId: 'anon-1', event: 'Order Completed', properties: { order_id: 'o1', revenue: 9.99, currency: 'USD' } });
  analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
  analytics.identify({ anonymousId: 'anon-1', traits: { plan: 'free' }, integrations: { Salesforce: false } });
  analytics.group({ userId: 'u1', groupId: 'g1', traits: { name: 'Acme', employees: 12 } });
  analytics.alias({ userId: 'u1', previousId: 'anon-1' });
  analytics.screen({ userId: 'u1', name: 'Cart', properties: { items: 2 } });
  analytics.screen({ userId: 'u1', category: 'Shop', name: 'Cart', properties: { items: 3 } });
}
export const NODE_CLEAN_TYPES = ['page', 'page', 'page', 'page', 'track', 'track', 'identify', 'identify', 'group', 'alias', 'screen', 'screen'];

/** The planted mistakes (see PLANTED) from analytics-node. */
export function nodePlantedSession(analytics: Analytics): void {
  analytics.track({ userId: 'u1', event: 'Coupon Entered', properties: { coupon_id: 'c1' } });
  analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p1', productName: 'Mug' } });
  analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p2', price: '9.99' } });
  analytics.track({ userId: NO_USER, anonymousId: 'anon-1', event: 'Order Completed', properties: { revenue: 5, currency: 'USD' } });
  analytics.track({ userId: 'u1', event: 'Product Added', properties: { product_id: 'p3', size: 'XL' } });
  analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'enterprise' } });
  analytics.page({ userId: 'u1', category: 'Docs', name: 'Install', properties: { section: 3 } });
}

/** A visitor lands from a newsletter, signs up, shops; lints clean. */
export async function nextCleanSession(analytics: AnalyticsBrowser): Promise<void> {
  await analytics.page();
  await analytics.page('Home');
  await analytics.page('Docs', 'Install', { section: 'cli' });
  await analytics.track('Product Added', { product_id: 'p1', price: 9.99, quantity: 1, size: 'M' }, { integrations: { Mixpanel: { session_id: 7 }, Intercom: false } });
  await analytics.track('Order Completed', { order_id: 'o1', revenue: 9.99, currency: 'USD' });
  // Before identify, so that the alias joins the anonymous visitor to the new user id.
  await analytics.alias('u1');
  await analytics.identify('u1', { email: 'ada@example.com' });
  // Traits only: the SDK re-sends the stored user id and email with the new trait.
  await analytics.identify({ plan: 'pro' });
  await analytics.group('g1', { name: 'Acme', employees: 12 });
  await analytics.screen('Cart', { items: 2 });
}
export const NEXT_CLEAN_TYPES = ['page', 'page', 'page', 'track', 'track', 'alias', 'identify', 'identify', 'group', 'screen'];

/** The planted mistakes (see PLANTED) from analytics-next. */
export async function nextPlantedSession(analytics: AnalyticsBrowser): Promise<void> {
  await analytics.track('Coupon Entered', { coupon_id: 'c1' });
  await analytics.track('Product Added', { product_id: 'p1', productName: 'Mug' });
  await analytics.track('Product Added', { product_id: 'p2', price: '9.99' });
  await analytics.track('Order Completed', { revenue: 5, currency: 'USD' });
  await analytics.track('Product Added', { product_id: 'p3', size: 'XL' });
  await analytics.identify('u1', { email: 'ada@example.com', plan: 'enterprise' });
  await analytics.page('Docs', 'Install', { section: 3 });
}
