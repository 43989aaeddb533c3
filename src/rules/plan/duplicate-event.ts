import { normalizeName } from '../../naming/distance.js';
import type { PlanEvent } from '../../plan/model.js';
import type { Rule } from '../types.js';

export const duplicateEvent: Rule = {
  meta: {
    id: 'plan/duplicate-event',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'No two events (or pages, or screens) have names that differ only in case or separators.',
    messages: {
      duplicate: '{{kind}} "{{name}}" duplicates "{{other}}" ({{where}}): the names differ only in case or separators',
    },
  },
  checkPlan({ plan, report }) {
    for (const map of [plan.events, plan.pages, plan.screens]) {
      const seen = new Map<string, PlanEvent>();
      for (const event of map.values()) {
        const key = normalizeName(event.name);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, event);
          continue;
        }
        const at = plan.sources.get(first.file)?.locate(first.pointer);
        report({
          messageId: 'duplicate',
          data: { kind: kindLabel(event), name: event.name, other: first.name, where: `${first.file}${at ? `:${at.line}` : ''}` },
          node: event,
          event: event.name,
          suggestion: first.name,
        });
      }
    }
  },
};

export function kindLabel(event: PlanEvent): string {
  return event.kind === 'track' ? 'Event' : event.kind === 'page' ? 'Page' : 'Screen';
}
