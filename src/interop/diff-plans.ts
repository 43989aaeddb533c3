import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema, Plan, PlanEvent, PlanNode, Policy, TraitsSection } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';
import * as rules from '../rules/diff/rules.js';
import { capitalized, ChangeSink, type Change, type Subject } from './diff-change.js';
import { findRenames } from './diff-rename.js';
import { SchemaComparer } from './diff-schema.js';
import { shapeOf } from './diff-view.js';

const NAMED = [
  ['track', 'events', 'event'],
  ['page', 'pages', 'page'],
  ['screen', 'screens', 'screen'],
] as const;

const STRICTNESS: Record<Policy, number> = { off: 0, warn: 1, error: 2 };

/**
 * Every difference between an old and a new plan, classified by whom it breaks. Type references
 * are followed, so a change inside a shared type is reported for each event it reaches: whether a
 * breaking change is intended is decided per event (by its version), and each event is its own
 * table downstream.
 */
export function diffPlans(oldPlan: Plan, newPlan: Plan): Change[] {
  return new PlanDiff(oldPlan, newPlan).run();
}

class PlanDiff {
  readonly #sink = new ChangeSink();

  constructor(
    private readonly old: Plan,
    private readonly next: Plan,
  ) {}

  /** Events, pages and screens whose unplanned-properties policy changed only through the plan's `defaults`. */
  readonly #byDefaults: string[] = [];

  run(): Change[] {
    this.plan();
    for (const [kind, section, noun] of NAMED) this.named(kind, section, noun);
    for (const kind of ['identify', 'group'] as const) this.traits(kind);
    this.defaults();
    return this.#sink.changes;
  }

