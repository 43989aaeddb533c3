import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, TYPE_REF_PREFIX, type JsonSchema, type Policy } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { orderKeywords } from './key-order.js';

export const DEFINITIONS_PREFIX = '#/definitions/';

export interface EmitOptions {
  /** Policy for keys an object schema does not declare: anything but `off` closes declared objects. */
  unplannedProperties: Policy;
  /** Receives the name of every reusable type the schema refers to. */
  onReference?: (name: string) => void;
}

/**
 * Turns a normalized plan schema into draft-07: type references point into `definitions`, a
 * reference with sibling keywords moves into `allOf` (draft-07 ignores siblings of `$ref`), and
 * objects that declare their properties reject undeclared ones unless the policy is `off`.
 */
export function emitSchema(schema: JsonSchema | boolean, options: EmitOptions): JsonSchema | boolean {
  if (typeof schema === 'boolean') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(TYPE_REF_PREFIX)) {
      const name = value.slice(TYPE_REF_PREFIX.length);
      options.onReference?.(name);
      out.$ref = DEFINITIONS_PREFIX + name;
    } else if (key === 'items') {
      out.items = Array.isArray(value) ? value.map((v) => emitSchema(v as JsonSchema, options)) : emitSchema(value as JsonSchema, options);
    } else if (key === 'properties' || key === 'patternProperties' || key === 'dependencies') {
      const m: JsonSchema = {};
      for (const [k, v] of Object.entries(value as JsonSchema)) setOwn(m, k, Array.isArray(v) ? v : emitSchema(v as JsonSchema, options));
      out[key] = m;
    } else if (SINGLE_SUBSCHEMA_KEYWORDS.has(key)) {
      out[key] = emitSchema(value as JsonSchema, options);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key)) {
      out[key] = (value as JsonSchema[]).map((v) => emitSchema(v, options));
    } else {
      setOwn(out, key, value);
    }
  }
  if (
    options.unplannedProperties !== 'off' &&
    out.properties !== undefined &&
    out.additionalProperties === undefined &&
    out.patternProperties === undefined
  ) {
    out.additionalProperties = false;
  }
  moveProtoProperty(out);
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    const allOf = Array.isArray(siblings.allOf) ? siblings.allOf : [];
    return orderKeywords({ ...siblings, allOf: [{ $ref }, ...allOf] });
  }
  return orderKeywords(out);
}

/**
 * ajv (and validators like it) skip a `properties` entry named `__proto__`, so such a property would
 * be neither type-checked nor counted as declared. The same constraint as a pattern property is
 * checked like any other: `for...in` sees the own `__proto__` key that JSON.parse creates.
 */
function moveProtoProperty(out: JsonSchema): void {
  const properties = out.properties as JsonSchema | undefined;
  if (!properties || !Object.hasOwn(properties, '__proto__')) return;
  const schema = Object.getOwnPropertyDescriptor(properties, '__proto__')!.value as unknown;
  delete properties['__proto__'];
  const patterns: JsonSchema = (out.patternProperties as JsonSchema | undefined) ?? {};
  setOwn(patterns, PROTO_PATTERN, schema);
  out.patternProperties = patterns;
}

const PROTO_PATTERN = '^__proto__$';
