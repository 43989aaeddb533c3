import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, TYPE_REF_PREFIX, type JsonSchema, type Plan, type PlanNode } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';

/** Keywords that document a schema without constraining a value. */
export const DOC_KEYWORDS: ReadonlySet<string> = new Set(['description', 'examples', 'title', 'default', '$comment', 'deprecated']);

/** Where a keyword was written: its node, and the reusable type it came from, if any. */
export interface Located {
  node: PlanNode;
  type?: string;
}

/**
 * A schema as a payload meets it: type references followed (a reference's own keywords win over
 * the type's), with where each keyword was written, so a change inside a shared type points at
 * the type's line.
 */
export interface SchemaView {
  schema: JsonSchema;
  at(keyword: string): Located;
}

/**
 * `inType`: the reusable type this schema is written in, when it sits inside one. `slot`: the key
 * that holds the properties at `node` (`traits` for identify and group sections).
 */
export function viewOf(plan: Plan, schema: JsonSchema | boolean, node: PlanNode, inType?: string, slot = 'properties'): SchemaView {
  const merged: JsonSchema = {};
  const where = new Map<string, Located>();
  const own: Located = inType === undefined ? { node } : { node, type: inType };
  let current = asObject(schema);
  let located = own;
  // Types cannot form cycles (the loader rejects them), but a bound keeps a malformed model finite.
  for (let hops = 0; hops <= plan.types.size; hops++) {
    for (const [key, value] of Object.entries(current)) {
      if (key === '$ref' || Object.hasOwn(merged, key)) continue;
      merged[key] = value;
      where.set(key, located);
    }
    const type = referencedType(plan, current);
    if (!type) break;
    current = asObject(type.schema);
    located = { node: { file: type.file, pointer: type.pointer }, type: type.name };
  }
  return {
    schema: merged,
    at(keyword) {
      const l = where.get(keyword) ?? own;
      const token = l === own && keyword === 'properties' ? slot : keyword;
      return { ...l, node: { file: l.node.file, pointer: joinPointer(l.node.pointer, token) } };
    },
  };
}

function referencedType(plan: Plan, schema: JsonSchema) {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith(TYPE_REF_PREFIX) ? plan.types.get(ref.slice(TYPE_REF_PREFIX.length)) : undefined;
}

/** JSON Schema's boolean schemas as the objects that mean the same. */
export function asObject(schema: JsonSchema | boolean | unknown): JsonSchema {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? (schema as JsonSchema) : {};
}

/**
 * What a schema accepts, written one way: references followed, documentation dropped, keys sorted.
 * Two schemas with the same shape accept the same values, whatever their descriptions say.
 */
export function shapeOf(plan: Plan, schema: JsonSchema | boolean): string {
  return JSON.stringify(shape(plan, schema));
}

function shape(plan: Plan, schema: unknown): unknown {
  const s = viewOf(plan, asObject(schema), { file: '', pointer: '' }).schema;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(s).sort()) {
    if (DOC_KEYWORDS.has(key)) continue;
    const value = s[key];
    if (key === 'properties' || key === 'patternProperties' || key === 'dependencies') {
      const m: Record<string, unknown> = {};
      for (const k of Object.keys(value as object).sort()) {
        const child = (value as Record<string, unknown>)[k];
        m[k] = Array.isArray(child) ? child : shape(plan, child);
      }
      out[key] = m;
    } else if (key === 'items') {
      out[key] = Array.isArray(value) ? value.map((v) => shape(plan, v)) : shape(plan, value);
    } else if (SINGLE_SUBSCHEMA_KEYWORDS.has(key)) {
      out[key] = typeof value === 'boolean' ? value : shape(plan, value);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => shape(plan, v));
    } else if (key === 'required' && Array.isArray(value)) {
      out[key] = [...(value as string[])].sort();
    } else {
      out[key] = value;
    }
  }
  return out;
}
