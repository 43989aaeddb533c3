import type { JsonSchema } from '../plan/model.js';

/** The call a rule describes; `common` is Segment's rule for every call (Public API COMMON, v1 `global`). */
export type RuleKind = 'track' | 'page' | 'screen' | 'identify' | 'group' | 'common';

/** One rule of a tracking plan read from another tool, whatever shape it came in. */
export interface ImportedRule {
  kind: RuleKind;
  /** Event, page or screen name; absent for identify, group and common rules, and for unnamed page rules. */
  name?: string;
  description?: string;
  version?: number | string;
  /** JSON Schema of the whole message: event properties under `properties.properties`, traits under `properties.traits`. */
  message: JsonSchema;
  /** Segment's `labels` of the rule. */
  labels?: Record<string, unknown>;
  /** When Segment marked the rule deprecated (Public API `deprecatedAt`). */
  deprecatedAt?: string;
  /** Where the rule sits in the input, for messages: `rules[3]`, `rules.events[0]`, `track/order-completed.json`. */
  where: string;
}

export type ShapeName = 'config-api-v1' | 'ruddertyper' | 'public-api' | 'typewriter-composite' | 'json-schemas';

export const SHAPE_LABELS: Record<ShapeName, string> = {
  'config-api-v1': "Segment Config API v1 tracking plan (Typewriter's plan.json)",
  ruddertyper: 'RudderTyper tracking plan (RudderStack)',
  'public-api': 'Segment Public API tracking plan rules',
  'typewriter-composite': 'Typewriter 8+ plan.json (Public API rules, schemas unwrapped)',
  'json-schemas': 'JSON Schemas, one per event',
};

export interface ImportSource {
  shape: ShapeName;
  name?: string;
  description?: string;
  version?: number | string;
  rules: ImportedRule[];
  /** `identify_traits` / `group_traits` lists of Config API v1 plans when they are not empty. */
  traitLists?: Record<string, unknown>;
}

/** The input is not a plan shape cdp knows; the message says what was expected. */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}
