import type { JsonSchema } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { canonical } from './canonical.js';
import type { ImportNotes, Path } from './import-notes.js';
import { isObject } from './read-shapes.js';

interface Site {
  holder: JsonSchema | unknown[];
  key: string | number;
  path: Path;
  /** Name the shape would get from this place: the property's name, singular for array items. */
  hint: string;
  closed: boolean;
  shape: JsonSchema;
  required: boolean;
}

/**
 * Object shapes written out identically in two or more places become one entry of `types`, used
 * by name. Only identical ones (descriptions included), only where the type would compile the same
 * as the copies (the sections' unplanned-properties policies agree with the plan's), and never a
 * shape that carries a comment.
 */
export function liftSharedShapes(plan: JsonSchema, notes: ImportNotes, defaultClosed: boolean, sectionClosed: (section: string, name: string) => boolean): void {
  for (;;) {
    const groups = new Map<string, Site[]>();
    for (const site of sites(plan, defaultClosed, sectionClosed)) {
      const key = canonical(site.shape);
      groups.set(key, [...(groups.get(key) ?? []), site]);
    }
    const candidates = [...groups.entries()]
      .filter(([, list]) => list.length >= 2 && list.every((s) => s.closed === defaultClosed && !notes.hasCommentsUnder(s.path)))
      .sort((a, b) => b[0].length - a[0].length);
    const chosen = candidates[0];
    if (!chosen) return;
    const [, list] = chosen;
    const types = ensureTypes(plan);
    const name = freeName(typeName(list[0]!.hint), types);
    setOwn(types, name, list[0]!.shape);
    notes.comment(['types', name], `Written out identically ${list.length} times in the input; lifted into a type.`);
    for (const site of list) {
      const use = site.required ? { type: name, required: true } : name;
      if (Array.isArray(site.holder)) site.holder[site.key as number] = use;
      else setOwn(site.holder, site.key as string, use);
    }
  }
}

function* sites(plan: JsonSchema, defaultClosed: boolean, sectionClosed: (section: string, name: string) => boolean): Generator<Site> {
  for (const section of ['events', 'pages', 'screens']) {
    for (const [name, entry] of Object.entries((plan[section] ?? {}) as JsonSchema)) {
      if (!isObject(entry) || !isObject(entry.properties)) continue;
      yield* inMap(entry.properties, [section, name, 'properties'], sectionClosed(section, name));
    }
  }
  for (const kind of ['identify', 'group']) {
    const entry = plan[kind];
    if (!isObject(entry) || !isObject(entry.traits)) continue;
    const policy = entry.unplanned_traits;
    yield* inMap(entry.traits, [kind, 'traits'], policy === undefined ? defaultClosed : policy !== 'off');
  }
  for (const [name, schema] of Object.entries((plan.types ?? {}) as JsonSchema)) yield* inside(schema, ['types', name], name, defaultClosed);
}

function* inMap(map: JsonSchema, path: Path, closed: boolean): Generator<Site> {
  for (const [key, value] of Object.entries(map)) yield* at(map, key, [...path, key], key, closed);
}

function* at(holder: JsonSchema | unknown[], key: string | number, path: Path, hint: string, closed: boolean): Generator<Site> {
  const value = Array.isArray(holder) ? holder[key as number] : holder[key as string];
  if (!isObject(value)) return;
  yield* inside(value, path, hint, closed);
  if (isObject(value.properties)) {
    const { required, ...shape } = value;
    if (required === undefined || required === true) yield { holder, key, path, hint, closed, shape, required: required === true };
  }
}

function* inside(value: unknown, path: Path, hint: string, closed: boolean): Generator<Site> {
  if (!isObject(value)) return;
  if (isObject(value.properties)) yield* inMap(value.properties, [...path, 'properties'], closed);
  if (Array.isArray(value.items)) for (let i = 0; i < value.items.length; i++) yield* at(value.items, i, [...path, 'items', String(i)], singular(hint), closed);
  else if (isObject(value.items)) yield* at(value, 'items', [...path, 'items'], singular(hint), closed);
}

function ensureTypes(plan: JsonSchema): JsonSchema {
  if (isObject(plan.types)) return plan.types;
  // `types` goes before `events`, where a reader meets names before their uses.
  const entries = Object.entries(plan);
  for (const key of Object.keys(plan)) delete plan[key];
  for (const [key, value] of entries) {
    if (key === 'events') plan.types = {};
    setOwn(plan, key, value);
  }
  plan.types ??= {};
  return plan.types as JsonSchema;
}

function typeName(hint: string): string {
  const words = hint.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(name) ? name : `T${name}`;
}

function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/[^s]s$/i.test(word)) return word.slice(0, -1);
  return `${word} item`;
}

function freeName(base: string, types: JsonSchema): string {
  let name = base;
  for (let i = 2; Object.hasOwn(types, name); i++) name = `${base}${i}`;
  return name;
}
