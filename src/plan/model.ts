import type { SeverityOption } from '../core/diagnostic.js';
import type { SourceMap } from './source-map.js';

/** A JSON Schema (draft-07) fragment after the plan's sugar has been expanded. */
export type JsonSchema = { [keyword: string]: unknown };

/** Where a piece of the plan was written: a file and a JSON pointer into it. */
export interface PlanNode {
  file: string;
  pointer: string;
}

export type Policy = SeverityOption;

export type RawConvention = string | { pattern: string; description?: string };

/** A reusable definition from `types`. */
export interface TypeDefinition extends PlanNode {
  name: string;
  schema: JsonSchema | boolean;
}

export type EventKind = 'track' | 'page' | 'screen';

/** A track event, a named page or a named screen. */
export interface PlanEvent extends PlanNode {
  kind: EventKind;
  name: string;
  description?: string;
  version?: number | string;
  deprecated?: boolean | string;
  /** Overrides the plan's `defaults.unplanned_properties` for this event. */
  unplannedProperties?: Policy;
  /** Object schema of the event's `properties` (type, properties, required). */
  properties: JsonSchema;
  examples?: unknown[];
  tags?: string[];
  owner?: string;
}

/** The `identify` or `group` section. */
export interface TraitsSection extends PlanNode {
  kind: 'identify' | 'group';
  description?: string;
  unplannedTraits?: Policy;
  /** Object schema of the traits. */
  traits: JsonSchema;
  examples?: unknown[];
}

export interface Plan {
  name?: string;
  version?: number | string;
  description?: string;
  /** The root plan file. */
  file: string;
  /** Every file the plan was read from, root first, then includes in the order met. */
  files: string[];
  conventions: { event?: RawConvention; property?: RawConvention };
  defaults: { unplannedEvents: Policy; unplannedProperties: Policy };
  types: Map<string, TypeDefinition>;
  events: Map<string, PlanEvent>;
  pages: Map<string, PlanEvent>;
  screens: Map<string, PlanEvent>;
  identify?: TraitsSection;
  group?: TraitsSection;
  sources: Map<string, SourceMap>;
}

export const DEFAULT_POLICIES = { unplannedEvents: 'error', unplannedProperties: 'warn' } as const satisfies Plan['defaults'];

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export function isJsonType(value: unknown): value is JsonType {
  return typeof value === 'string' && (JSON_TYPES as readonly string[]).includes(value);
}

/** Prefix of a reference to a reusable type inside the plan model. */
export const TYPE_REF_PREFIX = '#/types/';

/** draft-07 keywords whose value is one subschema (booleans allowed where JSON Schema allows them). */
export const SINGLE_SUBSCHEMA_KEYWORDS: ReadonlySet<string> = new Set(['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
/** draft-07 keywords whose value is a list of subschemas. */
export const SUBSCHEMA_LIST_KEYWORDS: ReadonlySet<string> = new Set(['allOf', 'anyOf', 'oneOf']);
