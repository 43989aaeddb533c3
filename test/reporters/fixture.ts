import type { Diagnostic } from '../../src/core/diagnostic.js';
import { createReport, type Report, type RuleDescriptor } from '../../src/core/report.js';
import type { ReporterOptions } from '../../src/reporters/types.js';

export const CWD = '/repo';
export const PLAN = '/repo/plans/web.yaml';
export const EVENTS = '/repo/events.ndjson';
export const CLEAN = '/repo/clean.ndjson';

/** Payload text quoted in a message: every character class that output formats must escape. */
export const NASTY = '50% <b>off</b> & "free"\nline2\u001b[31m';

export const options = (overrides: Partial<ReporterOptions> = {}): ReporterOptions => ({
  color: false,
  cwd: CWD,
  ...overrides,
});

const rule = (id: string, description: string): RuleDescriptor => ({
  id,
  description,
  docs: `docs/rules.md#${id.replace('/', '')}`,
});

export const RULES: Record<string, RuleDescriptor> = Object.fromEntries(
  [
    rule('plan/unknown-type', 'Property types must be known JSON Schema types.'),
    rule('naming/event-case', 'Event names follow the configured case.'),
    rule('plan/missing-required', 'Required properties must be present.'),
    rule('plan/invalid-type', 'Property values must match their planned type.'),
    rule('plan/unplanned-event', 'Events must be in the plan.'),
    rule('coverage/unseen-event', 'Planned events should be seen.'),
    rule('input/malformed', 'Input lines must be valid JSON.'),
  ].map((r) => [r.id, r]),
);

export const DIAGNOSTICS: Diagnostic[] = [
  {
    ruleId: 'plan/missing-required',
    messageId: 'missing',
    severity: 'error',
    message: 'Event "Order Completed" is missing required property "total".',
    file: EVENTS,
    line: 7,
    column: 1,
    event: 'Order Completed',
    path: '/properties/total',
    expected: { type: 'number' },
    actual: undefined,
  },
  {
    ruleId: 'coverage/unseen-event',
    severity: 'warn',
    message: 'Planned event "Product Viewed" was never seen.',
    event: 'Product Viewed',
  },
  {
    ruleId: 'naming/event-case',
    severity: 'warn',
    message: 'Event name "order completed" is not Title Case.',
    file: PLAN,
    line: 12,
    column: 3,
    event: 'order completed',
    suggestion: 'Order Completed',
  },
  {
    ruleId: 'plan/invalid-type',
    severity: 'error',
    message: `Property "note" must be a number, got "${NASTY}".`,
    file: EVENTS,
    line: 10,
    column: 12,
    path: '/properties/note',
    expected: 'number',
    actual: NASTY,
  },
  {
    ruleId: 'plan/unknown-type',
    severity: 'error',
    message: 'Property "price" has unknown type "money".',
    file: PLAN,
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 10,
  },
  {
    ruleId: 'input/malformed',
    severity: 'error',
    message: 'Line is not valid JSON.',
    file: EVENTS,
    line: 120,
    fatal: true,
  },
];

/** Two files with problems, one clean file, one diagnostic without a file. */
export function fixtureReport(): Report {
  return createReport('check', [PLAN, EVENTS, CLEAN], DIAGNOSTICS, RULES, { events: 41, files: 3 });
}

export function emptyReport(stats: Record<string, number> = { events: 41, files: 3 }): Report {
  return createReport('check', [PLAN, EVENTS, CLEAN], [], {}, stats);
}
