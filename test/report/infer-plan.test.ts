import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inferPlan } from '../../src/report/infer-plan.js';
import { aggregate, lines } from './helpers.js';

const track = (event: string, properties: unknown) => ({ type: 'track', event, userId: 'u', properties });

describe('inferPlan', () => {
  it('merges integer and number, marks nullable types, and nests objects and array items', () => {
    const { document } = inferPlan(aggregate(lines(track('A', { n: 1, o: { k: 'x' }, l: [{ id: 1 }] }), track('A', { n: 1.5, o: null, l: [] }))));
    expect(document.events).toEqual({
      A: {
        properties: {
          n: { type: 'number', required: true },
          o: { type: ['object', 'null'], properties: { k: { type: 'string', required: true } }, required: true },
          l: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer', required: true } } }, required: true },
        },
      },
    });
  });

  it('keeps the most frequent of names that differ only in case or separators, and says what it left out', () => {
    const { document, skipped } = inferPlan(aggregate(lines(track('Order Completed', {}), track('order_completed', {}), track('order_completed', {}), track('', {}))));
    expect(Object.keys(document.events as object)).toEqual(['order_completed']);
    expect(skipped).toEqual(['1 track events with an empty event name', 'track "Order Completed" (1 events): its name differs from "order_completed" only in case or separators']);
  });

  it('writes __proto__ as a property like any other', () => {
    const { document } = inferPlan(aggregate('{"type":"track","event":"P","userId":"u","properties":{"__proto__":1}}'));
    const text = yaml.dump(document);
    expect(text).toContain('__proto__:');
    expect(Object.keys((document.events as Record<string, { properties: object }>).P.properties)).toEqual(['__proto__']);
  });

  it('puts identify and group traits and named pages in their sections', () => {
    const { document } = inferPlan(aggregate(lines({ type: 'identify', userId: 'u', traits: { email: 'a@b.c' } }, { type: 'page', name: 'Home', anonymousId: 'a', properties: { path: '/', section: 'top' } }, { type: 'group', userId: 'u', groupId: 'g', traits: {} })));
    expect(Object.keys(document)).toEqual(['plan', 'version', 'conventions', 'events', 'pages', 'identify', 'group']);
    expect(document.identify).toEqual({ traits: { email: { type: 'string', required: true } } });
    expect(document.pages).toEqual({ Home: { properties: { section: { type: 'string', required: true } } } });
  });

  it('leaves the properties the Segment spec defines on pages and screens to the spec', () => {
    const page = { type: 'page', name: 'Home', anonymousId: 'a', properties: { url: 'http://x/', title: 'Home', keywords: ['a'], tab: 'new' } };
    const screen = { type: 'screen', name: 'Cart', anonymousId: 'a', properties: { name: 'Cart', title: 'Your cart' } };
    const { document } = inferPlan(aggregate(lines(page, screen)));
    expect(document.pages).toEqual({ Home: { properties: { tab: { type: 'string', required: true } } } });
    // Screens have only `name` from the spec: a screen's `title` is the app's own property.
    expect(document.screens).toEqual({ Cart: { properties: { title: { type: 'string', required: true } } } });
  });
});
