import type { JsonSchema } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import type { SpecProperty } from './property-types.js';

/**
 * Properties of page and screen calls that the Segment spec reserves and the official SDKs fill in
 * by themselves. A plan that does not declare them still allows them, with the spec's types,
 * whatever its unplanned_properties policy: a plain `analytics.page()` must not draw warnings
 * nobody wrote. A plan that declares one gets its own definition instead. lint, scan, compile,
 * codegen and schema-report all read this one table.
 */

export type SpecCall = 'page' | 'screen';

export interface CallProperty extends SpecProperty {
  /** The calls that carry it. */
  readonly calls: readonly SpecCall[];
  /** Where the fact comes from: the spec, or the SDK code (package, version, file) that adds it. */
  readonly sources: readonly string[];
}

const PAGE_SPEC = 'Segment Spec: Page, reserved properties';
const PAGE_CONTEXT =
  '@segment/analytics-next 1.84.3 src/core/page/add-page-context.ts: addPageContext() sets it from @segment/analytics-page-tools 1.0.0 getDefaultPageContext() unless the caller did';

const page = (description: string, ...sources: string[]): CallProperty => ({ type: 'string', description, calls: ['page'], sources: [PAGE_SPEC, ...sources] });

export const CALL_PROPERTIES: Readonly<Record<string, CallProperty>> = {
  name: {
    type: 'string',
    description: 'Name of the page or screen',
    calls: ['page', 'screen'],
    sources: [
      PAGE_SPEC,
      'Segment Spec: Screen, reserved properties',
      '@segment/analytics-next 1.84.3 src/core/page/add-page-context.ts: properties.name = event.name when the page has a name',
    ],
  },
  category: page(
    'Category of the page',
    '@segment/analytics-core 1.8.3 src/events/index.ts: page() copies the category into properties.category (used by @segment/analytics-next 1.84.3 and @segment/analytics-node 3.1.0)',
  ),
  path: page('Path of the page URL', PAGE_CONTEXT),
  referrer: page('Address of the previous page', PAGE_CONTEXT),
  search: page('Query string of the page URL', PAGE_CONTEXT),
  title: page('Title of the page', PAGE_CONTEXT),
  url: page('Full address of the page, without its hash', PAGE_CONTEXT),
  keywords: { type: 'array', items: { type: 'string' }, description: 'Keywords of the page content', calls: ['page'], sources: [PAGE_SPEC] },
};

const BY_CALL: Readonly<Record<SpecCall, ReadonlyMap<string, CallProperty>>> = {
  page: new Map(Object.entries(CALL_PROPERTIES).filter(([, p]) => p.calls.includes('page'))),
  screen: new Map(Object.entries(CALL_PROPERTIES).filter(([, p]) => p.calls.includes('screen'))),
};

/** The spec's properties of a page or screen call, by key. */
export function specCallProperties(call: SpecCall): ReadonlyMap<string, CallProperty> {
  return BY_CALL[call];
}

/** Whether `key`, at the top of a page's or screen's properties, is one the spec defines. */
export function isSpecCallProperty(call: string, key: string): boolean {
  return (call === 'page' || call === 'screen') && BY_CALL[call].has(key);
}

/** The JSON Schema of a spec property, as a plan would declare it. */
export function specPropertySchema(property: SpecProperty): JsonSchema {
  const schema: JsonSchema = { type: property.type };
  if (property.items) schema.items = specPropertySchema(property.items);
  if (property.description !== undefined) schema.description = property.description;
  return schema;
}

/**
 * A page's or screen's properties schema with the spec's properties the plan leaves undeclared added
 * (optional, after the plan's own). The plan's definition of one wins, stricter or looser.
 */
export function withSpecProperties(call: SpecCall, schema: JsonSchema): JsonSchema {
  const declared = (schema.properties ?? {}) as JsonSchema;
  const missing = [...BY_CALL[call]].filter(([key]) => !Object.hasOwn(declared, key));
  if (missing.length === 0) return schema;
  const properties: JsonSchema = {};
  for (const [key, value] of Object.entries(declared)) setOwn(properties, key, value);
  for (const [key, property] of missing) properties[key] = specPropertySchema(property);
  return { ...schema, properties };
}
