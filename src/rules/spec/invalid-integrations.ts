import { jsonTypeOf } from '../../validate/json-value.js';
import { joinPointer } from '../../plan/pointer.js';
import type { Rule } from '../types.js';

export const invalidIntegrations: Rule = {
  meta: {
    id: 'spec/invalid-integrations',
    type: 'problem',
    defaultSeverity: 'error',
    description: '"integrations", when present, maps destination names to true, false or an options object.',
    messages: {
      notObject: '"integrations" must be an object of destination names, found {{actual}}',
      entry: 'integrations["{{name}}"] must be true, false or an options object, found {{actual}}',
    },
  },
  checkPayload({ event, report }) {
    const integrations = event.integrations;
    if (integrations === undefined) return;
    if (integrations === null || typeof integrations !== 'object' || Array.isArray(integrations)) {
      report({ messageId: 'notObject', data: { actual: jsonTypeOf(integrations) }, path: '/integrations', actual: integrations });
      return;
    }
    for (const name in integrations) {
      if (!Object.hasOwn(integrations, name)) continue;
      const value = (integrations as Record<string, unknown>)[name];
      if (typeof value === 'boolean' || (value !== null && typeof value === 'object' && !Array.isArray(value))) continue;
      report({ messageId: 'entry', data: { name, actual: jsonTypeOf(value) }, path: joinPointer('/integrations', name), actual: value });
    }
  },
};
