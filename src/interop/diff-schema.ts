import { isDeepStrictEqual } from 'node:util';
import { shortened } from '../core/text.js';
import { isJsonType, JSON_TYPES, type JsonSchema, type JsonType, type Plan, type PlanNode, type Policy } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';
import * as rules from '../rules/diff/rules.js';
import { capitalized, type ChangeInput, type ChangeSink, type Subject } from './diff-change.js';
import { findRenames } from './diff-rename.js';
import { asObject, DOC_KEYWORDS, shapeOf, viewOf, type Located, type SchemaView } from './diff-view.js';

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/** Keywords compared one by one below; any other keyword is compared whole. */
const CLASSIFIED = new Set([
  'type',
  'enum',
  'const',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  'multipleOf',
  'uniqueItems',
  'format',
  'pattern',
  'properties',
  'required',
  'additionalProperties',
  'items',
  ...DOC_KEYWORDS,
]);

export interface ComparedSides {
  old: Plan;
  new: Plan;
}

/** A schema position on both sides: what is compared, and under which unplanned-properties policy. */
interface Pair {
  old: SchemaView;
  new: SchemaView;
  /** Keys from the subject's root to here; `[]` for an array's items. */
  path: string[];
}

/**
 * Compares the schemas of one subject (an event's properties, a traits section) and records each
 * difference as a classified change. `policies` are the subject's unplanned-properties policies,
 * which decide whether a removed property makes senders fail.
 */
export class SchemaComparer {
  constructor(
    private readonly plans: ComparedSides,
    private readonly sink: ChangeSink,
    private readonly subject: Subject,
    private readonly policies: { old: Policy; new: Policy },
  ) {}

  /** Compares two object schemas rooted at the given nodes (an event, a traits section), whose `slot` key holds the properties. */
  compareRoots(oldSchema: JsonSchema, oldNode: PlanNode, newSchema: JsonSchema, newNode: PlanNode, slot: 'properties' | 'traits'): void {
    this.compare({ old: viewOf(this.plans.old, oldSchema, oldNode, undefined, slot), new: viewOf(this.plans.new, newSchema, newNode, undefined, slot), path: [] });
  }

  private add(change: ChangeInput): void {
    this.sink.add(this.subject, change);
  }

  private compare(pair: Pair): void {
    const oldAlts = alternatives(this.plans.old, pair.old);
    const newAlts = alternatives(this.plans.new, pair.new);
    if (oldAlts === undefined && newAlts === undefined) {
      this.compareSchemas(pair);
      return;
    }
    const whole = (view: SchemaView): Alternative[] => [{ view, raw: view.schema }];
    this.compareAlternatives(pair, oldAlts ?? whole(pair.old), newAlts ?? whole(pair.new));
  }

  /** `anyOf` alone (as `type: [Currency, "null"]` becomes): matched branch by branch, by shape. */
  private compareAlternatives(pair: Pair, oldAlts: Alternative[], newAlts: Alternative[]): void {
    const key = (side: 'old' | 'new', a: Alternative) => shapeOf(this.plans[side], a.view.schema);
    const newKeys = newAlts.map((v) => key('new', v));
    const unmatchedNew = new Set(newAlts.keys());
    const unmatchedOld: number[] = [];
    oldAlts.forEach((v, i) => {
      const k = key('old', v);
      const j = [...unmatchedNew].find((n) => newKeys[n] === k);
      if (j === undefined) unmatchedOld.push(i);
      else unmatchedNew.delete(j);
    });
    const added = [...unmatchedNew];
    const target = this.target(pair.path, pair.new.at('anyOf'));
    if (unmatchedOld.length === added.length) {
      unmatchedOld.forEach((i, n) => this.compareSchemas({ ...pair, old: oldAlts[i]!.view, new: newAlts[added[n]!]!.view }));
    } else if (added.length === 0) {
      this.add({ rule: rules.typeNarrowed, messageId: 'alternative', data: { target, values: unmatchedOld.map((i) => alternativeLabel(oldAlts[i]!)).join(', ') }, node: pair.new.at('anyOf').node });
    } else if (unmatchedOld.length === 0) {
      this.add({ rule: rules.typeWidened, messageId: 'alternative', data: { target, values: added.map((i) => alternativeLabel(newAlts[i]!)).join(', ') }, node: pair.new.at('anyOf').node });
    } else {
      this.add({ rule: rules.schemaChanged, messageId: 'changed', data: { target, keyword: 'anyOf' }, node: pair.new.at('anyOf').node });
    }
  }