  /**
   * A change of `defaults.unplanned_properties` is reported once, for the plan (whose version then
   * says whether it is intended), with the events it reaches; an event that sets its own policy
   * reports its own change.
   */
  private defaults(): void {
    if (this.#byDefaults.length === 0) return;
    const node = { file: this.next.file, pointer: '/defaults/unplanned_properties' };
    const what = `properties (${this.#byDefaults.length === 1 ? this.#byDefaults[0] : `${this.#byDefaults.length} events, pages, screens and traits sections`})`;
    this.policy(this.planSubject(), 'defaults.unplanned_properties', what, this.old.defaults.unplannedProperties, this.next.defaults.unplannedProperties, node);
  }

  private planSubject(): Subject {
    return { kind: 'plan', name: this.next.name ?? this.old.name ?? '', label: 'the plan', versions: { of: 'plan', old: this.old.version, new: this.next.version } };
  }

  /** Plan-wide settings; `unplanned_properties` is compared per event, where it takes effect. */
  private plan(): void {
    const node = { file: this.next.file, pointer: '/defaults/unplanned_events' };
    this.policy(this.planSubject(), 'unplanned_events', 'events', this.old.defaults.unplannedEvents, this.next.defaults.unplannedEvents, node);
  }

  private named(kind: PlanEvent['kind'], section: 'events' | 'pages' | 'screens', noun: string): void {
    const before = this.old[section];
    const after = this.next[section];
    const removed = [...before.keys()].filter((name) => !after.has(name));
    const added = [...after.keys()].filter((name) => !before.has(name));
    const renames = findRenames({
      removed,
      added,
      shapeOf: (name, side) => eventShape(side === 'old' ? this.old : this.next, (side === 'old' ? before : after).get(name)!),
      // Events without properties all look alike: their names must too.
      isCommon: (shape) => shape.startsWith('{"properties":{},'),
    });
    const renamedFrom = new Map(renames);
    const renamedTo = new Set(renames.map(([, to]) => to));
    for (const name of removed) {
      const event = before.get(name)!;
      const to = renamedFrom.get(name);
      if (to !== undefined) {
        const target = after.get(to)!;
        const subject = { kind, name: to, label: `${noun} "${to}"`, versions: { of: 'event' as const, old: event.version, new: target.version } };
        this.#sink.add(subject, { rule: rules.eventRenamed, messageId: 'renamed', data: { kind: noun, from: name, to }, node: nodeOf(target), was: nodeOf(event) });
      } else {
        const subject = { ...this.planSubject(), kind, name, label: `${noun} "${name}"` };
        this.#sink.add(subject, { rule: rules.eventRemoved, messageId: 'removed', data: { kind: noun, name }, node: this.survivingNode(event.file, `/${section}`), was: nodeOf(event) });
      }
    }
    for (const name of added) {
      if (renamedTo.has(name)) continue;
      const event = after.get(name)!;
      const subject = { kind, name, label: `${noun} "${name}"`, versions: { of: 'event' as const, old: undefined, new: event.version } };
      this.#sink.add(subject, { rule: rules.eventAdded, messageId: 'added', data: { kind: noun, name }, node: nodeOf(event) });
    }
    for (const [name, event] of before) {
      const next = after.get(name);
      if (next) this.event(event, next, noun);
    }
  }

  private event(before: PlanEvent, after: PlanEvent, noun: string): void {
    const subject: Subject = { kind: after.kind, name: after.name, label: `${noun} "${after.name}"`, versions: { of: 'event', old: before.version, new: after.version } };
    this.documentation(subject, before, after);
    const policies = { old: before.unplannedProperties ?? this.old.defaults.unplannedProperties, new: after.unplannedProperties ?? this.next.defaults.unplannedProperties };
    this.ownPolicy(subject, 'unplanned_properties', 'properties', before.unplannedProperties, after.unplannedProperties, policies, after);
    new SchemaComparer({ old: this.old, new: this.next }, this.#sink, subject, policies).compareRoots(before.properties, nodeOf(before), after.properties, nodeOf(after), 'properties');
  }

  /**
   * identify and group: a section the old plan did not have left those calls unchecked, so it is
   * compared as an empty section under the `off` policy (a required trait added is breaking).
   */
  private traits(kind: 'identify' | 'group'): void {
    const before = this.old[kind];
    const after = this.next[kind];
    const subject: Subject = { kind, name: kind, label: `the ${kind} traits`, versions: { of: 'plan', old: this.old.version, new: this.next.version } };
    if (!before && !after) return;
    if (before && !after) {
      // Calls go unchecked from now on: nothing a sender does fails, but readers lose the section's promise.
      this.#sink.add(subject, { rule: rules.eventRemoved, messageId: 'section', data: { kind }, breaks: ['consumers'], node: this.survivingNode(before.file, ''), was: nodeOf(before) });
      return;
    }
    const next = after!;
    if (!before) this.#sink.add(subject, { rule: rules.eventAdded, messageId: 'section', data: { kind }, node: nodeOf(next) });
    else this.documentation(subject, before, next);
    const oldPolicy = before ? (before.unplannedTraits ?? this.old.defaults.unplannedProperties) : 'off';
    const newPolicy = next.unplannedTraits ?? this.next.defaults.unplannedProperties;
    if (before) this.ownPolicy(subject, 'unplanned_traits', 'traits', before.unplannedTraits, next.unplannedTraits, { old: oldPolicy, new: newPolicy }, next);
    else this.policy(subject, 'unplanned_traits', 'traits', oldPolicy, newPolicy, { file: next.file, pointer: joinPointer(next.pointer, 'unplanned_traits') });
    const empty: JsonSchema = { type: 'object', properties: {} };
    const comparer = new SchemaComparer({ old: this.old, new: this.next }, this.#sink, subject, { old: oldPolicy, new: newPolicy });
    comparer.compareRoots(before?.traits ?? empty, nodeOf(before ?? next), next.traits, nodeOf(next), 'traits');
  }

  private documentation(subject: Subject, before: PlanEvent | TraitsSection, after: PlanEvent | TraitsSection): void {
    const target = capitalized(subject.label);
    const fields = ['description', 'examples', 'tags', 'owner', 'deprecated'] as const;
    for (const field of fields) {
      const a = (before as Partial<PlanEvent>)[field];
      const b = (after as Partial<PlanEvent>)[field];
      if (isDeepStrictEqual(a, b)) continue;
      const node = { file: after.file, pointer: joinPointer(after.pointer, field) };
      const messageId = field === 'deprecated' && b !== undefined ? 'deprecated' : 'changed';
      this.#sink.add(subject, { rule: rules.descriptionChanged, messageId, data: { target, field }, node, before: a, after: b });
    }
  }

  private policy(subject: Subject, policy: string, what: string, from: Policy, to: Policy, node: PlanNode): void {
    if (from === to) return;
    const data = { policy, subject: subject.label, what, from, to };
    const tightened = to === 'error' && STRICTNESS[from] < STRICTNESS.error;
    this.#sink.add(subject, { rule: tightened ? rules.policyTightened : rules.policyChanged, messageId: tightened ? 'tightened' : 'changed', data, node, before: from, after: to });
  }

  /** A subject's effective policy: its own change is its own; one that comes from `defaults` only is the plan's. */
  private ownPolicy(subject: Subject, key: string, what: string, ownBefore: Policy | undefined, ownAfter: Policy | undefined, effective: { old: Policy; new: Policy }, owner: PlanNode): void {
    if (effective.old === effective.new) return;
    if (ownBefore === undefined && ownAfter === undefined) this.#byDefaults.push(subject.label);
    else this.policy(subject, key, what, effective.old, effective.new, { file: owner.file, pointer: joinPointer(owner.pointer, key) });
  }

  /**
   * Where a removal is shown in the new plan: the same section of the same file if the new plan
   * still reads that file, else its root file. Annotations can only land on lines that exist now.
   */
  private survivingNode(file: string, pointer: string): PlanNode {
    return this.next.files.includes(file) ? { file, pointer } : { file: this.next.file, pointer };
  }
}

function nodeOf(node: PlanNode): PlanNode {
  return { file: node.file, pointer: node.pointer };
}

/** An event's properties and its unplanned-properties policy, as a rename compares them. */
function eventShape(plan: Plan, event: PlanEvent): string {
  const policy = event.unplannedProperties ?? plan.defaults.unplannedProperties;
  const properties = shapeOf(plan, event.properties);
  return `{"properties":${properties === '{"properties":{},"type":"object"}' ? '{}' : properties},"policy":"${policy}"}`;
}
