import { findSpecAlternative } from '../../spec/alternatives.js';
import type { Rule } from '../types.js';

export const specAlternative: Rule = {
  meta: {
    id: 'plan/spec-alternative',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Custom events that mean the same as a Segment semantic event use the spec name, so destinations recognise them.',
    messages: {
      alternative: 'Event "{{name}}" looks like the Segment {{spec}} spec event "{{spec_name}}"; destinations map spec events automatically',
    },
  },
  checkPlan({ plan, report }) {
    for (const event of plan.events.values()) {
      const alt = findSpecAlternative(event.name);
      // A deprecated event is already on its way out, usually towards the spec name.
      if (!alt || event.deprecated) continue;
      report({
        messageId: 'alternative',
        data: { name: event.name, spec: alt.spec, spec_name: alt.name },
        node: event,
        event: event.name,
        suggestion: alt.name,
      });
    }
  },
};