  private compareSchemas(pair: Pair): void {
    this.compareTypes(pair);
    this.compareValues(pair);
    this.compareBounds(pair);
    this.compareFormatAndPattern(pair);
    this.compareObjects(pair);
    this.compareItems(pair);
    this.compareOthers(pair);
  }

  private compareTypes(pair: Pair): void {
    // Without a declared type on either side, the allowed values say it all (compareValues).
    if (pair.old.schema.type === undefined && pair.new.schema.type === undefined) return;
    const before = typesOf(pair.old.schema);
    const after = typesOf(pair.new.schema);
    const lost = (before ?? JSON_TYPES).filter((t) => !accepts(after, t));
    const gained = (after ?? JSON_TYPES).filter((t) => !accepts(before, t));
    if (lost.length === 0 && gained.length === 0) return;
    const at = pair.new.at('type');
    const data = { target: this.target(pair.path, at), from: typeLabel(before), to: typeLabel(after) };
    const values = (types: JsonType[], other: JsonType[] | undefined) =>
      types.map((t) => (t === 'number' && accepts(other, 'integer') ? 'non-integer numbers' : t)).join(', ');
    const common = { node: at.node, before: pair.old.schema.type, after: pair.new.schema.type };
    if (lost.length > 0 && gained.length > 0) this.add({ rule: rules.typeChanged, messageId: 'changed', data, ...common });
    else if (lost.length > 0) this.add({ rule: rules.typeNarrowed, messageId: 'narrowed', data: { ...data, values: values(lost, after) }, ...common });
    else this.add({ rule: rules.typeWidened, messageId: 'widened', data: { ...data, values: values(gained, before) }, ...common });
  }

  /** `enum` and `const` alike: a `const` is an enum of one value. */
  private compareValues(pair: Pair): void {
    const before = allowedValues(pair.old.schema);
    const after = allowedValues(pair.new.schema);
    if (before === undefined && after === undefined) return;
    const keyword = pair.new.schema.enum !== undefined || pair.old.schema.enum !== undefined ? 'enum' : 'const';
    const at = pair.new.at(keyword);
    const target = this.target(pair.path, at);
    const common = { node: at.node, before: before?.values, after: after?.values };
    if (before === undefined) {
      this.add({ rule: rules.constraintTightened, messageId: 'added', data: { target, keyword, to: valuesLabel(after!.values) }, ...common });
      return;
    }
    if (after === undefined) {
      this.add({ rule: rules.constraintLoosened, messageId: 'removed', data: { target, keyword, from: valuesLabel(before.values) }, ...common });
      return;
    }
    const removed = before.values.filter((v) => !after.values.some((w) => isDeepStrictEqual(v, w)));
    const added = after.values.filter((v) => !before.values.some((w) => isDeepStrictEqual(v, w)));
    if (removed.length === 1 && added.length === 1) {
      this.add({ rule: rules.enumValueRemoved, messageId: 'renamed', data: { target, from: valuesLabel(removed), to: valuesLabel(added) }, ...common });
      return;
    }
    if (removed.length > 0) this.add({ rule: rules.enumValueRemoved, messageId: 'removed', data: { target, values: valuesLabel(removed) }, ...common });
    if (added.length > 0) this.add({ rule: rules.enumValueAdded, messageId: 'added', data: { target, values: valuesLabel(added) }, ...common });
  }

