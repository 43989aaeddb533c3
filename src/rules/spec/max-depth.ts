import { MAX_DEPTH } from '../../validate/depth.js';
import type { Rule } from '../types.js';

export const maxDepth: Rule = {
  meta: {
    id: 'spec/max-depth',
    type: 'problem',
    defaultSeverity: 'error',
    description: `Values that cdp has to look into (keys the naming rules walk, values a diagnostic quotes) nest at most ${MAX_DEPTH} levels deep.`,
    messages: {
      tooDeep: 'The {{type}} call nests objects or arrays more than {{max}} levels deep, at {{at}}: no tracking data is that deep (keys below that depth are not checked)',
    },
  },
  checkPayload({ type, tooDeep, report }) {
    const path = tooDeep();
    if (path === undefined) return;
    // The pointer is MAX_DEPTH tokens long: the message names where it starts, the path says the rest.
    const at = path.split('/').slice(1, 4).join('/');
    report({ messageId: 'tooDeep', data: { type, max: MAX_DEPTH, at: `/${at}/…` }, path });
  },
};
