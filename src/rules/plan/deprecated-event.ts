import type { Rule } from '../types.js';

export const deprecatedEvent: Rule = {
  meta: {
    id: 'plan/deprecated-event',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Events the plan marks as deprecated are no longer sent.',
    messages: {
      deprecated: '{{subject}} is deprecated',
      deprecatedBecause: '{{subject}} is deprecated: {{reason}}',
      warehouse: '{{subject}} is deprecated, yet sent in {{rows}}',
      warehouseBecause: '{{subject}} is deprecated ({{reason}}), yet sent in {{rows}}',
    },
  },
  checkPayload({ planned, subject, report }) {
    if (!planned || !('deprecated' in planned) || !planned.deprecated) return;
    const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
    const reason = typeof planned.deprecated === 'string' ? planned.deprecated : undefined;
    const suggestion = reason && /^use\s+(.+?)\.?$/i.exec(reason)?.[1];
    report({
      messageId: reason ? 'deprecatedBecause' : 'deprecated',
      data: reason ? { subject: Subject, reason } : { subject: Subject },
      ...(suggestion ? { suggestion } : {}),
    });
  },
};