  private compareBounds(pair: Pair): void {
    for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
      const lower = LOWER_BOUNDS.includes(keyword);
      this.compareOrdered(pair, keyword, (a, b) => (lower ? b > a : b < a));
    }
    // A multipleOf that divides the old one accepts more; any other new one is tighter.
    this.compareOrdered(pair, 'multipleOf', () => true, (a, b) => a % b === 0);
    const before = pair.old.schema.uniqueItems === true;
    const after = pair.new.schema.uniqueItems === true;
    if (before !== after) this.constraint(pair, 'uniqueItems', after ? 'added' : 'removed', before, after);
  }

  /**
   * One numeric keyword: added is tighter, removed looser; otherwise `tighter(old, new)` decides,
   * and `looser` (default: not tighter) whether a change is a loosening rather than just a change.
   */
  private compareOrdered(pair: Pair, keyword: string, tighter: (a: number, b: number) => boolean, looser?: (a: number, b: number) => boolean): void {
    const a = pair.old.schema[keyword];
    const b = pair.new.schema[keyword];
    if (isDeepStrictEqual(a, b)) return;
    if (typeof a !== 'number' && typeof b !== 'number') return;
    if (typeof a !== 'number') this.constraint(pair, keyword, 'added', a, b);
    else if (typeof b !== 'number') this.constraint(pair, keyword, 'removed', a, b);
    else if (looser?.(a, b)) this.constraint(pair, keyword, 'loosened', a, b);
    else this.constraint(pair, keyword, tighter(a, b) ? 'tightened' : 'loosened', a, b);
  }

  private constraint(pair: Pair, keyword: string, how: 'added' | 'tightened' | 'changed' | 'removed' | 'loosened', before: unknown, after: unknown): void {
    const at = pair.new.at(keyword);
    const rule = how === 'removed' || how === 'loosened' ? rules.constraintLoosened : rules.constraintTightened;
    const data = { target: this.target(pair.path, at), keyword, from: valueLabel(before), to: valueLabel(after) };
    this.add({ rule, messageId: how, data, node: at.node, before, after });
  }

  private compareFormatAndPattern(pair: Pair): void {
    for (const keyword of ['format', 'pattern']) {
      const a = pair.old.schema[keyword];
      const b = pair.new.schema[keyword];
      if (isDeepStrictEqual(a, b)) continue;
      if (a === undefined) this.constraint(pair, keyword, 'added', a, b);
      else if (b === undefined) this.constraint(pair, keyword, 'removed', a, b);
      else if (keyword === 'format') this.constraint(pair, keyword, 'changed', a, b);
      else {
        const at = pair.new.at(keyword);
        this.add({ rule: rules.patternChanged, messageId: 'changed', data: { target: this.target(pair.path, at), from: valueLabel(a), to: valueLabel(b) }, node: at.node, before: a, after: b });
      }
    }
  }

  private compareObjects(pair: Pair): void {
    const before = pair.old.schema.additionalProperties;
    const after = pair.new.schema.additionalProperties;
    if (!isDeepStrictEqual(before, after)) {
      const closedBefore = before === false;
      const closedAfter = after === false;
      const open = (v: unknown) => v === undefined || v === true;
      if (closedAfter && open(before)) this.constraint(pair, 'additionalProperties', 'added', before, after);
      else if (closedBefore && open(after)) this.constraint(pair, 'additionalProperties', 'removed', before, after);
      else if (shapeOf(this.plans.old, asObject(before)) !== shapeOf(this.plans.new, asObject(after))) this.unclassified(pair, 'additionalProperties');
    }
    const oldProps = asMap(pair.old.schema.properties);
    const newProps = asMap(pair.new.schema.properties);
    if (oldProps === undefined && newProps === undefined) return;
    const oldRequired = requiredOf(pair.old.schema);
    const newRequired = requiredOf(pair.new.schema);
    const oldKeys = Object.keys(oldProps ?? {});
    const newKeys = Object.keys(newProps ?? {});
    const removed = oldKeys.filter((k) => !Object.hasOwn(newProps ?? {}, k));
    const added = newKeys.filter((k) => !Object.hasOwn(oldProps ?? {}, k));
    const childNode = (side: SchemaView, key: string): PlanNode => {
      const parent = side.at('properties').node;
      return { file: parent.file, pointer: joinPointer(parent.pointer, key) };
    };
    const childLocated = (side: SchemaView, key: string): Located => ({ ...side.at('properties'), node: childNode(side, key) });
    const renames = findRenames({
      removed,
      added,
      shapeOf: (key, side) => {
        const required = (side === 'old' ? oldRequired : newRequired).has(key);
        return `${required}:${shapeOf(this.plans[side], (side === 'old' ? oldProps : newProps)![key] as JsonSchema)}`;
      },
      isCommon: (shape) => isCommonShape(shape),
    });
    const renamedFrom = new Map(renames);
    const renamedTo = new Set(renames.map(([, to]) => to));
    const closed = this.closed(pair.new.schema);
    const parent = pair.new.at('properties');

    for (const key of removed) {
      const path = [...pair.path, key];
      const was = childNode(pair.old, key);
      const to = renamedFrom.get(key);
      if (to !== undefined) {
        const senders = closed || newRequired.has(to);
        this.add({
          rule: rules.propertyRenamed,
          messageId: 'renamed',
          data: { target: this.target(path, parent), to },
          breaks: senders ? ['senders', 'consumers'] : ['consumers'],
          node: childNode(pair.new, to),
          was,
        });
      } else {
        this.add({
          rule: rules.propertyRemoved,
          messageId: closed ? 'removedClosed' : 'removed',
          data: { target: this.target(path, parent) },
          breaks: closed ? ['senders', 'consumers'] : ['consumers'],
          node: parent.node,
          was,
        });
      }
    }
    for (const key of added) {
      if (renamedTo.has(key)) continue;
      const at = childLocated(pair.new, key);
      const data = { target: this.target([...pair.path, key], at, false) };
      if (newRequired.has(key)) this.add({ rule: rules.propertyRequired, messageId: 'added', data, node: at.node });
      else this.add({ rule: rules.propertyAdded, messageId: 'added', data, node: at.node });
    }
    for (const key of oldKeys) {
      if (!Object.hasOwn(newProps ?? {}, key)) continue;
      const path = [...pair.path, key];
      const at = childLocated(pair.new, key);
      const wasRequired = oldRequired.has(key);
      const isRequired = newRequired.has(key);
      if (!wasRequired && isRequired) this.add({ rule: rules.propertyRequired, messageId: 'required', data: { target: this.target(path, at) }, node: at.node });
      if (wasRequired && !isRequired) this.add({ rule: rules.propertyOptional, messageId: 'optional', data: { target: this.target(path, at) }, node: at.node });
      this.compare({
        old: viewOf(this.plans.old, oldProps![key] as JsonSchema, childNode(pair.old, key), pair.old.at('properties').type),
        new: viewOf(this.plans.new, newProps![key] as JsonSchema, at.node, at.type),
        path,
      });
    }
  }

  /** Whether the new plan rejects keys this object does not declare, at error (so their senders fail). */
  private closed(schema: JsonSchema): boolean {
    if (schema.additionalProperties !== undefined) return schema.additionalProperties === false;
    return schema.patternProperties === undefined && this.policies.new === 'error';
  }

  private compareItems(pair: Pair): void {
    const a = pair.old.schema.items;
    const b = pair.new.schema.items;
    if (a === undefined && b === undefined) return;
    const single = (v: unknown) => v !== undefined && !Array.isArray(v);
    if (single(a) && single(b)) {
      const path = [...pair.path, '[]'];
      const before = pair.old.at('items');
      const after = pair.new.at('items');
      this.compare({ old: viewOf(this.plans.old, a as JsonSchema, before.node, before.type), new: viewOf(this.plans.new, b as JsonSchema, after.node, after.type), path });
    } else if (a === undefined) {
      this.constraint(pair, 'items', 'added', a, b);
    } else if (b === undefined) {
      this.constraint(pair, 'items', 'removed', a, b);
    } else if (this.differ('items', a, b)) {
      this.unclassified(pair, 'items');
    }
  }

  /** Documentation keywords, then every keyword cdp does not classify, compared whole. */
  private compareOthers(pair: Pair): void {
    const keys = new Set([...Object.keys(pair.old.schema), ...Object.keys(pair.new.schema)]);
    for (const key of keys) {
      const a = pair.old.schema[key];
      const b = pair.new.schema[key];
      if (DOC_KEYWORDS.has(key)) {
        if (isDeepStrictEqual(a, b)) continue;
        const at = pair.new.at(key);
        const deprecated = key === 'deprecated' && b !== undefined && b !== false && (a === undefined || a === false);
        const target = this.target(pair.path, at);
        this.add({ rule: rules.descriptionChanged, messageId: deprecated ? 'deprecated' : 'changed', data: { target, field: key }, node: at.node, before: a, after: b });
      } else if (!CLASSIFIED.has(key) && this.differ(key, a, b)) {
        this.unclassified(pair, key);
      }
    }
  }

  private unclassified(pair: Pair, keyword: string): void {
    const at = pair.new.at(keyword);
    this.add({ rule: rules.schemaChanged, messageId: 'changed', data: { target: this.target(pair.path, at), keyword }, node: at.node, before: pair.old.schema[keyword], after: pair.new.schema[keyword] });
  }

  /** Whether two values of a keyword differ, with type references inside subschemas followed. */
  private differ(keyword: string, a: unknown, b: unknown): boolean {
    return shapeOf(this.plans.old, { [keyword]: a }) !== shapeOf(this.plans.new, { [keyword]: b });
  }

  /** `Property "products[].price" of event "Order Completed" (type "Product")`, or the subject itself at its root. */
  private target(path: string[], at?: Located, sentenceStart = true): string {
    const inType = at?.type !== undefined ? ` (type "${at.type}")` : '';
    if (path.length === 0) return capitalized(this.subject.label) + inType;
    const noun = this.subject.kind === 'identify' || this.subject.kind === 'group' ? 'trait' : 'property';
    return `${sentenceStart ? capitalized(noun) : noun} "${pathLabel(path)}" of ${this.subject.label}${inType}`;
  }
}

