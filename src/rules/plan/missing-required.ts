import { joinPointer } from '../../plan/pointer.js';
import { propertyPath } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

export const missingRequired: Rule = {
  meta: {
    id: 'plan/missing-required',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Properties and traits the plan marks as required are present.',
    messages: {
      missing: '{{subject}} is missing required {{what}} "{{property}}"',
      noObject: '{{subject}} has no "{{slot}}" object, but the plan requires {{required}}',
      warehouse: '{{subject}} is missing required {{what}} "{{property}}" (column "{{column}}" is NULL) in {{rows}}',
      warehouseNoColumn: '{{subject}} is missing required {{what}} "{{property}}" in {{rows}}: the table has no column "{{column}}"',
    },
  },
  checkPayload({ type, subject, planned, schemaErrors, report }) {
    const errors = schemaErrors();
    if (errors.length === 0) return;
    const slot = type === 'identify' || type === 'group' ? 'traits' : 'properties';
    const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
    for (const e of errors) {
      if (e.keyword !== 'required') continue;
      const missing = String(e.params.missingProperty);
      if (e.instancePath === '' && missing === slot) {
        const body = planned && ('properties' in planned ? planned.properties : planned.traits);
        const required = (body?.required as string[] | undefined) ?? [];
        report({ messageId: 'noObject', data: { subject: Subject, slot, required: required.map((r) => `"${r}"`).join(', ') }, path: `/${slot}` });
        continue;
      }
      const path = joinPointer(e.instancePath, missing);
      report({
        messageId: 'missing',
        data: { subject: Subject, what: slot === 'traits' ? 'trait' : 'property', property: propertyPath(path, `/${slot}`) },
        path,
      });
    }
  },
};
