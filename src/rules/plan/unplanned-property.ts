import { joinPointer } from '../../plan/pointer.js';
import { propertyPath } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

export const unplannedProperty: Rule = {
  meta: {
    id: 'plan/unplanned-property',
    type: 'problem',
    defaultSeverity: 'warn',
    description: "Properties and traits sent are declared in the plan (severity follows the plan's `unplanned_properties` policy unless the config sets this rule).",
    messages: {
      unplanned: '{{what}} "{{property}}" of {{subject}} is not in the plan',
      warehouse: 'Column "{{column}}" of {{subject}} is not in the plan; it has a value in {{rows}}',
    },
  },
  checkPayload({ type, subject, schemaErrors, unplannedPolicy, report }) {
    const root = type === 'identify' || type === 'group' ? '/traits' : '/properties';
    for (const e of schemaErrors()) {
      if (e.keyword !== 'additionalProperties') continue;
      const path = joinPointer(e.instancePath, String(e.params.additionalProperty));
      report({
        messageId: 'unplanned',
        data: { what: root === '/traits' ? 'Trait' : 'Property', property: propertyPath(path, root), subject },
        path,
        policy: unplannedPolicy,
      });
    }
  },
};
