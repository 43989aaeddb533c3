import { preview } from '../../validate/json-value.js';
import type { PlanEvent, TraitsSection } from '../../plan/model.js';
import type { Rule } from '../types.js';

export const versionMismatch: Rule = {
  meta: {
    id: 'plan/version-mismatch',
    type: 'problem',
    defaultSeverity: 'warn',
    description: 'context.protocols.event_version, when sent, matches the version of the event in the plan.',
    messages: { mismatch: '{{subject}} was sent as version {{actual}}, but the plan is at version {{expected}}' },
  },
  quiet: {
    entry: ({ planned }) => ('version' in planned && planned.version !== undefined ? 'per-event' : 'silent'),
    event: (event, { planned }) => !mismatch(event, planned),
  },
  checkPayload({ event, planned, subject, report }) {
    if (!planned || !mismatch(event, planned)) return;
    const sent = sentVersion(event)!.value;
    const version = (planned as PlanEvent).version!;
    report({
      messageId: 'mismatch',
      data: { subject: subject.charAt(0).toUpperCase() + subject.slice(1), actual: preview(sent), expected: String(version) },
      path: '/context/protocols/event_version',
      expected: version,
      actual: sent,
    });
  },
};

/** `context.protocols.event_version` when the payload sends one (it may be null), else undefined. */
function sentVersion(event: Record<string, unknown>): { value: unknown } | undefined {
  const context = event.context;
  if (context === null || typeof context !== 'object') return undefined;
  const protocols = (context as Record<string, unknown>).protocols;
  if (protocols === null || typeof protocols !== 'object' || !Object.hasOwn(protocols, 'event_version')) return undefined;
  return { value: (protocols as Record<string, unknown>).event_version };
}

/** Whether the payload sends a version other than the planned entry's (numbers and strings compare as text). */
function mismatch(event: Record<string, unknown>, planned: PlanEvent | TraitsSection): boolean {
  if (!('version' in planned) || planned.version === undefined) return false;
  const sent = sentVersion(event);
  return sent !== undefined && String(sent.value) !== String(planned.version);
}
