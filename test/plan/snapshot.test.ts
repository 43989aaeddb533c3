import { describe, expect, it } from 'vitest';
import { restorePlan, snapshotPlan } from '../../src/plan/snapshot.js';
import { planFrom } from '../helpers/plan.js';

describe('plan snapshots', () => {
  const plan = planFrom(
    [
      'plan: shop',
      'version: 3',
      'types:',
      '  Money: &money { type: number, minimum: 0 }',
      'events:',
      '  Order Completed:',
      '    description: Done.',
      '    properties:',
      '      revenue: *money',
      '      total: *money',
      '      __proto__: { type: string }',
      '      label: { type: string, pattern: "^[a-z]+$" }',
      'pages:',
      '  Home: {}',
      'identify:',
      '  traits:',
      '    email: { type: string, format: email }',
    ].join('\n'),
  );

  it('gives back an equal plan: maps, own __proto__ keys and shared objects included', () => {
    const back = restorePlan(snapshotPlan(plan));
    const { sources, ...rest } = back;
    const { sources: original, ...expected } = plan;
    expect(rest).toEqual(expected);
    expect(back.events).toBeInstanceOf(Map);
    const properties = back.events.get('Order Completed')!.properties.properties as Record<string, unknown>;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    const source = plan.events.get('Order Completed')!.properties.properties as Record<string, unknown>;
    // What one object was before (a YAML alias) is one object after, as the loader made it.
    expect(properties.revenue === properties.total).toBe(source.revenue === source.total);
    expect([...sources.keys()]).toEqual([...original.keys()]);
  });

  it('keeps the source positions', () => {
    const back = restorePlan(snapshotPlan(plan));
    for (const pointer of ['/events/Order Completed/properties/label/pattern', '/types/Money', '/identify/traits/email', '/pages/Home']) {
      for (const prefer of ['key', 'value'] as const) {
        expect(back.sources.get('plan.yaml')!.locate(pointer, prefer)).toEqual(plan.sources.get('plan.yaml')!.locate(pointer, prefer));
      }
    }
    expect(back.sources.get('plan.yaml')!.locate('/events/Order Completed/properties/label')).toEqual({ line: 12, column: 7 });
  });
});
