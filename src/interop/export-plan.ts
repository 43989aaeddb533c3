import { compilePlan } from '../compile/compile-plan.js';
import type { JsonSchema, Plan, Policy } from '../plan/model.js';

export type ExportFormat = 'protocols' | 'protocols-v1';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['protocols', 'protocols-v1'];

export interface ExportResult {
  json: Record<string, unknown>;
  /** What the target shape could not carry, said on stderr. */
  warnings: string[];
}

/**
 * The plan in Segment's shapes, built from `cdp compile`'s schemas: `protocols` is the body of the
 * Public API's "replace rules" request (`{ rules: [{ type, key, version, jsonSchema }] }`),
 * `protocols-v1` the Config API v1 tracking plan that older Typewriter versions keep as plan.json.
 */
export function exportPlan(plan: Plan, format: ExportFormat): ExportResult {
  const compiled = compilePlan(plan);
  const warnings: string[] = [];
  const openSlot = (schema: JsonSchema, policy: Policy, slot: 'properties' | 'traits') => withPolicy(schema, policy, slot);
  const track = [...plan.events.values()].map((event) => ({
    event,
    schema: withLabels(openSlot(compiled.track.get(event.name)!, event.unplannedProperties ?? plan.defaults.unplannedProperties, 'properties'), event.tags),
  }));
  const traits = (['identify', 'group'] as const).flatMap((kind) => {
    const section = plan[kind];
    return section ? [{ kind, schema: openSlot(compiled[kind]!, section.unplannedTraits ?? plan.defaults.unplannedProperties, 'traits') }] : [];
  });

  if (format === 'protocols-v1') {
    const skipped = plan.pages.size + plan.screens.size;
    if (skipped > 0) warnings.push(`The Config API v1 shape has no page or screen rules: ${plan.pages.size} page(s) and ${plan.screens.size} screen(s) left out (use --format protocols)`);
    const rules: Record<string, unknown> = {
      events: track.map(({ event, schema }) => ({
        name: event.name,
        description: event.description ?? '',
        version: segmentVersion(event.version, event.name, warnings),
        rules: schema,
      })),
    };
    for (const { kind, schema } of traits) rules[kind] = schema;
    rules.identify_traits = [];
    rules.group_traits = [];
    const json: Record<string, unknown> = {};
    if (plan.name !== undefined) json.display_name = plan.name;
    json.rules = rules;
    return { json, warnings };
  }

  const rules: Record<string, unknown>[] = track.map(({ event, schema }) => ({ type: 'TRACK', key: event.name, version: segmentVersion(event.version, event.name, warnings), jsonSchema: schema }));
  for (const [type, events, map] of [['PAGE', plan.pages, compiled.page], ['SCREEN', plan.screens, compiled.screen]] as const) {
    for (const event of events.values()) {
      const schema = withLabels(openSlot(map.get(event.name)!, event.unplannedProperties ?? plan.defaults.unplannedProperties, 'properties'), event.tags);
      rules.push({ type, key: event.name, version: segmentVersion(event.version, event.name, warnings), jsonSchema: schema });
    }
  }
  for (const { kind, schema } of traits) rules.push({ type: kind.toUpperCase(), version: 1, jsonSchema: schema });
  return { json: { rules }, warnings };
}

/**
 * With `unplanned_properties: off` the compiled schema leaves the object open by saying nothing;
 * saying `additionalProperties: true` keeps that choice through an import back into cdp.
 */
function withPolicy(schema: JsonSchema, policy: Policy, slot: 'properties' | 'traits'): JsonSchema {
  if (policy !== 'off') return schema;
  const properties = schema.properties as JsonSchema;
  return { ...schema, properties: { ...properties, [slot]: { ...(properties[slot] as JsonSchema), additionalProperties: true } } };
}

/** Tags written `key:value` (which is how an import writes Segment's labels) become labels again. */
function withLabels(schema: JsonSchema, tags: string[] | undefined): JsonSchema {
  const labels: Record<string, string> = {};
  for (const tag of tags ?? []) {
    const at = tag.indexOf(':');
    if (at > 0) labels[tag.slice(0, at)] = tag.slice(at + 1);
  }
  return Object.keys(labels).length > 0 ? { ...schema, labels } : schema;
}

/** Segment numbers rule versions 1, 2, ...; a plan may use any string. */
function segmentVersion(version: number | string | undefined, name: string, warnings: string[]): number {
  if (version === undefined) return 1;
  const n = typeof version === 'number' ? version : /^\d+$/.test(version) ? Number(version) : NaN;
  if (Number.isInteger(n) && n >= 1) return n;
  warnings.push(`"${name}" has version ${JSON.stringify(version)}; Segment's rule versions are whole numbers from 1: exported as 1`);
  return 1;
}
