import type { Rule } from '../types.js';

/*
 * The rules of `cdp diff`, one per class of change, as buf has one per kind of protobuf change. The
 * comparison lives in src/interop/diff*; these say what each change is called, whom it breaks and
 * how it reads. Breaking changes default to `error` (an event whose version was bumped downgrades
 * its own to warnings); compatible ones to `warn`, so a review sees every change.
 */

const SENDERS = ['senders'] as const;
const CONSUMERS = ['consumers'] as const;
const BOTH = ['senders', 'consumers'] as const;
const NOBODY = [] as const;

export const eventRemoved: Rule = {
  meta: {
    id: 'diff/event-removed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'An event, page, screen or traits section of the old plan is gone: senders of it now fail, and its table and dashboards stop filling.',
    messages: {
      removed: 'The {{kind}} "{{name}}" was removed',
      section: 'The {{kind}} section was removed',
    },
  },
  diff: { breaks: BOTH },
};

export const eventRenamed: Rule = {
  meta: {
    id: 'diff/event-renamed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'An event, page or screen disappeared and one with the same properties appeared: probably renamed, which breaks senders and readers alike.',
    messages: {
      renamed: 'The {{kind}} "{{from}}" was removed and "{{to}}" added with the same properties: renamed?',
    },
  },
  diff: { breaks: BOTH },
};

export const eventAdded: Rule = {
  meta: {
    id: 'diff/event-added',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A new event, page, screen or traits section (compatible).',
    messages: {
      added: 'New {{kind}} "{{name}}"',
      section: 'New {{kind}} section',
    },
  },
  diff: { breaks: NOBODY },
};

export const propertyRemoved: Rule = {
  meta: {
    id: 'diff/property-removed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A property or trait is gone: its column stops filling; senders that still send it fail where unplanned properties are errors.',
    messages: {
      removed: '{{target}} was removed',
      removedClosed: '{{target}} was removed; senders that still send it now fail (unplanned properties are errors)',
    },
  },
  diff: { breaks: CONSUMERS },
};

export const propertyRenamed: Rule = {
  meta: {
    id: 'diff/property-renamed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A property disappeared and one of the same shape appeared next to it: probably renamed, which breaks readers (and senders where the new one is required or unplanned properties are errors).',
    messages: {
      renamed: '{{target}} was removed and "{{to}}" added with the same shape: renamed?',
    },
  },
  diff: { breaks: CONSUMERS },
};

export const propertyAdded: Rule = {
  meta: {
    id: 'diff/property-added',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A new optional property or trait (compatible).',
    messages: {
      added: 'New optional {{target}}',
    },
  },
  diff: { breaks: NOBODY },
};

export const propertyRequired: Rule = {
  meta: {
    id: 'diff/property-required',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A property became required, or a new property is required: senders that leave it out now fail.',
    messages: {
      required: '{{target}} is now required',
      added: 'New required {{target}}: senders that do not send it now fail',
    },
  },
  diff: { breaks: SENDERS },
};

export const propertyOptional: Rule = {
  meta: {
    id: 'diff/property-optional',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A required property became optional (compatible for senders; readers may now see it missing).',
    messages: {
      optional: '{{target}} is no longer required',
    },
  },
  diff: { breaks: NOBODY },
};

export const typeNarrowed: Rule = {
  meta: {
    id: 'diff/type-narrowed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A type accepts less than before (number to integer, a type or `null` dropped from a union): senders of the dropped values now fail.',
    messages: {
      narrowed: '{{target}} no longer accepts {{values}} (type {{from}} → {{to}})',
      alternative: '{{target}} no longer accepts {{values}}',
    },
  },
  diff: { breaks: SENDERS },
};

export const typeWidened: Rule = {
  meta: {
    id: 'diff/type-widened',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A type accepts more than before (integer to number, `null` or another type added): senders are fine, but columns and dashboards see values they did not before.',
    messages: {
      widened: '{{target}} now also accepts {{values}} (type {{from}} → {{to}})',
      alternative: '{{target}} now also accepts {{values}}',
    },
  },
  diff: { breaks: CONSUMERS },
};

export const typeChanged: Rule = {
  meta: {
    id: 'diff/type-changed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A type changed to one that neither contains nor is contained in the old (string to number): breaks senders and readers.',
    messages: {
      changed: '{{target}} changed type from {{from}} to {{to}}',
    },
  },
  diff: { breaks: BOTH },
};

