import { closest } from '../../naming/distance.js';
import { findSpecAlternative } from '../../spec/alternatives.js';
import type { Rule } from '../types.js';

/** Suggestions per list of planned names: a log repeats the same few unplanned names millions of times. */
const suggestions = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string | undefined>>();

/** A near spelling first; else, for track events, the Segment spec event it means, if planned. */
function suggest(name: string, type: string, known: ReadonlyMap<string, unknown>): string | undefined {
  let cache = suggestions.get(known);
  if (!cache) suggestions.set(known, (cache = new Map()));
  if (cache.has(name)) return cache.get(name);
  if (cache.size > 10_000) cache.clear();
  const alternative = type === 'track' ? findSpecAlternative(name)?.name : undefined;
  const found = closest(name, known.keys(), Math.max(2, Math.floor(name.length / 4))) ?? (alternative && known.has(alternative) ? alternative : undefined);
  cache.set(name, found);
  return found;
}

export const unplannedEvent: Rule = {
  meta: {
    id: 'plan/unplanned-event',
    type: 'problem',
    defaultSeverity: 'error',
    description: "Events, pages and screens sent are in the plan (severity follows the plan's `unplanned_events` policy unless the config sets this rule).",
    messages: {
      unplanned: '{{subject}} is not in the plan',
      warehouse: '{{subject}} is not in the plan, in {{rows}} of {{table}}',
      warehouseTable: 'Table "{{table}}" holds events the plan does not list, in {{rows}}',
    },
  },
  checkPayload({ plan, type, name, subject, planned, sectionPlanned, report }) {
    // Without a pages (or screens) section the plan says nothing about which pages exist.
    if (planned || !sectionPlanned || name === undefined || (type !== 'track' && type !== 'page' && type !== 'screen')) return;
    const known = type === 'track' ? plan.events : type === 'page' ? plan.pages : plan.screens;
    const suggestion = suggest(name, type, known);
    report({
      messageId: 'unplanned',
      data: { subject: subject.charAt(0).toUpperCase() + subject.slice(1) },
      path: type === 'track' ? '/event' : '/name',
      policy: plan.defaults.unplannedEvents,
      ...(suggestion ? { suggestion } : {}),
    });
  },
};
