import { describe, expect, it } from 'vitest';
import { compilePlan, type CompiledPlan } from '../../src/compile/compile-plan.js';
import { canonical } from '../../src/interop/canonical.js';
import { exportPlan, type ExportFormat } from '../../src/interop/export-plan.js';
import { readImportSource } from '../../src/interop/read-shapes.js';
import { loadPlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { ROOT } from '../helpers/cli.js';
import { importFixture, importSource } from './import-helpers.js';

function schemas(compiled: CompiledPlan, kinds: Array<'track' | 'page' | 'screen'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of kinds) for (const [name, schema] of compiled[kind]) out[`${kind} ${name}`] = canonical(schema);
  if (compiled.identify) out.identify = canonical(compiled.identify);
  if (compiled.group) out.group = canonical(compiled.group);
  return out;
}

function roundTrip(plan: Plan, format: ExportFormat): void {
  const back = importSource(readImportSource(exportPlan(plan, format).json), `plan.${format}.json`);
  const kinds: Array<'track' | 'page' | 'screen'> = format === 'protocols' ? ['track', 'page', 'screen'] : ['track'];
  expect(schemas(back.compiled, kinds)).toEqual(schemas(compilePlan(plan), kinds));
}

const examples = ['plans/ecommerce.yaml', 'plans/b2b-saas.yaml'].map((file) => [file, loadPlan(file, ROOT)] as const);

describe('export', () => {
  const [, b2b] = examples[1]!;

  it('writes the Public API rules shape from the compiled schemas', () => {
    const { json, warnings } = exportPlan(b2b, 'protocols');
    const rules = json.rules as Array<{ type: string; key?: string; version: number; jsonSchema: Record<string, unknown> }>;
    expect(warnings).toEqual([]);
    expect(Object.keys(json)).toEqual(['rules']);
    const compiled = compilePlan(b2b);
    expect(rules.filter((r) => r.type === 'TRACK').map((r) => r.key)).toEqual([...b2b.events.keys()]);
    expect(rules.filter((r) => r.type === 'PAGE').map((r) => r.key)).toEqual([...b2b.pages.keys()]);
    const first = rules[0]!;
    expect(first.jsonSchema).toEqual(compiled.track.get(first.key!));
    expect(first.version).toBe(1);
    const identify = rules.find((r) => r.type === 'IDENTIFY')!;
    expect(identify.key).toBeUndefined();
    expect(identify.jsonSchema).toEqual(compiled.identify);
    expect(rules.map((r) => r.type).filter((t, i, all) => all.indexOf(t) === i)).toEqual(['TRACK', 'PAGE', 'IDENTIFY', 'GROUP']);
  });

  it('writes the Config API v1 shape, and says that it has no pages', () => {
    const { json, warnings } = exportPlan(b2b, 'protocols-v1');
    expect(json.display_name).toBe('initech-app');
    const rules = json.rules as { events: Array<{ name: string; description: string; version: number; rules: unknown }>; identify: unknown; identify_traits: unknown[] };
    expect(rules.events.map((e) => e.name)).toEqual([...b2b.events.keys()]);
    expect(rules.events[0]!.description).toBe(b2b.events.get(rules.events[0]!.name)!.description);
    expect(rules.identify).toEqual(compilePlan(b2b).identify);
    expect(rules.identify_traits).toEqual([]);
    expect(warnings).toEqual(['The Config API v1 shape has no page or screen rules: 2 page(s) and 0 screen(s) left out (use --format protocols)']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(exportPlan(b2b, 'protocols').json)).toBe(JSON.stringify(exportPlan(loadPlan('plans/b2b-saas.yaml', ROOT), 'protocols').json));
  });

  it('turns key:value tags back into labels, and warns about versions Segment cannot number', () => {
    const rudder = importFixture('ruddertyper.json');
    const { json, warnings } = exportPlan(rudder.plan, 'protocols');
    expect(warnings).toEqual(['"Product Viewed" has version "3-0-0"; Segment\'s rule versions are whole numbers from 1: exported as 1']);
    const config = importFixture('config-v1.json');
    const rule = (exportPlan(config.plan, 'protocols').json.rules as Array<{ key?: string; jsonSchema: { labels?: unknown } }>).find((r) => r.key === 'Order Completed')!;
    expect(rule.jsonSchema.labels).toEqual({ team: 'checkout' });
    expect(json.rules).toHaveLength(2);
  });
});

describe('round trip: import(export(plan)) compiles to the same schemas', () => {
  for (const format of ['protocols', 'protocols-v1'] as const) {
    it.each(examples)(`%s (${format})`, (_file, plan) => roundTrip(plan, format));
    it.each(['config-v1.json', 'public-api.json', 'typewriter-composite.json', 'ruddertyper.json', 'schemas'])(`fixture %s (${format})`, (fixture) => roundTrip(importFixture(fixture).plan, format));
  }

  it('keeps unplanned_properties: off through Segment JSON', () => {
    const rudder = importFixture('ruddertyper.json');
    const open = { ...rudder.plan, defaults: { ...rudder.plan.defaults, unplannedProperties: 'off' as const } };
    roundTrip(open, 'protocols');
    const back = importSource(readImportSource(exportPlan(open, 'protocols').json), 'open.json');
    expect(back.plan.defaults.unplannedProperties).toBe('off');
  });
});
