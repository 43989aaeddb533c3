import { MAX_DEPTH } from '../../validate/depth.js';
import type { Rule } from '../types.js';

/**
 * Levels of objects and arrays `cdp scan` reads in the properties (or traits) of a call, spreads
 * counting as one. They sit one level into the payload, and `cdp lint` looks into a payload no
 * deeper than MAX_DEPTH: a call in code is checked as deep as the payload it sends would be.
 */
export const MAX_VALUE_DEPTH = MAX_DEPTH - 2;

/**
 * Levels of syntax a file given to the type checker may nest. TypeScript's binder and checker
 * recurse once per level and run out of stack past about 2,000 (a chain of 2,000 `.b` members,
 * which the parser reads in a loop); real code stays far under this.
 */
export const MAX_CHECKED_DEPTH = 500;

export const tooDeep: Rule = {
  meta: {
    id: 'scan/too-deep',
    type: 'problem',
    defaultSeverity: 'error',
    description: `Properties and traits passed in tracking calls nest objects and arrays at most ${MAX_VALUE_DEPTH} levels deep (the payload's ${MAX_DEPTH}, as for \`spec/max-depth\`), and files whose names or values need the type checker nest at most ${MAX_CHECKED_DEPTH} levels of syntax, so \`cdp scan\` checks all of them.`,
    messages: {
      value: 'The {{type}} call nests objects or arrays more than {{max}} levels deep, at {{at}}: no tracking data is that deep, and what lies deeper is not checked',
      code: 'Code here nests more than {{max}} levels deep, past what the TypeScript type checker can go through: names and values in this file that need it count as unknown',
    },
  },
};
