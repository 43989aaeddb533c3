import { backtrackingRisk, type BacktrackingRisk } from '../../patterns/backtracking.js';
import { toRe2 } from '../../patterns/to-re2.js';
import { eventOf, patternsOf, walkPlanSchemas } from '../../plan/walk.js';
import type { Rule } from '../types.js';

const POWERS: Readonly<Record<number, string>> = { 2: 'quadratic', 3: 'cubic' };
const TOOLS = "JavaScript's RegExp and the tools that check the compiled schema with it (ajv, Segment)";

export const unsafePattern: Rule = {
  meta: {
    id: 'plan/unsafe-pattern',
    type: 'problem',
    defaultSeverity: 'warn',
    description: 'A pattern can take exponential or polynomial time in a backtracking regex engine (ReDoS); cdp runs it in linear time, other tools may not.',
    messages: {
      exponential: `Pattern /{{pattern}}/ backtracks in exponential time from character {{at}}: one short crafted string can hang ${TOOLS} (cdp runs patterns in linear time)`,
      polynomial: `Pattern /{{pattern}}/ backtracks in {{power}} time from character {{at}}: one long crafted string can stall ${TOOLS} (cdp runs patterns in linear time)`,
    },
  },
  checkPlan({ plan, report }) {
    // One pattern often stands in many places; each is analysed once.
    const risks = new Map<string, BacktrackingRisk | undefined>();
    walkPlanSchemas(plan, (v) => {
      for (const { source, pointer } of patternsOf(v)) {
        if (!risks.has(source)) risks.set(source, analysable(source) ? backtrackingRisk(source) : undefined);
        const risk = risks.get(source);
        if (risk === undefined) continue;
        const data = { pattern: source, at: risk.offset + 1 };
        report({
          ...(risk.complexity === 'exponential'
            ? { messageId: 'exponential', data }
            : { messageId: 'polynomial', data: { ...data, power: POWERS[risk.degree] ?? `degree-${risk.degree} polynomial` } }),
          node: { file: v.file, pointer },
          ...eventOf(v.owner),
        });
      }
    });
  },
};

/** Patterns that do not compile, or that RE2 cannot run, are plan/invalid-schema's to report. */
function analysable(source: string): boolean {
  try {
    new RegExp(source, 'u');
  } catch {
    return false;
  }
  return !('problem' in toRe2(source));
}
