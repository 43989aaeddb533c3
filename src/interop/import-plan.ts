import { basename } from 'node:path';
import { DEFAULT_POLICIES, type JsonSchema, type Policy } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { specCallProperties, specPropertySchema } from '../spec/call-properties.js';
import { createAjv } from '../validate/ajv.js';
import { ImportNotes, type Path } from './import-notes.js';
import { SHAPE_LABELS, type ImportSource, type ImportedRule, type RuleKind } from './import-source.js';
import { liftSharedShapes } from './lift-types.js';
import { writePlanYaml } from './plan-document.js';
import { isObject } from './read-shapes.js';
import { convertProperty, convertPropertyMap, type ConvertContext } from './schema-to-plan.js';
import { compareVersions } from './versions.js';
import { canonical } from './canonical.js';

export interface ImportStats {
  /** Track events, pages and screens written, plus identify and group when present. */
  events: number;
  track: number;
  pages: number;
  screens: number;
  identify: boolean;
  group: boolean;
  types: number;
  /** JSON Schema keywords written as they came (beyond type, description, properties, required, items and $ref). */
  keptKeywords: number;
  /** Comments that say what needed a judgement. */
  judgements: number;
}

export interface ImportResult {
  yaml: string;
  stats: ImportStats;
}

const SECTIONS: Record<'track' | 'page' | 'screen', string> = { track: 'events', page: 'pages', screen: 'screens' };
const DRAFT_07 = /draft-07/;

/**
 * Writes a plan in cdp's format from a plan read in another shape. `origin` names the input in the
 * plan's header comment.
 */
export function importPlan(source: ImportSource, origin: string): ImportResult {
  const notes = new ImportNotes();
  const formats = new Set(Object.keys(createAjv().formats));
  const rules = highestVersions(source.rules, notes);
  const policies = choosePolicies(rules, notes);
  const closed = (policy: Policy) => policy !== 'off';

  const plan: JsonSchema = { plan: source.name ?? basename(origin).replace(/\.[^.]+$/, '') };
  if (source.description !== undefined) plan.description = source.description;
  if (source.version !== undefined) plan.version = source.version;
  plan.defaults = { unplanned_events: DEFAULT_POLICIES.unplannedEvents, unplanned_properties: policies.default };
  const types: JsonSchema = {};
  const definitions = new Map<string, string>();
  const sections: Record<string, JsonSchema> = { events: {}, pages: {}, screens: {} };
  const traits: Record<string, JsonSchema> = {};

  for (const rule of rules) {
    const override = policies.byRule.get(rule);
    const ctx: ConvertContext = { notes, refs: new Map(), formats, closedByPolicy: closed(override ?? policies.default) };
    if (rule.kind === 'common' || ((rule.kind === 'page' || rule.kind === 'screen') && rule.name === undefined)) {
      notes.note(unplaceable(rule));
      continue;
    }
    const path = rulePath(rule);
    const slot = rule.kind === 'identify' || rule.kind === 'group' ? 'traits' : 'properties';
    const body = readMessage(rule, slot, path, ctx, { types, sources: definitions });
    const entry: JsonSchema = {};
    const description = rule.description ?? (typeof body?.description === 'string' ? body.description : undefined);
    if (description !== undefined && description !== '') entry.description = description;
    if (rule.version !== undefined && slot === 'properties') entry.version = rule.version;
    if (rule.deprecatedAt !== undefined && slot === 'properties') entry.deprecated = `Deprecated in Segment on ${rule.deprecatedAt}`;
    const tags = labelTags(rule.labels);
    if (tags.length > 0 && slot === 'properties') {
      entry.tags = tags;
      notes.tally('labels', (n) => `Segment's labels of ${n} rule(s) became tags written key:value (cdp export turns them back into labels).`);
    }
    if (override !== undefined) entry[slot === 'traits' ? 'unplanned_traits' : 'unplanned_properties'] = override;
    if (body) {
      const source = pageProperties(rule.kind, body, notes);
      const map = convertPropertyMap(source, [...path, slot], stringList(body.required), ctx);
      if (map.undeclared.length > 0) entry.required = map.undeclared;
      if (Object.keys(map.properties).length > 0) entry[slot] = map.properties;
    }
    if (rule.kind === 'identify' || rule.kind === 'group') traits[rule.kind] = entry;
    else setOwn(sections[SECTIONS[rule.kind]]!, rule.name!, entry);
  }
  if (source.traitLists) notes.note(`identify_traits/group_traits were not empty and have no place in the plan: ${JSON.stringify(source.traitLists)}`);

  if (Object.keys(types).length > 0) plan.types = types;
  plan.events = sections.events;
  for (const key of ['identify', 'group'] as const) if (traits[key]) plan[key] = traits[key];
  if (Object.keys(sections.pages!).length > 0) plan.pages = sections.pages;
  if (Object.keys(sections.screens!).length > 0) plan.screens = sections.screens;
  liftSharedShapes(plan, notes, closed(policies.default), (section, name) => {
    const rule = rules.find((r) => r.name === name && SECTIONS[r.kind as 'track'] === section);
    return closed(policies.byRule.get(rule!) ?? policies.default);
  });

  const header = [`Imported by \`cdp import\` from ${basename(origin)}: ${SHAPE_LABELS[source.shape]}.`, ...notes.headerNotes()];
  const yaml = writePlanYaml(plan, header, notes.comments, [policies.comment]);
  const count = (key: string) => Object.keys((plan[key] ?? {}) as object).length;
  const stats: ImportStats = {
    events: count('events') + count('pages') + count('screens') + (plan.identify ? 1 : 0) + (plan.group ? 1 : 0),
    track: count('events'),
    pages: count('pages'),
    screens: count('screens'),
    identify: plan.identify !== undefined,
    group: plan.group !== undefined,
    types: count('types'),
    keptKeywords: notes.keptKeywords,
    judgements: notes.judgements + 1,
  };
  return { yaml, stats };
}

