import { shortened } from '../../core/text.js';
import type { Rule } from '../types.js';

/**
 * Not a rule a user configures: what cdp reports when checking one event (or one file) threw. The
 * event is counted as invalid and the run goes on, so one input that finds a bug in cdp costs that
 * input, never the report of everything else.
 */
export const checkFailed: Rule = {
  meta: {
    id: 'internal/check-failed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'cdp failed while checking this event or file (a bug in cdp); the rest of the input is still checked.',
    messages: {
      failed: 'cdp failed while checking this {{what}}: {{reason}}. This is a bug in cdp: please report it with this input',
    },
  },
};

/** The error's own words, on one line, short. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return shortened(text.split('\n', 1)[0]!, 200);
}
