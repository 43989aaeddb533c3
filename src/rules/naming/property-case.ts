import { checkName, describeConvention } from '../../naming/conventions.js';
import { isReservedTrait } from '../../spec/reserved-traits.js';
import { eventOf, ownerLabel, walkPlanSchemas } from '../../plan/walk.js';
import { propertyPath } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

export const propertyCase: Rule = {
  meta: {
    id: 'naming/property-case',
    type: 'suggestion',
    defaultSeverity: 'error',
    description: "Property and trait names follow the property naming convention (default: snake_case); Segment's reserved traits, and the properties the spec defines on pages and screens, are exempt.",
    messages: {
      convention: '{{what}} "{{name}}" of {{owner}} {{reason}}',
    },
  },
  checkPlan({ plan, conventions, report }) {
    walkPlanSchemas(plan, (v) => {
      const name = v.keyPath?.at(-1);
      if (name === undefined) return;
      const { kind } = v.owner;
      if (kind !== 'track' && kind !== 'type' && isReservedTrait(kind, v.keyPath!)) return;
      const result = checkName(name, conventions.property);
      if (result.ok) return;
      report({
        messageId: 'convention',
        data: { what: kind === 'identify' || kind === 'group' ? 'Trait' : 'Property', name, owner: ownerLabel(v.owner), reason: result.reason ?? `does not follow ${describeConvention(conventions.property)}` },
        node: { file: v.file, pointer: v.pointer },
        ...eventOf(v.owner),
        ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      });
    });
  },
  checkPayload({ type, subject, keysToName, naming, conventions, report }) {
    const traits = type === 'identify' || type === 'group';
    const reserved = traits || type === 'page' || type === 'screen';
    for (const { key, path, keyPath } of keysToName()) {
      if (reserved && isReservedTrait(type, keyPath)) continue;
      const result = naming(key, 'property');
      if (result.ok) continue;
      report({
        messageId: 'convention',
        // The path, not the key alone: the same key nested in two places must read as two problems.
        data: { what: traits ? 'Trait' : 'Property', name: propertyPath(path, traits ? '/traits' : '/properties'), owner: subject, reason: result.reason ?? `does not follow ${describeConvention(conventions.property)}` },
        path,
        ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      });
    }
  },
};