/** `['products', '[]', 'price']` -> `products[].price`. */
export function pathLabel(path: string[]): string {
  return path.reduce((out, key) => (key === '[]' ? `${out}[]` : out === '' ? key : `${out}.${key}`), '');
}

interface Alternative {
  view: SchemaView;
  /** The branch as written, for its label (a type reference is named by its type). */
  raw: JsonSchema;
}

/** The branches of a schema that is nothing but `anyOf` (and documentation); undefined otherwise. */
function alternatives(plan: Plan, view: SchemaView): Alternative[] | undefined {
  const { anyOf } = view.schema;
  if (!Array.isArray(anyOf) || !Object.keys(view.schema).every((k) => k === 'anyOf' || DOC_KEYWORDS.has(k))) return undefined;
  const base = view.at('anyOf').node;
  return anyOf.map((branch, i) => ({ view: viewOf(plan, branch as JsonSchema, { file: base.file, pointer: joinPointer(base.pointer, i) }), raw: asObject(branch) }));
}

function alternativeLabel({ view, raw }: Alternative): string {
  const ref = raw.$ref;
  if (typeof ref === 'string') return ref.slice(ref.lastIndexOf('/') + 1);
  const types = typesOf(view.schema);
  return types ? typeLabel(types) : shortened(JSON.stringify(raw), 60);
}

