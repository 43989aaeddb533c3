import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { summarize, SummaryCounter } from '../../src/core/report.js';
import { json } from '../../src/reporters/json.js';
import { DiagnosticGroups } from '../../src/reporters/group.js';
import { prepareUnitOutput } from '../../src/validate/unit-output.js';

const diagnostics: Diagnostic[] = [
  { ruleId: 'plan/invalid-value', severity: 'error', message: 'a', file: '/work/log.ndjson', line: 1, expected: 'number', actual: '1' },
  { ruleId: 'plan/unplanned-property', severity: 'warn', message: 'b', file: '/work/log.ndjson', line: 2 },
  { ruleId: 'spec/invalid-json', severity: 'error', message: 'c\n"quoted"', line: 3 },
];
const unit = { read: 3, valid: 0, invalid: 2, malformed: 1, diagnostics };
const NO_EVENTS = { read: 0, valid: 0, invalid: 0, malformed: 0 };

describe('prepareUnitOutput', () => {
  it('renders the elements the json reporter would write, and counts them', () => {
    const out = prepareUnitOutput(unit, unit.diagnostics, { format: 'json', cwd: '/work', quiet: false });
    expect(out).toMatchObject({ read: 3, valid: 0, invalid: 2, malformed: 1 });
    const whole = json({ command: 'lint', files: [], diagnostics, summary: summarize(diagnostics), rules: {} }, { color: false, cwd: '/work' });
    const body = whole.slice(whole.indexOf('"diagnostics": [') + '"diagnostics": ['.length, whole.lastIndexOf('\n  ]'));
    expect('json' in out && out.json.slice(1)).toBe(body);
    const counter = new SummaryCounter();
    counter.merge(out.counts);
    expect(counter.summary()).toEqual(summarize(diagnostics));
  });

  it('leaves warnings out under --quiet, from the text and the counts', () => {
    const out = prepareUnitOutput(unit, unit.diagnostics, { format: 'json', cwd: '/work', quiet: true });
    expect(out.counts).toEqual({ errors: 2, warnings: 0, fatal: 0, rules: [['plan/invalid-value', 1], ['spec/invalid-json', 1]] });
    expect('json' in out && out.json).not.toContain('unplanned-property');
  });
});

describe('grouped units', () => {
  it('merge to the same groups as adding every diagnostic in order', () => {
    const many = Array.from({ length: 30 }, (_, i): Diagnostic => ({ ruleId: 'plan/invalid-value', severity: 'error', message: `m${i % 3}`, messageId: 'x', path: `/properties/p/${i}`, line: i + 1, file: 'f' }));
    const direct = new DiagnosticGroups();
    many.forEach((d) => direct.add(d));
    const merged = new DiagnosticGroups();
    for (let start = 0; start < many.length; start += 7) {
      const out = prepareUnitOutput(NO_EVENTS, many.slice(start, start + 7), { format: 'groups', quiet: false });
      merged.merge('groups' in out ? out.groups : []);
    }
    expect(merged.toDiagnostics()).toEqual(direct.toDiagnostics());
    expect(direct.toDiagnostics()[0]!.occurrences).toEqual({ count: 30, lines: [1, 2, 3, 4, 5] });
  });

  it('overflow past the cap the same way when merged', () => {
    const distinct = Array.from({ length: 25 }, (_, i): Diagnostic => ({ ruleId: `r/${i % 2}`, severity: 'warn', message: `m${i}`, line: i + 1, file: 'f' }));
    const direct = new DiagnosticGroups(10);
    distinct.forEach((d) => direct.add(d));
    const merged = new DiagnosticGroups(10);
    for (let start = 0; start < distinct.length; start += 4) {
      const out = prepareUnitOutput(NO_EVENTS, distinct.slice(start, start + 4), { format: 'groups', quiet: false });
      merged.merge('groups' in out ? out.groups : []);
    }
    expect(merged.toDiagnostics()).toEqual(direct.toDiagnostics());
  });
});

describe('SummaryCounter.merge', () => {
  it('adds counts made elsewhere to its own', () => {
    const a = new SummaryCounter();
    a.add(diagnostics[0]!);
    const b = new SummaryCounter();
    b.add(diagnostics[0]!);
    b.add(diagnostics[1]!);
    a.merge(b.counts());
    expect(a.summary()).toEqual({ errorCount: 2, warningCount: 1, fatalCount: 0, rules: { 'plan/invalid-value': 2, 'plan/unplanned-property': 1 }, stats: {} });
  });
});
