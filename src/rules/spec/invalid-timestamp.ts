import { hasUtcOffset, isIsoDateTime } from '../../validate/iso-date-time.js';
import { preview } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

const FIELDS = ['timestamp', 'sentAt', 'receivedAt', 'originalTimestamp'] as const;

export const invalidTimestamp: Rule = {
  meta: {
    id: 'spec/invalid-timestamp',
    type: 'problem',
    defaultSeverity: 'error',
    description:
      'timestamp, sentAt, receivedAt and originalTimestamp, when present, are ISO-8601 date-times; one without a UTC offset is a warning (unless the config sets this rule).',
    messages: {
      invalid: '"{{field}}" is not an ISO-8601 date-time: {{actual}}',
      noOffset: '"{{field}}" has no UTC offset: {{actual}} is a local time in an unknown zone, which warehouses may shift; the Segment SDKs send UTC, like "2024-01-15T10:30:00.000Z"',
    },
  },
  checkPayload({ event, report }) {
    for (const field of FIELDS) {
      const value = event[field];
      if (value === undefined) continue;
      if (typeof value !== 'string' || !isIsoDateTime(value)) {
        report({ messageId: 'invalid', data: { field, actual: preview(value) }, path: `/${field}`, expected: 'ISO-8601 date-time', actual: value });
      } else if (!hasUtcOffset(value)) {
        // A warning by default: the time is readable, only its zone is a guess.
        report({ messageId: 'noOffset', data: { field, actual: preview(value) }, path: `/${field}`, expected: 'ISO-8601 date-time with a UTC offset', actual: value, policy: 'warn' });
      }
    }
  },
};

