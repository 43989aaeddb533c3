import type { Rule } from '../types.js';

// These three are reported by the event checker itself, before any other rule can look at the
// event: a line that is not JSON, JSON that is not an object, an object with no known call type.

export const invalidJson: Rule = {
  meta: {
    id: 'spec/invalid-json',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every line (or array element) of the input is valid JSON in valid UTF-8.',
    messages: {
      parse: 'Not valid JSON: {{reason}}',
      utf8: 'Not valid UTF-8: the bytes of this line cannot be decoded',
    },
  },
};

export const invalidEvent: Rule = {
  meta: {
    id: 'spec/invalid-event',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every event is a JSON object, and every track call names its event.',
    messages: {
      notObject: 'Expected an event object, found {{actual}}',
      noName: 'The track call has no "event" name{{found}}',
    },
  },
};

export const unknownType: Rule = {
  meta: {
    id: 'spec/unknown-type',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every event has a "type" that is one of Segment\'s six calls: track, identify, page, screen, group, alias.',
    messages: {
      missing: 'Event has no "type"; expected one of track, identify, page, screen, group, alias',
      unknown: '"type" is {{actual}}; expected one of track, identify, page, screen, group, alias',
    },
  },
};
