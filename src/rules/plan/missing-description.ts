import type { Rule } from '../types.js';
import { kindLabel } from './duplicate-event.js';

export const missingDescription: Rule = {
  meta: {
    id: 'plan/missing-description',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Every event, page and screen says what it means in a `description`.',
    messages: {
      missing: '{{kind}} "{{name}}" has no description: say when it is sent and what it means',
    },
  },
  checkPlan({ plan, report }) {
    for (const map of [plan.events, plan.pages, plan.screens]) {
      for (const event of map.values()) {
        if (event.description?.trim()) continue;
        report({ messageId: 'missing', data: { kind: kindLabel(event), name: event.name }, node: event, event: event.name });
      }
    }
  },
};
