import { checkName, describeConvention } from '../../naming/conventions.js';
import type { Rule } from '../types.js';

export const eventCase: Rule = {
  meta: {
    id: 'naming/event-case',
    type: 'suggestion',
    defaultSeverity: 'error',
    description: 'Track event names follow the event naming convention (default: Object Action, "Order Completed").',
    messages: {
      convention: 'Event name "{{name}}" {{reason}}',
      warehouse: 'Event name "{{name}}" {{reason}}, in {{rows}} of {{table}}{{others}}',
    },
  },
  checkPlan({ plan, conventions, report }) {
    for (const event of plan.events.values()) {
      const result = checkName(event.name, conventions.event);
      if (result.ok) continue;
      report({
        messageId: 'convention',
        data: { name: event.name, reason: result.reason ?? `does not follow ${describeConvention(conventions.event)}` },
        node: event,
        event: event.name,
        ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      });
    }
  },
  checkPayload({ type, name, planned, naming, conventions, report }) {
    // A planned name is the plan's to fix (`cdp check` reports it once), not every payload's.
    if (type !== 'track' || name === undefined || planned) return;
    const result = naming(name, 'event');
    if (result.ok) return;
    report({
      messageId: 'convention',
      data: { name, reason: result.reason ?? `does not follow ${describeConvention(conventions.event)}` },
      path: '/event',
      ...(result.suggestion ? { suggestion: result.suggestion } : {}),
    });
  },
};
