import { missingIdentity, present } from '../../spec/call-types.js';
import type { Rule } from '../types.js';

export const missingIdentityRule: Rule = {
  meta: {
    id: 'spec/missing-identity',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every call says who it is about: userId or anonymousId (group: groupId too; alias: previousId and userId).',
    messages: { missing: 'The {{type}} call has no {{fields}}' },
  },
  checkPayload({ event, type, report }) {
    // The common case, without the allocations of the general check.
    if (type !== 'group' && type !== 'alias' && (present(event.userId) || present(event.anonymousId))) return;
    const missing = missingIdentity(type, event);
    if (missing.length > 0) report({ messageId: 'missing', data: { type, fields: missing.join(' and no ') } });
  },
};
