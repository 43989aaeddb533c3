import { isPlaceholderId, missingIdentity, present, type CallType, type IdentityField } from '../../spec/call-types.js';
import type { PayloadRuleContext, Rule } from '../types.js';

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
    // Read by name, not by looping over the fields: this runs for every event of a log.
    if (type === 'alias') placeholder(event.previousId, 'previousId', type, report);
    placeholder(event.userId, 'userId', type, report);
    if (type !== 'alias') placeholder(event.anonymousId, 'anonymousId', type, report);
    if (type === 'group') placeholder(event.groupId, 'groupId', type, report);
    // The common case, without the allocations of the general check.
    if (type !== 'group' && type !== 'alias' && (present(event.userId) || present(event.anonymousId))) return;
    const missing = missingIdentity(type, event);
    if (missing.length > 0) report({ messageId: 'missing', data: { type, fields: missing.join(' and no ') } });
  },
};

function placeholder(value: unknown, field: IdentityField, type: CallType, report: PayloadRuleContext['report']): void {
  if (isPlaceholderId(value)) report({ messageId: 'placeholder', data: { type, field, value }, path: `/${field}`, actual: value });
}
