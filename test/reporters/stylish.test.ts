import { beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { stylish } from '../../src/reporters/stylish.js';
import { emptyReport, fixtureReport, options, RULES } from './fixture.js';
import { loadColors } from '../../src/reporters/styles.js';

// chalk loads asynchronously, as the CLI loads it when colour is possible.
beforeAll(loadColors);

const ANSI = /\u001b\[\d+m/;

describe('stylish reporter', () => {
  it('groups by file, aligns columns and ends with the summary and stats', () => {
    expect(stylish(fixtureReport(), options())).toBe(
      [
        'events.ndjson',
        '    7:1   error  Event "Order Completed" is missing required property "total".                      plan/missing-required',
        '   10:12  error  Property "note" must be a number, got "50% <b>off</b> & "free"\\nline2\\u001b[31m".  plan/invalid-type',
        '  120     error  Line is not valid JSON.                                                            input/malformed',
        '',
        'plans/web.yaml',
        '   3:5  error    Property "price" has unknown type "money".                                         plan/unknown-type',
        '  12:3  warning  Event name "order completed" is not Title Case. (did you mean "Order Completed"?)  naming/event-case',
        '',
        '(no file)',
        '    warning  Planned event "Product Viewed" was never seen.  coverage/unseen-event',
        '',
        '✖ 6 problems (4 errors, 2 warnings)',
        'check: 41 events · 3 files',
        '',
      ].join('\n'),
    );
  });

  it('does not pad every row to the width of one very long message', () => {
    const long = `Event "${'x'.repeat(300)}" is not in the plan`;
    const report = createReport('lint', [], [
      { ruleId: 'plan/unplanned-event', severity: 'error', message: long, file: 'a.ndjson', line: 1 },
      { ruleId: 'spec/missing-identity', severity: 'error', message: 'The track call has no userId or anonymousId', file: 'a.ndjson', line: 2 },
      { ruleId: 'plan/missing-required', severity: 'error', message: 'Event "A B" is missing required property "c"', file: 'a.ndjson', line: 3 },
    ]);
    const rows = stylish(report, options()).split('\n').slice(1, 4);
    expect(rows[0]).toBe(`  1  error  ${long}  plan/unplanned-event`);
    expect(rows[1]).toBe('  2  error  The track call has no userId or anonymousId   spec/missing-identity');
    expect(rows[2]).toBe('  3  error  Event "A B" is missing required property "c"  plan/missing-required');
  });

  it('uses ANSI colours only when asked to', () => {
    expect(stylish(fixtureReport(), options({ color: false }))).not.toMatch(ANSI);
    const colored = stylish(fixtureReport(), options({ color: true }));
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\u001b[4mevents.ndjson\u001b[24m');
    expect(colored).toContain('\u001b[31merror\u001b[39m');
    expect(colored).toContain('\u001b[33mwarning\u001b[39m');
  });

  it('never passes control characters from messages through to the terminal', () => {
    const out = stylish(fixtureReport(), options({ color: true }));
    const lines = out.split('\n').filter((line) => line.includes('plan/invalid-type'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\u001b[31m"');
    expect(lines[0]).toContain('\\u001b[31m');
  });

  it('prints only the stats line when there are no problems', () => {
    expect(stylish(emptyReport(), options())).toBe('check: 41 events · 3 files\n');
    expect(stylish(emptyReport({}), options())).toBe('');
  });

  it('colours the summary yellow when there are only warnings, and counts in the singular', () => {
    const report = createReport(
      'lint',
      [],
      [{ ruleId: 'naming/event-case', severity: 'warn', message: 'Bad case.', file: 'a.ndjson', line: 1, column: 1 }],
      RULES,
      { read: 3, valid: 2, invalid: 1, malformed: 0 },
    );
    expect(stylish(report, options())).toBe(
      [
        'a.ndjson',
        '  1:1  warning  Bad case.  naming/event-case',
        '',
        '✖ 1 problem (0 errors, 1 warning)',
        'lint: 3 read · 2 valid · 1 invalid · 0 malformed',
        '',
      ].join('\n'),
    );
    expect(stylish(report, options({ color: true }))).toContain('\u001b[33m\u001b[1m✖ 1 problem');
  });

  it('does not repeat a suggestion the message already quotes', () => {
    const report = createReport(
      'check',
      [],
      [
        {
          ruleId: 'plan/invalid-format',
          severity: 'error',
          message: 'Unknown key "evnts" in plan; did you mean "events"?',
          suggestion: 'events',
        },
      ],
      {},
    );
    expect(stylish(report, options()).split('\n')[1]).toBe(
      '    error  Unknown key "evnts" in plan; did you mean "events"?  plan/invalid-format',
    );
  });

  it('keeps paths outside cwd as given', () => {
    const report = createReport(
      'check',
      [],
      [{ ruleId: 'x/y', severity: 'error', message: 'm', file: '/elsewhere/plan.yaml', line: 2, column: 4 }],
      {},
    );
    expect(stylish(report, options()).split('\n')[0]).toBe('/elsewhere/plan.yaml');
  });
});
