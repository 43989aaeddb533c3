import { isIsoDateTime } from '../../validate/iso-date-time.js';
import { preview } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

const FIELDS = ['timestamp', 'sentAt', 'receivedAt', 'originalTimestamp'] as const;

export const invalidTimestamp: Rule = {
  meta: {
    id: 'spec/invalid-timestamp',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'timestamp, sentAt, receivedAt and originalTimestamp, when present, are ISO-8601 date-times.',
    messages: { invalid: '"{{field}}" is not an ISO-8601 date-time: {{actual}}' },
  },
  checkPayload({ event, report }) {
    for (const field of FIELDS) {
      const value = event[field];
      if (value === undefined || (typeof value === 'string' && isIsoDateTime(value))) continue;
      report({ messageId: 'invalid', data: { field, actual: preview(value) }, path: `/${field}`, expected: 'ISO-8601 date-time', actual: value });
    }
  },
};
