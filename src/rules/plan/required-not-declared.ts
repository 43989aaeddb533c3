import { eventOf, ownerLabel, walkPlanSchemas } from '../../plan/walk.js';
import { joinPointer } from '../../plan/pointer.js';
import { closest } from '../../naming/distance.js';
import type { Rule } from '../types.js';

export const requiredNotDeclared: Rule = {
  meta: {
    id: 'plan/required-not-declared',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every name in a `required` list is declared under `properties` (or `traits`).',
    messages: {
      undeclared: '"{{name}}" is required but not declared in {{where}}',
    },
  },
  checkPlan({ plan, report }) {
    walkPlanSchemas(plan, (v) => {
      const { required, properties, patternProperties } = v.schema;
      if (!Array.isArray(required) || !properties || typeof properties !== 'object' || patternProperties !== undefined) return;
      const declared = Object.keys(properties);
      const isRoot = v.keyPath === undefined && v.owner.kind !== 'type';
      // At an event's root the `required` list is written beside `properties`, one level up.
      const listPointer = isRoot ? joinPointer(v.pointer.slice(0, v.pointer.lastIndexOf('/')), 'required') : joinPointer(v.pointer, 'required');
      for (const name of required as string[]) {
        if (Object.hasOwn(properties, name)) continue;
        const suggestion = closest(name, declared, 2);
        report({
          messageId: 'undeclared',
          data: { name, where: v.keyPath ? `"${v.keyPath.join('.')}"` : ownerLabel(v.owner) },
          node: { file: v.file, pointer: listPointer },
          ...eventOf(v.owner),
          ...(suggestion ? { suggestion } : {}),
        });
      }
    });
  },
};
