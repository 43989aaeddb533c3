import { eventCase } from './naming/event-case.js';
import { propertyCase } from './naming/property-case.js';
import { duplicateEvent } from './plan/duplicate-event.js';
import { impossibleBounds } from './plan/impossible-bounds.js';
import { missingDescription } from './plan/missing-description.js';
import { requiredNotDeclared } from './plan/required-not-declared.js';
import { similarEvent } from './plan/similar-event.js';
import { specAlternative } from './plan/spec-alternative.js';
import { typeKeywordMismatch } from './plan/type-keyword-mismatch.js';
import { unsafePattern } from './plan/unsafe-pattern.js';
import { nameTooLong } from './spec/name-too-long.js';
import { maxDepth } from './spec/max-depth.js';
import { invalidIntegrations } from './spec/invalid-integrations.js';
import { invalidTimestamp } from './spec/invalid-timestamp.js';
import { missingIdentityRule } from './spec/missing-identity.js';
import { invalidEvent, invalidJson, unknownType } from './spec/payload-shape.js';
import { deprecatedEvent } from './plan/deprecated-event.js';
import { invalidValue } from './plan/invalid-value.js';
import { missingRequired } from './plan/missing-required.js';
import { unplannedEvent } from './plan/unplanned-event.js';
import { unplannedProperty } from './plan/unplanned-property.js';
import { versionMismatch } from './plan/version-mismatch.js';
import { dynamicEventName } from './scan/dynamic-event-name.js';
import { parseError } from './scan/parse-error.js';
import { skippedFile } from './scan/skipped-file.js';
import { tooDeep } from './scan/too-deep.js';
import { DIFF_RULES } from './diff/rules.js';
import type { Rule } from './types.js';

/**
 * Every configurable rule, in documentation order. For payloads the order is also the order in
 * which rules see each event: the Segment spec first, then the plan, then naming.
 */
export const RULES: readonly Rule[] = [
  invalidJson,
  invalidEvent,
  unknownType,
  missingIdentityRule,
  invalidTimestamp,
  invalidIntegrations,
  nameTooLong,
  maxDepth,
  unplannedEvent,
  missingRequired,
  unplannedProperty,
  invalidValue,
  deprecatedEvent,
  versionMismatch,
  eventCase,
  propertyCase,
  duplicateEvent,
  similarEvent,
  specAlternative,
  missingDescription,
  impossibleBounds,
  requiredNotDeclared,
  typeKeywordMismatch,
  unsafePattern,
  dynamicEventName,
  parseError,
  skippedFile,
  tooDeep,
  ...DIFF_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Problems that stop a command from doing its job, raised before any rule can run: a plan that
 * cannot be loaded or compiled, an input that cannot be read. They cannot be configured, and
 * they always lead to exit code 2.
 */
export const FATAL_PROBLEMS: Record<string, string> = {
  'input/unreadable': 'An input of `cdp lint` cannot be read, or not to its end (missing file, directory, corrupt gzip); the rest is still checked.',
  'plan/io-error': 'A plan file (or an included one) cannot be read.',
  'plan/yaml-syntax': 'A plan file is not valid YAML (including tab indentation).',
  'plan/duplicate-key': 'A key appears twice in the same YAML map.',
  'plan/alias-limit': 'A plan file expands YAML aliases beyond the safety limit ("billion laughs"), or uses an alias inside its own anchor.',
  'plan/invalid-format': 'A plan file does not match the plan format (unknown keys, wrong value types, empty file).',
  'plan/invalid-include': 'An `include` forms a cycle, repeats a file, or an included file sets root-only keys.',
  'plan/duplicate-definition': 'The same event, page, screen, type or traits section is defined in two files.',
  'plan/unknown-type-ref': 'A property refers to a type that is neither a JSON type nor defined in `types`.',
  'plan/type-cycle': 'Reusable types refer to each other in a cycle (A -> B -> A).',
  'plan/invalid-schema': 'A compiled schema is rejected by the JSON Schema validator (for example a pattern that is not a valid regular expression, or one RE2 cannot run in linear time, such as a lookahead).',
};

/**
 * Problems of cdp itself, reported where they happen instead of stopping the run: not rules, so
 * they cannot be configured; each one counts its event (or file) as invalid, at severity error.
 */
export const INTERNAL_PROBLEMS: Record<string, string> = {
  'internal/check-failed': 'cdp failed while checking one event (or one file of `cdp scan`): a bug in cdp. That event or file is reported with the error, and the rest of the input is still checked.',
};
