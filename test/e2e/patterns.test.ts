import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { writeTree } from '../helpers/plan.js';

// Under a backtracking engine each of these runs would take longer than the age of the universe
// (2^60 steps), so a return at all, within cdp()'s 60-second limit, shows the engine is linear.
const PLAN = 'test/fixtures/patterns/backtracking.yaml';
const LOG = 'test/fixtures/patterns/backtracking.ndjson';
const EVIL = `${'a'.repeat(60)}!`;

describe('patterns that backtrack', () => {
  it('cdp lint checks the payload that would hang a backtracking engine, and reports it as an invalid value', () => {
    const r = cdp(['lint', LOG, '--plan', PLAN, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.map((d: { ruleId: string; line: number; path: string; actual: unknown }) => [d.ruleId, d.line, d.path, d.actual])).toEqual([['plan/invalid-value', 1, '/properties/code', EVIL]]);
    expect(out.diagnostics[0].message).toMatch(/^Property "code" of event "Code Entered" must match \/\^\(a\+\)\+\$\/, got "a+/);
    expect(out.summary.stats).toMatchObject({ read: 2, valid: 1, invalid: 1 });
    expect(r.code).toBe(1);
  });

  it('cdp lint on standard input, one line at a time, as a collector would feed it', () => {
    const line = JSON.stringify({ type: 'track', event: 'Code Entered', anonymousId: 'a1', properties: { code: EVIL } });
    const r = cdp(['lint', '-', '--plan', PLAN, '--format', 'json'], { input: `${line}\n`.repeat(20) });
    expect(JSON.parse(r.stdout).summary.stats).toMatchObject({ read: 20, invalid: 20 });
    expect(r.code).toBe(1);
  });

  it('cdp check warns that other tools would backtrack on the pattern', () => {
    const r = cdp(['check', PLAN]);
    expect(r.stdout).toMatch(/7:29\s+warning\s+Pattern \/\^\(a\+\)\+\$\/ backtracks in exponential time from character 3: .*plan\/unsafe-pattern/);
    expect(r.code).toBe(0);
  });

  it('a naming convention pattern runs in linear time on the keys of a payload', () => {
    const dir = writeTree({
      'plan.yaml': 'plan: p\nconventions: { property: { pattern: "^(a+)+$" } }\nevents:\n  Code Entered:\n    description: A customer typed a code.\n',
      'events.ndjson': `${JSON.stringify({ type: 'track', event: 'Code Entered', userId: 'u1', properties: { [EVIL]: 1 } })}\n`,
    });
    const r = cdp(['lint', 'events.ndjson', '--plan', 'plan.yaml', '--format', 'json', '--rule', 'plan/unplanned-property=off'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['naming/property-case']);
    expect(r.code).toBe(1);
  });
});

describe('patterns RE2 cannot run', () => {
  const dir = writeTree({
    'plan.yaml': [
      'plan: p',
      'events:',
      '  Code Entered:',
      '    description: A customer typed a code.',
      '    properties:',
      '      code: { type: string, pattern: "^(?!TEST)[A-Z]+$" }',
      '      twice: { type: string, pattern: "^(a)\\\\1$" }',
      '',
    ].join('\n'),
    'events.ndjson': '{"type":"track","event":"Code Entered","userId":"u1","properties":{"code":"AB"}}\n',
    'cdp.config.json': '{}',
  });

  it('stop cdp lint before it reads a line, each reported at its position in the plan', () => {
    const r = cdp(['lint', 'events.ndjson', '--plan', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/6:38\s+error\s+Pattern \/\^\(\?!TEST\)\[A-Z\]\+\$\/ cannot run in linear time \(RE2\), as cdp runs every pattern: the negative lookahead \(\?!…\) at character 2; .*plan\/invalid-schema/);
    expect(r.stdout + r.stderr).toMatch(/7:39\s+error\s+Pattern \/\^\(a\)\\1\$\/ cannot run in linear time \(RE2\), as cdp runs every pattern: the backreference \\1 at character 5\s+plan\/invalid-schema/);
  });

  it('are errors of cdp check, and are not reported as unsafe as well', () => {
    const r = cdp(['check', 'plan.yaml', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.map((d: { ruleId: string; line: number; column: number }) => [d.ruleId, d.line, d.column])).toEqual([
      ['plan/invalid-schema', 6, 38],
      ['plan/invalid-schema', 7, 39],
    ]);
    expect(r.code).toBe(2);
  });

  it('in a naming convention, are a configuration error', () => {
    const conv = writeTree({ 'cdp.config.json': JSON.stringify({ conventions: { event: { pattern: '^(?=[A-Z])[A-Za-z ]+$' } } }), 'plan.yaml': 'plan: p\nevents:\n  A Happened:\n    description: x.\n' });
    const r = cdp(['check', 'plan.yaml'], { cwd: conv });
    expect(r.stderr).toContain('Invalid event convention {"pattern":"^(?=[A-Z])[A-Za-z ]+$"}: pattern /^(?=[A-Z])[A-Za-z ]+$/ cannot run in linear time (RE2), as cdp runs every pattern: the lookahead (?=…) at character 2');
    expect(r.code).toBe(2);
  });
});
