import { IDENTITY_FIELDS, isPlaceholderId, missingIdentity, present } from '../../spec/call-types.js';
import type { Rule } from '../types.js';

export const missingIdentityRule: Rule = {
  meta: {
    id: 'spec/missing-identity',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every call says who it is about: userId or anonymousId (group: groupId too; alias: previousId and userId), and no id is a placeholder such as "undefined".',
    messages: {
      missing: 'The {{type}} call has no {{fields}}',
      placeholder: 'The {{type}} call has {{field}} "{{value}}", a missing value turned into text',
    },
  },
  checkPayload({ event, type, report }) {
    for (const field of IDENTITY_FIELDS) {
      const value = event[field];
      if (isPlaceholderId(value)) report({ messageId: 'placeholder', data: { type, field, value }, path: `/${field}`, actual: value });
    }
    // The common case, without the allocations of the general check.
    if (type !== 'group' && type !== 'alias' && (present(event.userId) || present(event.anonymousId))) return;
    const missing = missingIdentity(type, event);
    if (missing.length > 0) report({ messageId: 'missing', data: { type, fields: missing.join(' and no ') } });
  },
};
