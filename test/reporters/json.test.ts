import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { json, jsonChunks, jsonDiagnosticRun } from '../../src/reporters/json.js';
import { CWD, DIAGNOSTICS, fixtureReport, NASTY, options } from './fixture.js';

const KEY_ORDER = [
  'ruleId',
  'messageId',
  'severity',
  'message',
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'event',
  'path',
  'expected',
  'actual',
  'suggestion',
  'fatal',
];

interface Output {
  summary: Record<string, unknown>;
  diagnostics: Record<string, unknown>[];
}

const parse = (text: string): Output => JSON.parse(text) as Output;

describe('json reporter', () => {
  it('writes the summary and every diagnostic, newline-terminated', () => {
    const text = json(fixtureReport(), options());
    expect(text.endsWith('}\n')).toBe(true);
    const out = parse(text);
    expect(Object.keys(out)).toEqual(['summary', 'diagnostics']);
    expect(out.summary).toEqual({
      errorCount: 4,
      warningCount: 2,
      fatalCount: 1,
      rules: {
        'coverage/unseen-event': 1,
        'input/malformed': 1,
        'naming/event-case': 1,
        'plan/invalid-type': 1,
        'plan/missing-required': 1,
        'plan/unknown-type': 1,
      },
      stats: { events: 41, files: 3 },
    });
    expect(out.diagnostics).toHaveLength(DIAGNOSTICS.length);
  });

  it('writes diagnostic keys in the documented order, whatever order they were built in', () => {
    const report = createReport(
      'check',
      [],
      [
        {
          fatal: true,
          suggestion: 's',
          actual: 1,
          expected: [1, 2],
          path: '/p',
          event: 'E',
          endColumn: 9,
          endLine: 8,
          column: 7,
          line: 6,
          file: 'f.yaml',
          message: 'm',
          severity: 'error',
          messageId: 'id',
          ruleId: 'r/x',
        },
      ],
      {},
    );
    const [diagnostic] = parse(json(report, options())).diagnostics;
    expect(Object.keys(diagnostic!)).toEqual(KEY_ORDER);
    for (const d of parse(json(fixtureReport(), options())).diagnostics) {
      const keys = Object.keys(d);
      expect(keys).toEqual(KEY_ORDER.filter((k) => keys.includes(k)));
    }
  });

  it('omits undefined values and keeps any JSON value for expected/actual', () => {
    const out = parse(json(fixtureReport(), options())).diagnostics;
    const missing = out.find((d) => d.ruleId === 'plan/missing-required')!;
    expect(missing).toEqual({
      ruleId: 'plan/missing-required',
      messageId: 'missing',
      severity: 'error',
      message: 'Event "Order Completed" is missing required property "total".',
      file: 'events.ndjson',
      line: 7,
      column: 1,
      event: 'Order Completed',
      path: '/properties/total',
      expected: { type: 'number' },
    });
    expect('actual' in missing).toBe(false);
    const invalid = out.find((d) => d.ruleId === 'plan/invalid-type')!;
    expect(invalid.actual).toBe(NASTY);
    const falsy = createReport('check', [], [{ ruleId: 'r', severity: 'warn', message: 'm', expected: null, actual: 0 }], {});
    expect(parse(json(falsy, options())).diagnostics[0]).toMatchObject({ expected: null, actual: 0 });
  });

  it('prints file paths relative to cwd when they are inside it', () => {
    const files = parse(json(fixtureReport(), options())).diagnostics.map((d) => d.file);
    expect(files).toEqual([undefined, 'events.ndjson', 'events.ndjson', 'events.ndjson', 'plans/web.yaml', 'plans/web.yaml']);
    expect(parse(json(fixtureReport(), options({ cwd: '/other' }))).diagnostics[1]!.file).toBe('/repo/events.ndjson');
  });
});

describe('json reporter text', () => {
  it('is exactly what JSON.stringify(…, null, 2) gives, nested and odd values included', () => {
    const report = fixtureReport();
    const odd = { ruleId: 'x/y', severity: 'warn' as const, message: 'q"\u2028\n\u0000', expected: { a: [1, { b: null }], '': {} }, actual: [], occurrences: { count: 2, lines: [1, 2] } };
    const diagnostics = [...report.diagnostics, odd, { ...odd, expected: 'é', actual: null }];
    const text = json({ ...report, diagnostics }, options());
    const parsed = JSON.parse(text) as Output;
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed.diagnostics.at(-2)).toMatchObject({ expected: odd.expected, actual: [], occurrences: odd.occurrences });
  });

  it('gives the same text from diagnostics passed as UTF-8 bytes cut anywhere, as cdp lint spools them', () => {
    const report = fixtureReport();
    const run = jsonDiagnosticRun([...report.diagnostics, { ruleId: 'x/y', severity: 'warn', message: 'é€𝄞' }], CWD);
    const bytes = Buffer.from(run);
    // Cut inside the four bytes of 𝄞 and right after the leading comma.
    const at = bytes.indexOf(Buffer.from('𝄞')) + 2;
    const pieces = [bytes.subarray(0, 1), bytes.subarray(1, at), bytes.subarray(at)];
    const fromBytes = Buffer.concat([...jsonChunks(report.summary, pieces, CWD)].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
    expect(fromBytes).toBe([...jsonChunks(report.summary, [run], CWD)].join(''));
    expect(JSON.parse(fromBytes).diagnostics).toHaveLength(report.diagnostics.length + 1);
  });
});
