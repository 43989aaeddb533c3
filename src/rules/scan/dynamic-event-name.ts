import type { Rule } from '../types.js';

export const dynamicEventName: Rule = {
  meta: {
    id: 'scan/dynamic-event-name',
    type: 'problem',
    defaultSeverity: 'warn',
    description: 'Event, page and screen names in tracking calls can be resolved statically (literals, constants, enums, template literals of constants), so `cdp scan` can check the call.',
    messages: {
      dynamic: '{{what}} name `{{text}}` cannot be resolved statically, so this call is not checked against the plan',
      missing: 'Track call without an event name',
    },
  },
};