export const enumValueRemoved: Rule = {
  meta: {
    id: 'diff/enum-value-removed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'An allowed value (`enum` or `const`) was removed or renamed: senders of it now fail, and filters on it find nothing.',
    messages: {
      removed: '{{target}} no longer allows {{values}}',
      renamed: '{{target}} no longer allows {{from}} but now allows {{to}}: renamed?',
    },
  },
  diff: { breaks: BOTH },
};

export const enumValueAdded: Rule = {
  meta: {
    id: 'diff/enum-value-added',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A new allowed value in an `enum` (compatible).',
    messages: {
      added: '{{target}} now also allows {{values}}',
    },
  },
  diff: { breaks: NOBODY },
};

export const constraintTightened: Rule = {
  meta: {
    id: 'diff/constraint-tightened',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A bound, `format`, `pattern`, `enum`, `const`, `multipleOf`, `uniqueItems` or closed object was added or made stricter: senders of values it now rejects fail.',
    messages: {
      added: '{{target}} gained {{keyword}}: {{to}}',
      tightened: '{{target}}: {{keyword}} tightened from {{from}} to {{to}}',
      changed: '{{target}}: {{keyword}} changed from {{from}} to {{to}}',
    },
  },
  diff: { breaks: SENDERS },
};

export const constraintLoosened: Rule = {
  meta: {
    id: 'diff/constraint-loosened',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A bound, `format`, `pattern`, `enum` or `const` was removed or made looser (compatible).',
    messages: {
      removed: '{{target}} no longer has {{keyword}} {{from}}',
      loosened: '{{target}}: {{keyword}} loosened from {{from}} to {{to}}',
    },
  },
  diff: { breaks: NOBODY },
};

export const patternChanged: Rule = {
  meta: {
    id: 'diff/pattern-changed',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A `pattern` changed: possibly tightened, since whether one regular expression accepts everything another does cannot be told in general.',
    messages: {
      changed: '{{target}}: pattern changed from {{from}} to {{to}}, possibly tightened (cdp cannot prove the new one accepts all the old one did)',
    },
  },
  diff: { breaks: SENDERS },
};

export const policyTightened: Rule = {
  meta: {
    id: 'diff/policy-tightened',
    type: 'problem',
    defaultSeverity: 'error',
    description: '`unplanned_properties`, `unplanned_traits` or `unplanned_events` became `error`: senders of anything unplanned now fail.',
    messages: {
      tightened: '{{policy}} of {{subject}} tightened from {{from}} to error: senders of unplanned {{what}} now fail',
    },
  },
  diff: { breaks: SENDERS },
};

export const policyChanged: Rule = {
  meta: {
    id: 'diff/policy-changed',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'An unplanned-data policy was loosened, or moved between `off` and `warn` (nothing that passed now fails).',
    messages: {
      changed: '{{policy}} of {{subject}} changed from {{from}} to {{to}}',
    },
  },
  diff: { breaks: NOBODY },
};

export const schemaChanged: Rule = {
  meta: {
    id: 'diff/schema-changed',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'A JSON Schema keyword cdp does not classify (`allOf`, `not`, `if`, `patternProperties`, tuple `items`, ...) changed: review it by hand.',
    messages: {
      changed: '{{target}}: {{keyword}} changed; cdp does not classify this keyword, review it by hand',
    },
  },
  diff: { breaks: NOBODY },
};

export const descriptionChanged: Rule = {
  meta: {
    id: 'diff/description-changed',
    type: 'suggestion',
    defaultSeverity: 'warn',
    description: 'Documentation changed: a description, examples, title, default, tags, owner or deprecation (compatible).',
    messages: {
      changed: '{{target}}: {{field}} changed',
      deprecated: '{{target}} is now deprecated',
    },
  },
  diff: { breaks: NOBODY },
};

/** In documentation order: what is gone, what changed, what was added. */
export const DIFF_RULES: readonly Rule[] = [
  eventRemoved,
  eventRenamed,
  eventAdded,
  propertyRemoved,
  propertyRenamed,
  propertyAdded,
  propertyRequired,
  propertyOptional,
  typeNarrowed,
  typeWidened,
  typeChanged,
  enumValueRemoved,
  enumValueAdded,
  constraintTightened,
  constraintLoosened,
  patternChanged,
  policyTightened,
  policyChanged,
  schemaChanged,
  descriptionChanged,
];
