import type { JsonSchema } from '../plan/model.js';
import { ImportFormatError, type ImportSource, type ImportedRule, type RuleKind, type ShapeName } from './import-source.js';

const PUBLIC_API_TYPES: Record<string, RuleKind> = { TRACK: 'track', PAGE: 'page', SCREEN: 'screen', IDENTIFY: 'identify', GROUP: 'group', COMMON: 'common' };
const RUDDER_TYPES: Record<string, RuleKind> = { track: 'track', page: 'page', screen: 'screen', identify: 'identify', group: 'group' };

/** Keys of a rule's schema that describe the rule, not the properties, when a schema is unwrapped. */
const RULE_KEYS = new Set(['$schema', '$id', 'id', 'title', 'description', 'labels', 'eventMetadata']);
/** Fields of a Segment message: a schema whose `properties` holds only these describes the whole message. */
const MESSAGE_FIELDS = new Set([
  'properties', 'traits', 'context', 'integrations', 'userId', 'anonymousId', 'groupId', 'previousId', 'event', 'name', 'category',
  'type', 'messageId', 'timestamp', 'sentAt', 'receivedAt', 'originalTimestamp', 'version',
]);

export const KNOWN_SHAPES =
  "Segment's Config API v1 plan (rules.events[]), a RudderTyper plan, Segment's Public API rules (rules[] with type and jsonSchema), " +
  "Typewriter 8+'s plan.json, `cdp compile` output, or JSON Schemas one per event";

/** Recognises the shape of a parsed JSON document by its content and reads its rules. */
export function readImportSource(value: unknown): ImportSource {
  if (!isObject(value)) throw new ImportFormatError(`Expected a JSON object holding a tracking plan; found ${describeValue(value)}. cdp imports ${KNOWN_SHAPES}.`);
  if (Array.isArray(value.rules)) return publicApi(value, value.rules);
  if (isObject(value.rules) && Array.isArray(value.rules.events)) return configApiV1(value, value.rules);
  if (Array.isArray(value.events) && value.events.every((e) => isObject(e) && isObject(e.rules))) return configApiV1(value, { events: value.events });
  if (isObject(value.track) && (isObject(value.page) || isObject(value.screen))) return compileBundle(value);
  if (looksLikeSchema(value)) return schemaSet([{ schema: value, where: '(the file)' }]);
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([, v]) => looksLikeSchema(v))) {
    return schemaSet(entries.map(([name, schema]) => ({ schema: schema as JsonSchema, where: name, name })));
  }
  const keys = Object.keys(value).slice(0, 8).join(', ');
  throw new ImportFormatError(`Not a tracking plan shape cdp knows (top-level keys: ${keys || 'none'}). cdp imports ${KNOWN_SHAPES}.`);
}

function publicApi(top: JsonSchema, rules: unknown[]): ImportSource {
  const composite = rules.some((r) => isObject(r) && isObject(r.jsonSchema) && isObject(r.jsonSchema.eventMetadata));
  const out: ImportedRule[] = rules.map((raw, i) => {
    const where = `rules[${i}]`;
    if (!isObject(raw) || typeof raw.type !== 'string' || !Object.hasOwn(PUBLIC_API_TYPES, raw.type) || !isObject(raw.jsonSchema)) {
      throw new ImportFormatError(`${where} is not a Public API rule: it needs "type" (${Object.keys(PUBLIC_API_TYPES).join(', ')}) and a "jsonSchema" object`);
    }
    const kind = PUBLIC_API_TYPES[raw.type]!;
    const schema = raw.jsonSchema;
    const message = isObject(schema.eventMetadata) || !looksLikeMessage(schema) ? wrap(schema, kind) : schema;
    const rule: ImportedRule = { kind, message, where };
    const name = typeof raw.key === 'string' && raw.key !== '' ? raw.key : nameFromMetadata(schema);
    if (name !== undefined && kind !== 'identify' && kind !== 'group' && kind !== 'common') rule.name = name;
    if (typeof schema.description === 'string') rule.description = schema.description;
    if (typeof raw.version === 'number' || typeof raw.version === 'string') rule.version = raw.version;
    if (isObject(schema.labels)) rule.labels = schema.labels;
    if (typeof raw.deprecatedAt === 'string' && !raw.deprecatedAt.startsWith('0001-')) rule.deprecatedAt = raw.deprecatedAt;
    return rule;
  });
  const source: ImportSource = { shape: composite ? 'typewriter-composite' : 'public-api', rules: out };
  return withPlanFields(source, top, top.name);
}

function nameFromMetadata(schema: JsonSchema): string | undefined {
  const meta = schema.eventMetadata;
  return isObject(meta) && typeof meta.name === 'string' && meta.name !== '' ? meta.name : undefined;
}

