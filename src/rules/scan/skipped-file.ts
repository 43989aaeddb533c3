import type { Rule } from '../types.js';

export const skippedFile: Rule = {
  meta: {
    id: 'scan/skipped-file',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Files `cdp scan` was asked to scan but did not: larger than `scan.maxFileSize` (minified bundles), binary, or unreadable.',
    messages: {
      tooLarge: 'Skipped: {{size}} is over the {{limit}} limit (scan.maxFileSize); minified bundles and generated code are not scanned',
      binary: 'Skipped: the file is not text',
      unreadable: 'Skipped: cannot read the file ({{reason}})',
    },
  },
};
