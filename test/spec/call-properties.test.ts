import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { EventValidators } from '../../src/validate/event-validators.js';
import { DEFAULT_CONVENTIONS, resolveSeverities } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { CALL_PROPERTIES, isSpecCallProperty, specCallProperties, withSpecProperties } from '../../src/spec/call-properties.js';
import { EventChecker } from '../../src/validate/event-checker.js';
import { planFrom } from '../helpers/plan.js';

describe('the spec table of page and screen properties', () => {
  it('holds the Page spec reserved properties and the category the SDKs copy, and names for screens', () => {
    expect([...specCallProperties('page').keys()].sort()).toEqual(['category', 'keywords', 'name', 'path', 'referrer', 'search', 'title', 'url']);
    expect([...specCallProperties('screen').keys()]).toEqual(['name']);
  });

  it('says where every fact comes from', () => {
    for (const [key, property] of Object.entries(CALL_PROPERTIES)) {
      expect(property.sources.length, key).toBeGreaterThan(0);
      expect(property.calls.length, key).toBeGreaterThan(0);
    }
  });

  it('knows them only at the top of a page or screen', () => {
    expect(isSpecCallProperty('page', 'url')).toBe(true);
    expect(isSpecCallProperty('screen', 'url')).toBe(false);
    expect(isSpecCallProperty('track', 'url')).toBe(false);
    expect(isSpecCallProperty('page', 'toString')).toBe(false);
  });

  it('adds what the plan leaves undeclared, after its own, and keeps its definitions', () => {
    const schema = { type: 'object', properties: { title: { enum: ['Home'] }, tab: { type: 'string' } }, required: ['tab'] };
    const out = withSpecProperties('page', schema);
    expect(Object.keys(out.properties as object)).toEqual(['title', 'tab', 'name', 'category', 'path', 'referrer', 'search', 'url', 'keywords']);
    expect((out.properties as Record<string, unknown>).title).toEqual({ enum: ['Home'] });
    expect((out.properties as Record<string, unknown>).keywords).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(out.required).toEqual(['tab']);
    // The plan's own schema is not changed.
    expect(Object.keys(schema.properties)).toEqual(['title', 'tab']);
  });
});

const PLAN = `
plan: site
defaults: { unplanned_events: error, unplanned_properties: error }
pages:
  Home: { description: Landing. }
  Search:
    description: Results.
    properties:
      title: { type: string, enum: [Search] }
      url: { type: [string, "null"] }
      query: { type: string, required: true }
screens:
  Cart: { description: The cart. }
`;

function check(event: Record<string, unknown>, plan = PLAN, conventions = DEFAULT_CONVENTIONS): Diagnostic[] {
  const p = planFrom(plan);
  const { severities, explicit } = resolveSeverities({ rules: {} });
  const out: Diagnostic[] = [];
  new EventChecker(p, new EventValidators(p, compilePlan(p)), { severities, explicit, conventions }).check({ anonymousId: 'a', ...event }, { file: 'e.ndjson', line: 1 }, out);
  return out.map((d) => `${d.ruleId} ${d.path ?? ''}`.trim());
}

// What @segment/analytics-next 1.84.3 sends for `analytics.page('Docs', 'Home')`.
const NEXT_PAGE = { name: 'Home', path: '/', referrer: 'http://127.0.0.1/from', search: '?q=1', title: 'Welcome', url: 'http://127.0.0.1/?q=1', category: 'Docs' };

describe('page and screen calls against the plan', () => {
  it('allow the spec properties on a page the plan declares without properties, under an error policy', () => {
    expect(check({ type: 'page', name: 'Home', category: 'Docs', properties: { ...NEXT_PAGE, keywords: ['shoes'] } })).toEqual([]);
  });

  it('check them with the spec types', () => {
    expect(check({ type: 'page', name: 'Home', properties: { url: 5, keywords: 'shoes', title: null } }).sort()).toEqual([
      'plan/invalid-value /properties/keywords',
      'plan/invalid-value /properties/title',
      'plan/invalid-value /properties/url',
    ]);
  });

  it('use the plan definition where it declares one, stricter or looser', () => {
    expect(check({ type: 'page', name: 'Search', properties: { ...NEXT_PAGE, title: 'Welcome', url: null, query: 'x' } })).toEqual(['plan/invalid-value /properties/title']);
    expect(check({ type: 'page', name: 'Search', properties: { title: 'Search', url: null, query: 'x' } })).toEqual([]);
  });

  it('still report what the spec does not define', () => {
    expect(check({ type: 'page', name: 'Home', properties: { ...NEXT_PAGE, tab: 'new' } })).toEqual(['plan/unplanned-property /properties/tab']);
    expect(check({ type: 'page', name: 'Search', properties: { ...NEXT_PAGE, title: 'Search' } })).toEqual(['plan/missing-required /properties/query']);
  });

  it('allow a screen its name, and nothing of a page', () => {
    expect(check({ type: 'screen', name: 'Cart', properties: { name: 'Cart' } })).toEqual([]);
    expect(check({ type: 'screen', name: 'Cart', properties: { name: 'Cart', url: 'x' } })).toEqual(['plan/unplanned-property /properties/url']);
  });

  it('exempt them from a property convention they do not follow, on pages the plan does not list too', () => {
    const prefixed = { ...DEFAULT_CONVENTIONS, property: { pattern: '^app_[a-z_]+$', description: 'app_ prefix' } };
    const noPages = 'plan: site\nevents: {}\n';
    expect(check({ type: 'page', properties: NEXT_PAGE }, noPages, prefixed)).toEqual([]);
    expect(check({ type: 'page', properties: { ...NEXT_PAGE, tab: 'x' } }, noPages, prefixed)).toEqual(['naming/property-case /properties/tab']);
  });
});
