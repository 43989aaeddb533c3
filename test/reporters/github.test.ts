import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { github } from '../../src/reporters/github.js';
import { parseWorkflowCommands } from '../helpers/output-schemas.js';
import { DIAGNOSTICS, fixtureReport, options } from './fixture.js';

describe('github reporter', () => {
  it('writes one workflow command per diagnostic and nothing else', () => {
    const lines = github(fixtureReport(), options()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(DIAGNOSTICS.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) [^:]*::/);
    expect(lines).toContain(
      '::error file=plans/web.yaml,line=3,endLine=3,col=5,endColumn=10,title=plan/unknown-type::Property "price" has unknown type "money".',
    );
    expect(lines).toContain(
      '::warning file=plans/web.yaml,line=12,col=3,title=naming/event-case::Event name "order completed" is not Title Case. (did you mean "Order Completed"?)',
    );
  });

  it('omits absent location properties', () => {
    const lines = github(fixtureReport(), options()).split('\n');
    expect(lines).toContain('::warning title=coverage/unseen-event::Planned event "Product Viewed" was never seen.');
    expect(lines).toContain('::error file=events.ndjson,line=120,title=input/malformed::Line is not valid JSON.');
  });

  it('escapes %, CR and LF in the message so it cannot start a new command', () => {
    const out = github(fixtureReport(), options());
    const line = out.split('\n').find((l) => l.includes('plan/invalid-type'))!;
    expect(line.split('::')[2]).toBe(
      'Property "note" must be a number, got "50%25 <b>off</b> & "free"%0Aline2\u001b[31m".',
    );
    const report = createReport('check', [], [{ ruleId: 'r', severity: 'error', message: 'a\r\n::error::b 100%' }], {});
    expect(github(report, options())).toBe('::error title=r::a%0D%0A::error::b 100%25\n');
  });

  it('also escapes : and , in property values', () => {
    const report = createReport(
      'check',
      [],
      [{ ruleId: 'a:b,c', severity: 'warn', message: 'm: x, y', file: '/repo/dir,1/x:y%.yaml', line: 1 }],
      {},
    );
    expect(github(report, options())).toBe('::warning file=dir%2C1/x%3Ay%25.yaml,line=1,title=a%3Ab%2Cc::m: x, y\n');
  });

  it('writes any message, file name and rule id so that the runner reads them back unchanged', () => {
    // Strings built mostly from the characters the escaping is about, so that every mix is tried.
    const text = fc.string({ unit: fc.constantFrom('%', '\r', '\n', ':', ',', '=', ' ', '0', 'A', 'D', '2', '5', 'C', '3', 'é', '::') });
    fc.assert(
      // The runner trims the property list, so a rule id (the last property) must not end in a space; none does.
      fc.property(text, text.filter((s) => s !== ''), text.filter((s) => s !== '' && !s.endsWith(' ')), (message, file, ruleId) => {
        const report = createReport('check', [], [{ ruleId, severity: 'warn', message, file: `/elsewhere/${file}`, line: 2, column: 3 }], {});
        expect(parseWorkflowCommands(github(report, options()))).toEqual([
          { command: 'warning', properties: { file: `/elsewhere/${file}`, line: '2', col: '3', title: ruleId }, data: message },
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints nothing for a clean report', () => {
    expect(github(createReport('check', ['/repo/a.ndjson'], [], {}, { events: 1 }), options())).toBe('');
  });
});
