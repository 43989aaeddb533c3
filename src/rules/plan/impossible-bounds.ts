import { eventOf, ownerLabel, walkPlanSchemas } from '../../plan/walk.js';
import { joinPointer } from '../../plan/pointer.js';
import type { JsonSchema } from '../../plan/model.js';
import type { Rule } from '../types.js';

/** Pairs of bounds where the lower must not pass the upper; `strict` when equality is also empty. */
const PAIRS: Array<[lower: string, upper: string, strict: boolean]> = [
  ['minimum', 'maximum', false],
  ['exclusiveMinimum', 'exclusiveMaximum', true],
  ['minimum', 'exclusiveMaximum', true],
  ['exclusiveMinimum', 'maximum', true],
  ['minLength', 'maxLength', false],
  ['minItems', 'maxItems', false],
  ['minProperties', 'maxProperties', false],
];

export const impossibleBounds: Rule = {
  meta: {
    id: 'plan/impossible-bounds',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Bounds leave some value possible (minimum ≤ maximum, minLength ≤ maxLength, ...).',
    messages: {
      bounds: '{{lower}} {{low}} is {{relation}} {{upper}} {{high}}: no value can satisfy {{where}}',
      integer: 'No integer lies between {{low}} and {{high}}: no value can satisfy {{where}}',
    },
  },
  checkPlan({ plan, report }) {
    walkPlanSchemas(plan, (v) => {
      const where = v.keyPath ? `"${v.keyPath.join('.')}"` : ownerLabel(v.owner);
      for (const [lower, upper, strict] of PAIRS) {
        const low = v.schema[lower];
        const high = v.schema[upper];
        if (typeof low !== 'number' || typeof high !== 'number') continue;
        if (low > high || (strict && low === high)) {
          report({
            messageId: 'bounds',
            data: { lower, low, upper, high, relation: low > high ? 'greater than' : 'equal to', where },
            node: { file: v.file, pointer: joinPointer(v.pointer, lower) },
            ...eventOf(v.owner),
          });
        }
      }
      const range = integerRange(v.schema);
      if (range && Math.ceil(range.low) > Math.floor(range.high)) {
        report({ messageId: 'integer', data: { low: range.low, high: range.high, where }, node: { file: v.file, pointer: v.pointer }, ...eventOf(v.owner) });
      }
    });
  },
};

function integerRange(schema: JsonSchema): { low: number; high: number } | undefined {
  if (schema.type !== 'integer') return undefined;
  const low = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const high = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (low === undefined || high === undefined || low > high) return undefined;
  return { low, high };
}
