import { eventOf, ownerLabel, walkPlanSchemas } from '../../plan/walk.js';
import { joinPointer } from '../../plan/pointer.js';
import { jsonTypeOf } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

/** The JSON types each validation keyword constrains; on other types it is silently ignored. */
const KEYWORD_TYPES = new Map<string, string[]>(Object.entries({
  minLength: ['string'], maxLength: ['string'], pattern: ['string'], format: ['string'],
  minimum: ['number', 'integer'], maximum: ['number', 'integer'], exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'], multipleOf: ['number', 'integer'],
  items: ['array'], additionalItems: ['array'], minItems: ['array'], maxItems: ['array'], uniqueItems: ['array'], contains: ['array'],
  properties: ['object'], patternProperties: ['object'], additionalProperties: ['object'], propertyNames: ['object'],
  minProperties: ['object'], maxProperties: ['object'], dependencies: ['object'], required: ['object'],
}));

/** ajv-formats' numeric formats (OpenAPI's int32, float, ...) constrain numbers, not strings. */
const NUMBER_FORMATS = new Set(['int32', 'int64', 'float', 'double']);

export const typeKeywordMismatch: Rule = {
  meta: {
    id: 'plan/type-keyword-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Keywords fit the declared type (no `minLength` on a number), and enum/const values have that type.',
    messages: {
      keyword: '"{{keyword}}" applies to {{applies}} values, but {{where}} is declared as {{declared}}: the keyword has no effect',
      value: '{{keyword}} value {{value}} is {{actual}}, but {{where}} is declared as {{declared}}',
    },
  },
  checkPlan({ plan, report }) {
    walkPlanSchemas(plan, (v) => {
      const declared = typeList(v.schema.type);
      if (!declared) return;
      const where = v.keyPath ? `"${v.keyPath.join('.')}"` : ownerLabel(v.owner);
      const event = eventOf(v.owner);
      // Event roots are objects by construction; their keywords were written by the plan, not the user.
      if (v.keyPath === undefined && v.owner.kind !== 'type') return;
      for (const keyword of Object.keys(v.schema)) {
        const types = KEYWORD_TYPES.get(keyword);
        if (!types) continue;
        const applies = keyword === 'format' && NUMBER_FORMATS.has(v.schema.format as string) ? ['number', 'integer'] : types;
        if (applies.some((t) => declared.includes(t) || (t === 'integer' && declared.includes('number')))) continue;
        if (keyword === 'required' && typeof v.schema.required === 'boolean') continue;
        report({
          messageId: 'keyword',
          data: { keyword, applies: applies.join(' or '), where, declared: declared.join(' or ') },
          node: { file: v.file, pointer: joinPointer(v.pointer, keyword) },
          ...event,
        });
      }
      const values: Array<[string, unknown, string]> = [];
      if (Array.isArray(v.schema.enum)) v.schema.enum.forEach((x, i) => values.push(['enum', x, joinPointer(v.pointer, 'enum', i)]));
      if (v.schema.const !== undefined) values.push(['const', v.schema.const, joinPointer(v.pointer, 'const')]);
      if (v.schema.default !== undefined) values.push(['default', v.schema.default, joinPointer(v.pointer, 'default')]);
      for (const [keyword, value, pointer] of values) {
        if (declared.some((t) => matchesType(value, t))) continue;
        report({
          messageId: 'value',
          data: { keyword, value: JSON.stringify(value), actual: jsonTypeOf(value), where, declared: declared.join(' or ') },
          node: { file: v.file, pointer },
          expected: declared.length === 1 ? declared[0] : declared,
          actual: value,
          ...event,
        });
      }
    });
  },
};

function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type as string[];
  return undefined;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}