/**
 * Segment keeps the highest version of an event and so does the import; the others are named in a
 * comment so nobody wonders where they went.
 */
function highestVersions(rules: ImportedRule[], notes: ImportNotes): ImportedRule[] {
  const byKey = new Map<string, ImportedRule[]>();
  for (const rule of rules) {
    const key = `${rule.kind}\u0000${rule.name ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), rule]);
  }
  const kept: ImportedRule[] = [];
  for (const group of byKey.values()) {
    if (group.length === 1 || group[0]!.kind === 'common' || (group[0]!.name === undefined && group[0]!.kind !== 'identify' && group[0]!.kind !== 'group')) {
      kept.push(...group);
      continue;
    }
    const best = group.reduce((a, b) => (compareVersions(b.version, a.version) >= 0 ? b : a));
    kept.push(best);
    const path = rulePath(best);
    const versions = group.map((r) => (r.version === undefined ? `(no version) at ${r.where}` : String(r.version))).join(', ');
    notes.comment(path, `The input has ${group.length} rules for this (versions ${versions}); kept ${best.version ?? `the last, ${best.where}`}, the highest, as Segment does.`);
  }
  return kept;
}

/** Where a rule's entry goes in the plan: `['events', name]`, `['identify']`, ... */
function rulePath(rule: ImportedRule): Path {
  return rule.kind === 'identify' || rule.kind === 'group' || rule.kind === 'common' ? [rule.kind] : [SECTIONS[rule.kind], rule.name ?? ''];
}

interface Policies {
  default: Policy;
  byRule: Map<ImportedRule, Policy>;
  comment: string;
}

/**
 * Segment's JSON does not say whether unplanned properties are allowed (a per-source setting), so
 * cdp's default stays unless the rules say it with `additionalProperties` (RudderTyper does).
 */
function choosePolicies(rules: ImportedRule[], notes: ImportNotes): Policies {
  const said = new Map<ImportedRule, Policy>();
  let bodies = 0;
  for (const rule of rules) {
    const body = messageBody(rule);
    if (!body || rule.kind === 'common') continue;
    bodies++;
    if (typeof body.additionalProperties === 'boolean') said.set(rule, body.additionalProperties ? 'off' : 'error');
  }
  const counts = new Map<Policy, number>();
  for (const p of said.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  if (said.size === bodies && bodies > 0) {
    const [only] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const byRule = new Map([...said].filter(([, p]) => p !== only));
    const how = only === 'error' ? 'additionalProperties: false' : 'additionalProperties: true';
    const most = byRule.size === 0 ? (bodies === 1 ? 'The rule of the input says' : 'Every rule of the input says') : 'Most rules of the input say';
    if (byRule.size > 0) notes.tally('policy', (n) => `${n} rule(s) said otherwise: their unplanned_properties says what they said.`);
    return { default: only, byRule, comment: `${most} ${how}: unplanned properties are ${only === 'error' ? 'errors' : 'allowed'}. Unplanned events keep cdp's default.` };
  }
  const fallback = DEFAULT_POLICIES.unplannedProperties;
  const comment =
    said.size === 0
      ? "The input does not say whether unplanned properties are allowed (Segment sets that per source): cdp's defaults apply. Change them here."
      : `Rules that say additionalProperties carry their own unplanned_properties; the others keep cdp's default (${fallback}).`;
  const byRule = new Map([...said].filter(([, p]) => p !== fallback));
  if (byRule.size > 0) notes.tally('policy', (n) => `${n} rule(s) said additionalProperties: their unplanned_properties says the same.`);
  return { default: fallback, byRule, comment };
}

function messageBody(rule: ImportedRule): JsonSchema | undefined {
  const props = rule.message.properties;
  if (!isObject(props)) return undefined;
  const slot = rule.kind === 'identify' || rule.kind === 'group' ? 'traits' : 'properties';
  return isObject(props[slot]) ? props[slot] : undefined;
}

/**
 * The event's properties schema out of the whole-message schema. Everything else a message rule
 * may say (context, other fields, its own definitions) is either taken in or commented.
 */
