import type { JsonSchema, Plan, PlanEvent, Policy, TraitsSection } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { withSpecProperties } from '../spec/call-properties.js';
import { emitSchema } from './emit-schema.js';
import { orderKeywords } from './key-order.js';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export interface CompiledPlan {
  plan?: string;
  version?: number | string;
  track: Map<string, JsonSchema>;
  page: Map<string, JsonSchema>;
  screen: Map<string, JsonSchema>;
  identify?: JsonSchema;
  group?: JsonSchema;
}

/**
 * Compiles the plan into one self-contained draft-07 schema per event, page, screen and traits
 * section. Each schema is shaped like a Segment Protocols rule: the event's properties sit under
 * `properties.properties` (traits under `properties.traits`), with the types it uses in `definitions`.
 */
export function compilePlan(plan: Plan): CompiledPlan {
  const definitions = new DefinitionCache(plan);
  const out: CompiledPlan = { track: new Map(), page: new Map(), screen: new Map() };
  if (plan.name !== undefined) out.plan = plan.name;
  if (plan.version !== undefined) out.version = plan.version;
  for (const [name, event] of plan.events) out.track.set(name, compileEvent(event, plan, definitions));
  for (const [name, event] of plan.pages) out.page.set(name, compileEvent(event, plan, definitions));
  for (const [name, event] of plan.screens) out.screen.set(name, compileEvent(event, plan, definitions));
  if (plan.identify) out.identify = compileTraits(plan.identify, plan, definitions);
  if (plan.group) out.group = compileTraits(plan.group, plan, definitions);
  return out;
}

/** Pages and screens also declare the properties the Segment spec defines for them, so the schema agrees with lint. */
function compileEvent(event: PlanEvent, plan: Plan, definitions: DefinitionCache): JsonSchema {
  const policy = event.unplannedProperties ?? plan.defaults.unplannedProperties;
  const properties = event.kind === 'track' ? event.properties : withSpecProperties(event.kind, event.properties);
  return envelope(event.name, event.description, 'properties', properties, policy, definitions);
}

function compileTraits(section: TraitsSection, plan: Plan, definitions: DefinitionCache): JsonSchema {
  const policy = section.unplannedTraits ?? plan.defaults.unplannedProperties;
  const title = section.kind === 'identify' ? 'Identify' : 'Group';
  return envelope(title, section.description, 'traits', section.traits, policy, definitions);
}

function envelope(
  title: string,
  description: string | undefined,
  slot: 'properties' | 'traits',
  body: JsonSchema,
  policy: Policy,
  definitions: DefinitionCache,
): JsonSchema {
  const used = new Set<string>();
  const inner = emitSchema(body, { unplannedProperties: policy, onReference: (n) => used.add(n) }) as JsonSchema;
  const properties: JsonSchema = slot === 'properties' ? { context: {}, traits: {}, properties: inner } : { context: {}, traits: inner };
  const schema: JsonSchema = { $schema: DRAFT_07, title };
  if (description !== undefined) schema.description = description;
  schema.type = 'object';
  schema.properties = properties;
  if (Array.isArray(inner.required) && inner.required.length > 0) schema.required = [slot];
  const defs = definitions.closure(used);
  if (defs) schema.definitions = defs;
  return orderKeywords(schema);
}

/** Emits each reusable type once and hands every schema just the definitions it reaches. */
class DefinitionCache {
  readonly #emitted = new Map<string, { schema: JsonSchema | boolean; uses: Set<string> }>();

  constructor(private readonly plan: Plan) {}

  closure(roots: Set<string>): JsonSchema | undefined {
    if (roots.size === 0) return undefined;
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...this.get(name).uses);
    }
    const defs: JsonSchema = {};
    for (const name of [...seen].sort()) setOwn(defs, name, this.get(name).schema);
    return defs;
  }

  private get(name: string): { schema: JsonSchema | boolean; uses: Set<string> } {
    let entry = this.#emitted.get(name);
    if (!entry) {
      const uses = new Set<string>();
      const def = this.plan.types.get(name)!;
      entry = { schema: emitSchema(def.schema, { unplannedProperties: this.plan.defaults.unplannedProperties, onReference: (n) => uses.add(n) }), uses };
      this.#emitted.set(name, entry);
    }
    return entry;
  }
}
