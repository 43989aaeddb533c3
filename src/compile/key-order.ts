import { setOwn } from '../core/set-own.js';

/**
 * Keyword order of emitted schemas: identity and annotations first, then type and its constraints,
 * then structure. Unlisted keywords follow in the author's order. Property names are never sorted:
 * the plan's order is meaningful to readers and to generated code.
 */
const ORDER = [
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'deprecated',
  'type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf',
  'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains',
  'properties', 'patternProperties', 'additionalProperties', 'required', 'propertyNames',
  'minProperties', 'maxProperties', 'dependencies',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
  'default', 'examples', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding', 'definitions',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

export function orderKeywords<T extends Record<string, unknown>>(schema: T): T {
  const keys = Object.keys(schema);
  keys.sort((a, b) => (RANK.get(a) ?? ORDER.length) - (RANK.get(b) ?? ORDER.length));
  const out: Record<string, unknown> = {};
  for (const k of keys) setOwn(out, k, schema[k]);
  return out as T;
}
