import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, type JsonSchema, type Plan } from './model.js';
import { joinPointer } from './pointer.js';

export type OwnerKind = 'track' | 'page' | 'screen' | 'identify' | 'group' | 'type';

export interface SchemaVisit {
  schema: JsonSchema;
  file: string;
  /** Pointer of this schema in its source file. */
  pointer: string;
  owner: { kind: OwnerKind; name: string };
  /** Key path of the property this schema describes, from the owner's root (`['address', 'postalCode']`). */
  keyPath?: string[];
}

/** How messages name the owner of a schema: `event "Order Completed"`, `type "Product"`, `the identify traits`. */
export function ownerLabel(owner: SchemaVisit['owner']): string {
  switch (owner.kind) {
    case 'identify':
    case 'group':
      return `the ${owner.kind} traits`;
    case 'track':
      return `event "${owner.name}"`;
    default:
      return `${owner.kind} "${owner.name}"`;
  }
}

/** The `event` field of a diagnostic about this owner: set for track events only. */
export function eventOf(owner: SchemaVisit['owner']): { event?: string } {
  return owner.kind === 'track' ? { event: owner.name } : {};
}

/** The regular expressions a schema holds, each with its pointer: `pattern` and the keys of `patternProperties`. */
export function patternsOf(v: SchemaVisit): Array<{ source: string; pointer: string }> {
  const { pattern, patternProperties } = v.schema;
  const out: Array<{ source: string; pointer: string }> = [];
  if (typeof pattern === 'string') out.push({ source: pattern, pointer: joinPointer(v.pointer, 'pattern') });
  if (patternProperties && typeof patternProperties === 'object') {
    for (const key of Object.keys(patternProperties)) out.push({ source: key, pointer: joinPointer(v.pointer, 'patternProperties', key) });
  }
  return out;
}

const visits = new WeakMap<Plan, SchemaVisit[]>();

/**
 * Visits every schema object in the plan, in plan order: the root object of each event, page,
 * screen and traits section, each reusable type, and everything nested in them. Several rules walk
 * the same plan, so the visits are collected once per plan and replayed.
 */
export function walkPlanSchemas(plan: Plan, visit: (v: SchemaVisit) => void): void {
  let list = visits.get(plan);
  if (!list) {
    list = [];
    collect(plan, list);
    visits.set(plan, list);
  }
  for (const v of list) visit(v);
}

function collect(plan: Plan, out: SchemaVisit[]): void {
  const visit = (v: SchemaVisit) => out.push(v);
  const roots: Array<[OwnerKind, string, string, string, JsonSchema | boolean]> = [];
  for (const t of plan.types.values()) roots.push(['type', t.name, t.file, t.pointer, t.schema]);
  for (const [kind, map] of [['track', plan.events], ['page', plan.pages], ['screen', plan.screens]] as const) {
    for (const e of map.values()) roots.push([kind, e.name, e.file, joinPointer(e.pointer, 'properties'), e.properties]);
  }
  for (const s of [plan.identify, plan.group]) {
    if (s) roots.push([s.kind, s.kind, s.file, joinPointer(s.pointer, 'traits'), s.traits]);
  }
  for (const [kind, name, file, pointer, schema] of roots) {
    // Event roots are written as a bare map of properties: their children sit directly under the pointer.
    const rootIsMap = kind !== 'type';
    walk(schema, { file, pointer, owner: { kind, name } }, [], rootIsMap, visit);
  }
}

function walk(
  schema: JsonSchema | boolean,
  at: Omit<SchemaVisit, 'schema' | 'keyPath'>,
  keyPath: string[] | undefined,
  propertiesAtPointer: boolean,
  visit: (v: SchemaVisit) => void,
): void {
  if (typeof schema !== 'object' || schema === null) return;
  const v: SchemaVisit = { ...at, schema };
  if (keyPath && keyPath.length > 0) v.keyPath = keyPath;
  visit(v);
  const base = keyPath ?? [];
  const child = (value: unknown, pointer: string, path: string[] | undefined) =>
    walk(value as JsonSchema, { ...at, pointer }, path, false, visit);
  if (schema.properties && typeof schema.properties === 'object') {
    const propsPointer = propertiesAtPointer ? at.pointer : joinPointer(at.pointer, 'properties');
    for (const [key, value] of Object.entries(schema.properties)) child(value, joinPointer(propsPointer, key), [...base, key]);
  }
  if (Array.isArray(schema.items)) schema.items.forEach((s, i) => child(s, joinPointer(at.pointer, 'items', i), base));
  else if (schema.items !== undefined) child(schema.items, joinPointer(at.pointer, 'items'), base);
  for (const key of SINGLE_SUBSCHEMA_KEYWORDS) if (schema[key] !== undefined) child(schema[key], joinPointer(at.pointer, key), undefined);
  for (const key of SUBSCHEMA_LIST_KEYWORDS) {
    if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach((s, i) => child(s, joinPointer(at.pointer, key, i), keyPath));
  }
  if (schema.patternProperties && typeof schema.patternProperties === 'object') {
    for (const [k, s] of Object.entries(schema.patternProperties)) child(s, joinPointer(at.pointer, 'patternProperties', k), undefined);
  }
}
