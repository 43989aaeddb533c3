import { eventCase } from './naming/event-case.js';
import { propertyCase } from './naming/property-case.js';
import { duplicateEvent } from './plan/duplicate-event.js';
import { impossibleBounds } from './plan/impossible-bounds.js';
import { missingDescription } from './plan/missing-description.js';
import { requiredNotDeclared } from './plan/required-not-declared.js';
import { similarEvent } from './plan/similar-event.js';
import { specAlternative } from './plan/spec-alternative.js';
import { typeKeywordMismatch } from './plan/type-keyword-mismatch.js';
import { nameTooLong } from './spec/name-too-long.js';
import type { Rule } from './types.js';

/** Every configurable rule, in documentation order. */
export const RULES: readonly Rule[] = [
  eventCase,
  propertyCase,
  duplicateEvent,
  similarEvent,
  specAlternative,
  missingDescription,
  impossibleBounds,
  requiredNotDeclared,
  typeKeywordMismatch,
  nameTooLong,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Problems the loader and compiler raise before any rule can run. They cannot be configured:
 * a plan with one of them has no model to check, so they always stop the command (exit 2).
 */
export const FATAL_PLAN_PROBLEMS: Record<string, string> = {
  'plan/io-error': 'A plan file (or an included one) cannot be read.',
  'plan/yaml-syntax': 'A plan file is not valid YAML (including tab indentation).',
  'plan/duplicate-key': 'A key appears twice in the same YAML map.',
  'plan/alias-limit': 'A plan file expands YAML aliases beyond the safety limit ("billion laughs").',
  'plan/invalid-format': 'A plan file does not match the plan format (unknown keys, wrong value types, empty file).',
  'plan/invalid-include': 'An `include` forms a cycle, repeats a file, or an included file sets root-only keys.',
  'plan/duplicate-definition': 'The same event, page, screen, type or traits section is defined in two files.',
  'plan/unknown-type-ref': 'A property refers to a type that is neither a JSON type nor defined in `types`.',
  'plan/type-cycle': 'Reusable types refer to each other in a cycle (A -> B -> A).',
  'plan/invalid-schema': 'A compiled schema is rejected by the JSON Schema validator (for example a pattern that is not a valid regular expression).',
};
