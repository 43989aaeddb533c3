import { checkName, describeConvention } from '../../naming/conventions.js';
import { isReservedTrait } from '../../spec/reserved-traits.js';
import { walkPlanSchemas } from '../../plan/walk.js';
import type { Rule } from '../types.js';

export const propertyCase: Rule = {
  meta: {
    id: 'naming/property-case',
    type: 'suggestion',
    defaultSeverity: 'error',
    description: "Property and trait names follow the property naming convention (default: snake_case); Segment's reserved traits are exempt.",
    messages: {
      convention: '{{what}} "{{name}}" of {{owner}} {{reason}}',
    },
  },
  checkPlan({ plan, conventions, report }) {
    walkPlanSchemas(plan, (v) => {
      const name = v.keyPath?.at(-1);
      if (name === undefined) return;
      const { kind } = v.owner;
      if ((kind === 'identify' || kind === 'group') && isReservedTrait(kind, v.keyPath!)) return;
      const result = checkName(name, conventions.property);
      if (result.ok) return;
      const owner = kind === 'type' ? `type "${v.owner.name}"` : kind === 'identify' || kind === 'group' ? `the ${kind} traits` : `${kind === 'track' ? 'event' : kind} "${v.owner.name}"`;
      report({
        messageId: 'convention',
        data: { what: kind === 'identify' || kind === 'group' ? 'Trait' : 'Property', name, owner, reason: result.reason ?? `does not follow ${describeConvention(conventions.property)}` },
        node: { file: v.file, pointer: v.pointer },
        ...(kind === 'track' ? { event: v.owner.name } : {}),
        ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      });
    });
  },
};