function configApiV1(top: JsonSchema, rules: JsonSchema): ImportSource {
  const events = rules.events as unknown[];
  const rudder = events.some((e) => isObject(e) && typeof e.eventType === 'string') || 'creationType' in top || 'workspaceId' in top;
  const at = top.rules === rules ? 'rules.events' : 'events';
  const out: ImportedRule[] = events.map((raw, i) => {
    const where = `${at}[${i}]`;
    if (!isObject(raw) || !isObject(raw.rules)) throw new ImportFormatError(`${where} has no "rules" object (the JSON Schema of the event)`);
    let kind: RuleKind = 'track';
    if (raw.eventType !== undefined) {
      if (typeof raw.eventType !== 'string' || !Object.hasOwn(RUDDER_TYPES, raw.eventType)) {
        throw new ImportFormatError(`${where} has eventType ${JSON.stringify(raw.eventType)}; expected one of ${Object.keys(RUDDER_TYPES).join(', ')}`);
      }
      kind = RUDDER_TYPES[raw.eventType]!;
    }
    const message = looksLikeMessage(raw.rules) ? raw.rules : wrap(raw.rules, kind);
    const rule: ImportedRule = { kind, message, where };
    if (typeof raw.name === 'string' && raw.name !== '' && kind !== 'identify' && kind !== 'group') rule.name = raw.name;
    const description = typeof raw.description === 'string' ? raw.description : message.description;
    if (typeof description === 'string') rule.description = description;
    if (typeof raw.version === 'number' || typeof raw.version === 'string') rule.version = raw.version;
    if (isObject(message.labels)) rule.labels = message.labels;
    return rule;
  });
  for (const kind of ['identify', 'group'] as const) {
    const message = rules[kind];
    if (!isObject(message)) continue;
    const rule: ImportedRule = { kind, message, where: `rules.${kind}` };
    if (typeof message.description === 'string') rule.description = message.description;
    out.push(rule);
  }
  if (isObject(rules.global)) out.push({ kind: 'common', message: rules.global, where: 'rules.global' });
  const source: ImportSource = { shape: rudder ? 'ruddertyper' : 'config-api-v1', rules: out };
  const lists: Record<string, unknown> = {};
  for (const key of ['identify_traits', 'group_traits']) {
    if (Array.isArray(rules[key]) && rules[key].length > 0) lists[key] = rules[key];
  }
  if (Object.keys(lists).length > 0) source.traitLists = lists;
  return withPlanFields(source, top, typeof top.display_name === 'string' ? top.display_name : top.name);
}

/** What `cdp compile` prints: `{ plan, version, track: {name: schema}, identify, group, page, screen }`. */
function compileBundle(top: JsonSchema): ImportSource {
  const items: SchemaItem[] = [];
  for (const kind of ['track', 'page', 'screen'] as const) {
    for (const [name, schema] of Object.entries((top[kind] ?? {}) as JsonSchema)) {
      if (!isObject(schema)) throw new ImportFormatError(`${kind}["${name}"] is not a JSON Schema object`);
      items.push({ schema, where: `${kind}["${name}"]`, name, kind });
    }
  }
  for (const kind of ['identify', 'group'] as const) if (isObject(top[kind])) items.push({ schema: top[kind], where: kind, kind });
  const source = schemaSet(items);
  return withPlanFields(source, top, top.plan);
}

export interface SchemaItem {
  schema: JsonSchema;
  where: string;
  name?: string;
  kind?: RuleKind;
}

/** Plain JSON Schemas: a name from the caller, else the schema's `title`; message-shaped or just the properties. */
export function schemaSet(items: SchemaItem[]): ImportSource {
  const rules = items.map(({ schema, where, name, kind = 'track' }): ImportedRule => {
    const message = looksLikeMessage(schema) ? schema : wrap(schema, kind);
    const rule: ImportedRule = { kind, message, where };
    const title = name ?? (typeof schema.title === 'string' && schema.title !== '' ? schema.title : undefined);
    if (title === undefined && (kind === 'track' || kind === 'page' || kind === 'screen')) {
      throw new ImportFormatError(`${where}: a JSON Schema needs a "title" to name its event`);
    }
    if (title !== undefined && kind !== 'identify' && kind !== 'group') rule.name = title;
    if (typeof schema.description === 'string') rule.description = schema.description;
    if (isObject(schema.labels)) rule.labels = schema.labels;
    return rule;
  });
  return { shape: 'json-schemas', rules };
}

function withPlanFields(source: ImportSource, top: JsonSchema, name: unknown): ImportSource {
  if (typeof name === 'string' && name !== '') source.name = name;
  if (typeof top.description === 'string' && top.description !== '') source.description = top.description;
  if (typeof top.version === 'number' || typeof top.version === 'string') source.version = top.version;
  return source;
}

/** A schema of the properties (or traits) alone, put where a message schema has it; the rule's own keys stay on top. */
function wrap(schema: JsonSchema, kind: RuleKind): JsonSchema {
  const outer: JsonSchema = {};
  const inner: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (RULE_KEYS.has(key)) outer[key] = value;
    else Object.defineProperty(inner, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const slot = kind === 'identify' || kind === 'group' ? 'traits' : 'properties';
  outer.type = 'object';
  outer.properties = { [slot]: inner };
  return outer;
}

function looksLikeMessage(schema: JsonSchema): boolean {
  const props = schema.properties;
  if (!isObject(props)) return false;
  const keys = Object.keys(props);
  return keys.some((k) => k === 'properties' || k === 'traits' || k === 'context') && keys.every((k) => MESSAGE_FIELDS.has(k));
}

function looksLikeSchema(value: unknown): value is JsonSchema {
  return isObject(value) && (typeof value.$schema === 'string' || (value.type === 'object' && isObject(value.properties)));
}

export function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  return value === null ? 'null' : `a ${typeof value}`;
}
