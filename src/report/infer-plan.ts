/**
 * A draft plan from what a log holds (`cdp schema-report --infer`): the fastest way to adopt cdp on an
 * existing product. Types as seen, `required` where a property was present every time, enums for
 * small sets of string values seen often enough to trust. The result is a plain plan document
 * (what the YAML loader would read); the yaml format writes it.
 */
import { compareCodeUnits } from '../core/compare.js';
import { normalizeName } from '../naming/distance.js';
import { setOwn } from '../core/set-own.js';
import { isSpecCallProperty } from '../spec/call-properties.js';
import type { CoverageAggregator, PathNode, Row } from './aggregate.js';

/** A string property becomes an enum when it has at least two (one value is a constant so far)... */
const ENUM_MIN_VALUES = 2;
/** ...and at most this many distinct values... */
const ENUM_MAX_VALUES = 10;
/** ...and was seen at least this many times per distinct value (a few events prove nothing). */
const ENUM_MIN_SAMPLES_PER_VALUE = 5;
/** Segment's limit on event and property names; longer ones cannot go into a plan. */
const MAX_NAME = 255;

type SchemaDoc = string | { [key: string]: unknown };

export interface InferredPlan {
  document: { [key: string]: unknown };
  /** What could not be carried into the plan, one sentence each. */
  skipped: string[];
}

export function inferPlan(aggregator: CoverageAggregator): InferredPlan {
  const skipped: string[] = [];
  const events: Record<string, unknown> = {};
  const pages: Record<string, unknown> = {};
  const screens: Record<string, unknown> = {};
  const sections: { identify?: unknown; group?: unknown } = {};
  const taken = { track: new Map<string, string>(), page: new Map<string, string>(), screen: new Map<string, string>() };
  // The most frequent spelling of a name wins; the plan would reject the others as duplicates.
  for (const row of [...aggregator.rows.values()].sort((a, b) => b.count - a.count || byName(a, b))) {
    const body = objectSchema(row.root, row.count, skipped, label(row));
    switch (row.type) {
      case 'track':
      case 'page':
      case 'screen': {
        if (row.name === null || row.name === '' || Array.from(row.name).length > MAX_NAME) {
          if (row.type === 'track') skipped.push(`${row.count} track events with ${row.name === null ? 'no' : row.name === '' ? 'an empty' : 'a too long'} event name`);
          continue;
        }
        const key = normalizeName(row.name);
        const winner = taken[row.type].get(key);
        if (winner !== undefined) {
          skipped.push(`${label(row)} (${row.count} events): its name differs from ${JSON.stringify(winner)} only in case or separators`);
          continue;
        }
        taken[row.type].set(key, row.name);
        const target = row.type === 'track' ? events : row.type === 'page' ? pages : screens;
        setOwn(target, row.name, { properties: withoutSpecProperties(row.type, body.properties ?? {}) });
        break;
      }
      case 'identify':
      case 'group':
        sections[row.type] = { traits: body.properties ?? {} };
        break;
      case 'alias':
        break;
    }
  }
  const document: Record<string, unknown> = {
    plan: 'inferred',
    version: 1,
    // Names are kept as the data spells them; the conventions are for the team to switch on.
    conventions: { event: 'off', property: 'off' },
    events: sortedByKey(events),
  };
  if (Object.keys(pages).length > 0) document.pages = sortedByKey(pages);
  if (Object.keys(screens).length > 0) document.screens = sortedByKey(screens);
  if (sections.identify) document.identify = sections.identify;
  if (sections.group) document.group = sections.group;
  return { document, skipped };
}

/** `{ properties: {...} }` for an object node seen `objects` times, each child `required` when always there. */
function objectSchema(node: PathNode, objects: number, skipped: string[], where: string): { properties?: Record<string, unknown> } {
  if (!node.children || node.children.size === 0) return {};
  const properties: Record<string, unknown> = {};
  for (const [key, child] of node.children) {
    if (Array.from(key).length > MAX_NAME || key === '') {
      skipped.push(`${where}: a property with ${key === '' ? 'an empty' : 'a too long'} name`);
      continue;
    }
    let schema = valueSchema(child, skipped, `${where} › ${key}`);
    if (child.count === objects) schema = { ...(typeof schema === 'string' ? { type: schema } : schema), required: true };
    setOwn(properties, key, schema);
  }
  return { properties };
}

function valueSchema(node: PathNode, skipped: string[], where: string): SchemaDoc {
  const seen = (['string', 'integer', 'number', 'boolean', 'object', 'array'] as const).filter((t) => node.typeCount(t) > 0);
  // An integer is a number: a property seen as both is a number.
  const types: string[] = seen.includes('number') ? seen.filter((t) => t !== 'integer') : [...seen];
  const nullable = node.typeCount('null') > 0;
  if (types.length === 0) return nullable ? 'null' : {};
  const schema: Record<string, unknown> = { type: nullable ? [...types, 'null'] : types.length === 1 ? types[0] : types };
  if (types.length === 1 && types[0] === 'object') Object.assign(schema, objectSchema(node, node.typeCount('object'), skipped, where));
  if (types.length === 1 && types[0] === 'array' && node.items) schema.items = valueSchema(node.items, skipped, `${where}[]`);
  const values = enumValues(node, types);
  if (values) schema.enum = nullable ? [...values, null] : values;
  const keys = Object.keys(schema);
  return keys.length === 1 && typeof schema.type === 'string' ? schema.type : schema;
}

function enumValues(node: PathNode, types: string[]): string[] | undefined {
  if (types.length !== 1 || types[0] !== 'string' || !node.values) return undefined;
  const strings = [...node.values].filter(([v]) => typeof v === 'string') as Array<[string, number]>;
  const counted = strings.reduce((sum, [, n]) => sum + n, 0);
  const total = node.typeCount('string');
  // Long strings are not counted as values: if any were seen, the set is not the whole story.
  if (counted !== total || strings.length < ENUM_MIN_VALUES || strings.length > ENUM_MAX_VALUES || total < strings.length * ENUM_MIN_SAMPLES_PER_VALUE) return undefined;
  return strings.map(([v]) => v).sort();
}

/**
 * The properties the Segment spec defines on every page or screen (url, title, ...) are left to the
 * spec: declaring them would only repeat it, and would make the types seen, right or wrong, the plan's.
 */
function withoutSpecProperties(type: string, properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) if (!isSpecCallProperty(type, key)) setOwn(out, key, value);
  return out;
}

function sortedByKey(map: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort()) setOwn(sorted, key, map[key]);
  return sorted;
}

function byName(a: Row, b: Row): number {
  const x = `${a.type}\u0000${a.name ?? ''}`;
  const y = `${b.type}\u0000${b.name ?? ''}`;
  return compareCodeUnits(x, y);
}

function label(row: Row): string {
  return row.name === null ? row.type : `${row.type} ${JSON.stringify(row.name)}`;
}
