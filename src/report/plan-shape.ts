/**
 * What the plan says about each property path of an event: the types it allows, whether it is
 * required within its parent, which children it declares, and whether undeclared children are
 * expected (a free-form object). Set against the observed paths by the report builder.
 */
import { SUBSCHEMA_LIST_KEYWORDS, TYPE_REF_PREFIX, type JsonSchema, type Plan } from '../plan/model.js';
import { jsonTypeOf } from '../validate/json-value.js';
import type { ObservedType } from './types.js';

export interface Shape {
  /** Types the plan allows here; undefined when it does not restrict them. */
  types: Set<ObservedType> | undefined;
  /** Declared children, in plan order, with whether each is required. */
  properties: Map<string, { shape: Shape; required: boolean }>;
  /** Undeclared children are part of the plan (an object with no declared properties). */
  open: boolean;
  items: Shape | undefined;
}

const ALL_TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);
/** References are followed at most this deep: the loader rejects cycles, this only bounds the work. */
const MAX_REF_DEPTH = 64;

export function anyShape(): Shape {
  return { types: undefined, properties: new Map(), open: true, items: undefined };
}

/** The shape of an event's properties (or a section's traits) object. */
export function planShape(schema: JsonSchema | boolean, types: Plan['types']): Shape {
  return shapeOf(schema, types, 0);
}

function shapeOf(schema: JsonSchema | boolean, types: Plan['types'], depth: number): Shape {
  if (schema === false) return { types: new Set(), properties: new Map(), open: false, items: undefined };
  if (schema === true || depth > MAX_REF_DEPTH) return anyShape();
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith(TYPE_REF_PREFIX)) {
    const target = types.get(ref.slice(TYPE_REF_PREFIX.length));
    // Beside a reference only annotations are written (description, examples): the target decides.
    return target ? shapeOf(target.schema, types, depth + 1) : anyShape();
  }
  const shape: Shape = { types: typesOf(schema), properties: new Map(), open: true, items: undefined };
  const declared = schema.properties;
  if (declared && typeof declared === 'object') {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).filter((r): r is string => typeof r === 'string') : []);
    for (const [key, child] of Object.entries(declared as Record<string, JsonSchema | boolean>)) {
      shape.properties.set(key, { shape: shapeOf(child, types, depth + 1), required: required.has(key) });
    }
  }
  // Undeclared children belong to the plan only in an object it leaves free-form.
  shape.open = shape.properties.size === 0 && schema.additionalProperties !== false && (shape.types === undefined || shape.types.has('object'));
  const items = schema.items;
  if (Array.isArray(items)) shape.items = items.map((i) => shapeOf(i as JsonSchema | boolean, types, depth + 1)).reduce(union, { ...anyShape(), types: new Set(), open: false });
  else if (items !== undefined) shape.items = shapeOf(items as JsonSchema | boolean, types, depth + 1);
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const branches = list.map((b) => shapeOf(b as JsonSchema | boolean, types, depth + 1));
    const combined = keyword === 'allOf' ? branches.reduce(intersect) : branches.reduce(union);
    mergeInto(shape, combined);
  }
  return shape;
}

/** Types allowed by `type`, `enum` and `const`, or undefined when none of them is given. */
function typesOf(schema: JsonSchema): Set<ObservedType> | undefined {
  let result: Set<ObservedType> | undefined;
  const type = schema.type;
  if (type !== undefined) {
    result = new Set();
    for (const t of Array.isArray(type) ? type : [type]) {
      if (typeof t !== 'string' || !ALL_TYPES.has(t)) continue;
      result.add(t as ObservedType);
      // Every integer is a number.
      if (t === 'number') result.add('integer');
    }
  }
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  if (values) {
    const fromValues = new Set(values.map((v) => jsonTypeOf(v) as ObservedType));
    result = result ? new Set([...result].filter((t) => fromValues.has(t) || (t === 'number' && fromValues.has('integer')))) : fromValues;
  }
  return result;
}

/** What any one of two shapes allows (anyOf, oneOf, tuple items). */
function union(a: Shape, b: Shape): Shape {
  const properties = new Map(a.properties);
  for (const [key, p] of b.properties) {
    const mine = properties.get(key);
    properties.set(key, mine ? { shape: union(mine.shape, p.shape), required: mine.required && p.required } : { shape: p.shape, required: false });
  }
  for (const [key, p] of a.properties) if (!b.properties.has(key)) properties.set(key, { shape: p.shape, required: false });
  return {
    types: a.types && b.types ? new Set([...a.types, ...b.types]) : undefined,
    properties,
    open: a.open || b.open,
    items: a.items && b.items ? union(a.items, b.items) : (a.items ?? b.items),
  };
}

/** What both of two shapes allow (allOf). */
function intersect(a: Shape, b: Shape): Shape {
  const shape: Shape = { ...a, properties: new Map(a.properties) };
  mergeInto(shape, b);
  return shape;
}

/** Narrows `target` by `other`: types both allow, properties of both (required if either requires). */
function mergeInto(target: Shape, other: Shape): void {
  if (other.types) target.types = target.types ? new Set([...target.types].filter((t) => other.types!.has(t))) : other.types;
  for (const [key, p] of other.properties) {
    const mine = target.properties.get(key);
    target.properties.set(key, mine ? { shape: intersect(mine.shape, p.shape), required: mine.required || p.required } : p);
  }
  target.open = target.properties.size === 0 && target.open && other.open;
  if (other.items) target.items = target.items ? intersect(target.items, other.items) : other.items;
}