/** The JSON types a schema accepts; undefined when it accepts every type. */
function typesOf(schema: JsonSchema): JsonType[] | undefined {
  const declared = schema.type;
  if (typeof declared === 'string' && isJsonType(declared)) return [declared];
  if (Array.isArray(declared)) return declared.filter(isJsonType);
  const values = allowedValues(schema)?.values;
  return values ? [...new Set(values.map(jsonTypeOf))] : undefined;
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function accepts(types: JsonType[] | undefined, type: JsonType): boolean {
  return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
}

function typeLabel(types: JsonType[] | undefined): string {
  if (types === undefined) return 'any';
  return types.length === 1 ? types[0]! : `[${types.join(', ')}]`;
}

function allowedValues(schema: JsonSchema): { values: unknown[] } | undefined {
  if (Array.isArray(schema.enum)) return { values: schema.enum };
  if (Object.hasOwn(schema, 'const')) return { values: [schema.const] };
  return undefined;
}

function valuesLabel(values: unknown[]): string {
  return values.map(valueLabel).join(', ');
}

function valueLabel(value: unknown): string {
  return value === undefined ? '(none)' : shortened(JSON.stringify(value), 80);
}

function asMap(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function requiredOf(schema: JsonSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

/** A property shape that says little more than its type (`true:{"type":"string"}`): many properties share it. */
function isCommonShape(shape: string): boolean {
  const schema = JSON.parse(shape.slice(shape.indexOf(':') + 1)) as JsonSchema;
  return Object.keys(schema).every((k) => k === 'type');
}
