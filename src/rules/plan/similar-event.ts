import { findSimilarPairs } from '../../naming/similar.js';
import { isSemanticEventName } from '../../spec/semantic-events.js';
import type { Rule } from '../types.js';
import { kindLabel } from './duplicate-event.js';

export const similarEvent: Rule = {
  meta: {
    id: 'plan/similar-event',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Event names are not within a typo of each other ("Order Complete" and "Order Completed").',
    messages: {
      similar: '{{kind}} "{{name}}" is very similar to "{{other}}" ({{where}}); is one a typo of the other?',
    },
  },
  checkPlan({ plan, report }) {
    for (const map of [plan.events, plan.pages, plan.screens]) {
      const events = [...map.values()];
      for (const [i, j] of findSimilarPairs(events.map((e) => e.name))) {
        const first = events[i]!;
        const second = events[j]!;
        // Segment's own names are near each other by design ("Product Viewed", "Product Reviewed").
        if (isSemanticEventName(first.name) && isSemanticEventName(second.name)) continue;
        const at = plan.sources.get(first.file)?.locate(first.pointer);
        report({
          messageId: 'similar',
          data: { kind: kindLabel(second), name: second.name, other: first.name, where: `${first.file}${at ? `:${at.line}` : ''}` },
          node: second,
          event: second.name,
          suggestion: first.name,
        });
      }
    }
  },
};
