import { preview } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

export const versionMismatch: Rule = {
  meta: {
    id: 'plan/version-mismatch',
    type: 'problem',
    defaultSeverity: 'warn',
    description: 'context.protocols.event_version, when sent, matches the version of the event in the plan.',
    messages: { mismatch: '{{subject}} was sent as version {{actual}}, but the plan is at version {{expected}}' },
  },
  checkPayload({ event, planned, subject, report }) {
    if (!planned || !('version' in planned) || planned.version === undefined) return;
    const context = event.context;
    if (context === null || typeof context !== 'object') return;
    const protocols = (context as Record<string, unknown>).protocols;
    if (protocols === null || typeof protocols !== 'object' || !Object.hasOwn(protocols, 'event_version')) return;
    const sent = (protocols as Record<string, unknown>).event_version;
    if (String(sent) === String(planned.version)) return;
    report({
      messageId: 'mismatch',
      data: { subject: subject.charAt(0).toUpperCase() + subject.slice(1), actual: preview(sent), expected: String(planned.version) },
      path: '/context/protocols/event_version',
      expected: planned.version,
      actual: sent,
    });
  },
};
