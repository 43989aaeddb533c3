import { TYPE_REF_PREFIX, type JsonSchema, type Plan } from '../../src/plan/model.js';

/**
 * A small value the (plan-model) schema accepts, with only the required properties of objects:
 * enough to write a call that must type-check.
 */
export function sampleValue(schema: JsonSchema | boolean, plan: Pick<Plan, 'types'>): unknown {
  if (typeof schema === 'boolean') return null;
  if (typeof schema.$ref === 'string') return sampleValue(plan.types.get(schema.$ref.slice(TYPE_REF_PREFIX.length))!.schema, plan);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(schema[key])) return sampleValue((schema[key] as JsonSchema[])[0]!, plan);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return 'x';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const key of (schema.required ?? []) as string[]) Object.defineProperty(out, key, { value: sampleValue(properties[key] ?? true, plan), enumerable: true });
      return out;
    }
    default:
      return null;
  }
}

/** An object literal for `value` in TypeScript source; `__proto__` keys are computed, so they stay own properties. */
export function literal(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `[${JSON.stringify(k)}]: ${literal(v)}`).join(', ')} }`;
}
