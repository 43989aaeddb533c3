import { MAX_NAME_LENGTH } from '../../spec/call-types.js';
import { eventOf, walkPlanSchemas } from '../../plan/walk.js';
import type { Rule } from '../types.js';

/** Counted in code points, as Segment counts characters; the cheap length test rules out most names. */
function tooLong(value: string): boolean {
  return value.length > MAX_NAME_LENGTH && [...value].length > MAX_NAME_LENGTH;
}

function lengthData(what: string, value: string): Record<string, string | number> {
  return { what, length: [...value].length, max: MAX_NAME_LENGTH, start: [...value].slice(0, 40).join('') };
}

export const nameTooLong: Rule = {
  meta: {
    id: 'spec/name-too-long',
    type: 'problem',
    defaultSeverity: 'error',
    description: `Event, page, screen and property names are at most ${MAX_NAME_LENGTH} characters, as Segment requires.`,
    messages: {
      tooLong: '{{what}} name is {{length}} characters long; Segment allows at most {{max}}: "{{start}}…"',
    },
  },
  checkPlan({ plan, report }) {
    const flag = (what: string, name: string, node: { file: string; pointer: string }, event?: string) => {
      const length = [...name].length;
      if (length <= MAX_NAME_LENGTH) return;
      report({
        messageId: 'tooLong',
        data: { what, length, max: MAX_NAME_LENGTH, start: [...name].slice(0, 40).join('') },
        node,
        ...(event !== undefined ? { event } : {}),
      });
    };
    for (const [what, map] of [['Event', plan.events], ['Page', plan.pages], ['Screen', plan.screens]] as const) {
      for (const e of map.values()) flag(what, e.name, e, what === 'Event' ? e.name : undefined);
    }
    walkPlanSchemas(plan, (v) => {
      const name = v.keyPath?.at(-1);
      const what = v.owner.kind === 'identify' || v.owner.kind === 'group' ? 'Trait' : 'Property';
      if (name !== undefined) flag(what, name, v, eventOf(v.owner).event);
    });
  },
  checkPayload({ type, name, keysToName, report }) {
    if (name !== undefined && tooLong(name)) {
      report({ messageId: 'tooLong', data: lengthData(type === 'track' ? 'Event' : type === 'page' ? 'Page' : 'Screen', name), path: type === 'track' ? '/event' : '/name' });
    }
    const keys = keysToName();
    if (keys.length === 0) return;
    const what = type === 'identify' || type === 'group' ? 'Trait' : 'Property';
    for (const { key, path } of keys) {
      if (tooLong(key)) report({ messageId: 'tooLong', data: lengthData(what, key), path });
    }
  },
};
