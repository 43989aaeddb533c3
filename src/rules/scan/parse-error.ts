import type { Rule } from '../types.js';

export const parseError: Rule = {
  meta: {
    id: 'scan/parse-error',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Scanned source files (and the tsconfig.json the type checker uses) parse; a file that does not is reported and the scan goes on.',
    messages: {
      source: 'Cannot parse: {{reason}}; tracking calls in this file are not checked',
      tsconfig: 'Cannot read tsconfig.json: {{reason}}; names and types from other files are resolved with default compiler options',
    },
  },
};