function readMessage(rule: ImportedRule, slot: 'properties' | 'traits', path: Path, ctx: ConvertContext, types: TypeTable): JsonSchema | undefined {
  const message = rule.message;
  const body = messageBody(rule);
  for (const [key, value] of Object.entries(message)) {
    switch (key) {
      case 'type':
        if (value !== 'object') ctx.notes.comment(path, `The rule's type ${JSON.stringify(value)} left out: a message is an object.`);
        break;
      case '$schema':
        if (typeof value === 'string' && !DRAFT_07.test(value)) ctx.notes.comment(path, `The rule declared ${value}; the plan compiles every event to draft-07.`);
        break;
      case 'required': {
        const other = stringList(value).filter((k) => k !== slot);
        if (other.length > 0) ctx.notes.comment(path, `The rule also required the message fields ${other.join(', ')}; the plan checks message fields against the Segment spec only.`);
        break;
      }
      case 'properties':
        for (const [field, schema] of Object.entries(isObject(value) ? value : {})) {
          if (field === slot || trivial(schema)) continue;
          ctx.notes.comment(path, `The rule's ${field} schema has no place in the plan (it describes ${slot} only): ${JSON.stringify(schema)}`);
        }
        break;
      case 'definitions':
        registerDefinitions(value, ctx, types);
        break;
      case 'id':
      case '$id':
        ctx.notes.tally('rule-ids', (n) => `${n} rule \`id\`/\`$id\`(s) left out: the plan names events by their keys.`);
        break;
      case 'title':
        if (value !== rule.name && !(rule.name === undefined && typeof value === 'string' && /^(identify|group)$/i.test(value))) {
          ctx.notes.comment(path, `The rule's title ${JSON.stringify(value)} left out: the plan names the event by its key.`);
        }
        break;
      case 'description':
      case 'labels':
      case 'eventMetadata':
        break;
      default:
        ctx.notes.comment(path, `The rule's ${key}: ${JSON.stringify(value)} left out: it is about the message, not its ${slot}.`);
    }
  }
  if (!body) return undefined;
  if (isObject(body.definitions)) registerDefinitions(body.definitions, ctx, types);
  for (const [key, value] of Object.entries(body)) {
    if (['properties', 'required', 'additionalProperties', 'definitions', 'description'].includes(key)) continue;
    if (key === 'type' && value === 'object') continue;
    if (key === 'id' || key === '$id' || key === '$schema') continue;
    ctx.notes.comment(path, `${key}: ${JSON.stringify(value)} on the ${slot} as a whole left out: the plan describes them one by one.`);
  }
  if (isObject(body.additionalProperties)) ctx.notes.comment(path, `additionalProperties ${JSON.stringify(body.additionalProperties)} left out: the plan's unplanned_properties policy decides.`);
  return body;
}

/** The plan's types and the JSON each was read from, so one definition met in many rules becomes one type. */
interface TypeTable {
  types: JsonSchema;
  sources: Map<string, string>;
}

/** A rule's `definitions` become plan types; a name taken by a different shape gets a suffix. */
function registerDefinitions(value: unknown, ctx: ConvertContext, { types, sources }: TypeTable): void {
  if (!isObject(value)) return;
  for (const [name, schema] of Object.entries(value)) {
    const base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || '_';
    const text = JSON.stringify(schema);
    let candidate = base;
    for (let i = 2; sources.has(candidate) && sources.get(candidate) !== text; i++) candidate = `${base}_${i}`;
    ctx.refs.set(name, candidate);
    if (sources.has(candidate)) continue;
    sources.set(candidate, text);
    setOwn(types, candidate, convertProperty(schema, ['types', candidate], ctx));
    if (candidate !== name) ctx.notes.comment(['types', candidate], `Definition ${JSON.stringify(name)} of the input, renamed to be a type name.`);
  }
}

/** A page's properties the Segment spec defines, exactly as cdp would add them, need no entry. */
function pageProperties(kind: RuleKind, body: JsonSchema, notes: ImportNotes): JsonSchema {
  const properties = isObject(body.properties) ? body.properties : {};
  if (kind !== 'page' && kind !== 'screen') return properties;
  const required = stringList(body.required);
  const spec = specCallProperties(kind);
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(properties)) {
    const known = spec.get(key);
    if (known && !required.includes(key) && sameJson(value, specPropertySchema(known))) {
      notes.tally('spec-page', (n) => `${n} page/screen propert(ies) equal to the Segment spec's left out: cdp adds them to every page and screen.`);
      continue;
    }
    setOwn(out, key, value);
  }
  return out;
}

function unplaceable(rule: ImportedRule): string {
  const what = rule.kind === 'common' ? `The rule for every call (${rule.where})` : `The ${rule.kind} rule without a name (${rule.where})`;
  const why = rule.kind === 'common' ? 'cdp checks context and other message fields against the Segment spec, not the plan' : `the plan's ${SECTIONS[rule.kind as 'page']} are named`;
  return `${what} has no place in the plan: ${why}. It was: ${JSON.stringify(rule.message)}`;
}

function labelTags(labels: Record<string, unknown> | undefined): string[] {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}:${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

function trivial(schema: unknown): boolean {
  return isObject(schema) && Object.keys(schema).every((k) => k === 'type') && (schema.type === undefined || schema.type === 'object');
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
