import type { Audience, PlanChange } from '../core/diagnostic.js';
import type { PlanNode } from '../plan/model.js';
import type { Rule } from '../rules/types.js';

export type Version = number | string | undefined;

/** What a change belongs to, and the versions that say whether breaking it was intended. */
export interface Subject {
  kind: PlanChange['subject'];
  name: string;
  /** How messages name it mid-sentence: `event "Order Completed"`, `the identify traits`. */
  label: string;
  /** The versions a breaking change is weighed against: the event's own, or the plan's for plan-wide changes and removals. */
  versions: { of: 'event' | 'plan'; old: Version; new: Version };
}

/** One classified difference between two plans, before severities and positions are applied. */
export interface Change {
  rule: Rule;
  messageId: string;
  data: Record<string, string | number>;
  subject: Subject;
  breaks: readonly Audience[];
  /** Where to point in the new plan: the changed part, or the nearest surviving parent of a removed one. */
  node: PlanNode;
  /** Where the changed part was in the old plan. */
  was?: PlanNode;
  before?: unknown;
  after?: unknown;
}

export type ChangeInput = Omit<Change, 'breaks' | 'subject'> & { breaks?: readonly Audience[] };

/** Collects the changes of one subject; a change breaks whom its rule says unless told otherwise. */
export class ChangeSink {
  readonly changes: Change[] = [];

  add(subject: Subject, change: ChangeInput): void {
    this.changes.push({ ...change, subject, breaks: change.breaks ?? change.rule.diff?.breaks ?? [] });
  }
}

/** `Event "Order Completed"`, `The identify traits`: a label at the start of a sentence. */
export function capitalized(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
