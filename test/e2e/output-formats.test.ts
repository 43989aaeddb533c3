import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { fullMessage } from '../../src/reporters/text.js';
import { cdp } from '../helpers/cli.js';
import { HAS_XMLLINT, junitSchemaErrors, parseWorkflowCommands, sarifSchemaErrors, xpathString } from '../helpers/output-schemas.js';
import { writeTree } from '../helpers/plan.js';

/**
 * Real output of lint, scan and check, checked the way the tools that consume it read it: SARIF
 * against the official 2.1.0 schema, JUnit XML against the schema of Jenkins' xUnit plugin (and
 * read back through libxml2), workflow commands as the GitHub Actions runner parses them. The
 * event name and the file names carry every character those formats must escape.
 */
const EVIL = 'Evil <b>&"]]>\u0001 50%\r\nnext: a, b';
const PLAN = `plan: formats
events:
  Order Completed:
    description: An order.
    properties:
      order_id: { type: string, required: true }
      total: { type: number }
`;

const lint = writeTree({
  'plan.yaml': PLAN,
  'we,ird:50% #1.ndjson': [
    JSON.stringify({ type: 'track', event: EVIL, userId: 'u1', properties: {} }),
    JSON.stringify({ type: 'track', event: 'Order Completed', userId: 'u2', properties: { order_id: 'o1', total: '12 <&> \u0002 %0A ]]>' } }),
    '{"type": <bad & \u0003 ]]>',
    '',
  ].join('\n'),
});
const scan = writeTree({
  'plan.yaml': PLAN,
  'src/tra,ck:50% #1.ts': [
    'declare const analytics: { track(event: string, properties?: object): void };',
    `analytics.track(${JSON.stringify(EVIL)}, {});`,
    "analytics.track('Order Completed', { order_id: 1, total: '12 <&> \\u0002 %0A ]]>' });",
    '',
  ].join('\n'),
});
const check = writeTree({
  'pl,an:50% #1.yaml': `plan: formats
events:
  ${JSON.stringify(EVIL)}:
    description: Evil.
  Order Completed:
    properties:
      total: { type: number, minimum: 5, maximum: 1 }
`,
});

const COMMANDS: [string, string[], string][] = [
  ['lint', ['lint', 'we,ird:50% #1.ndjson', '--plan', 'plan.yaml'], lint],
  ['scan', ['scan', '--plan', 'plan.yaml', 'src'], scan],
  ['check', ['check', 'pl,an:50% #1.yaml'], check],
];

// What XML 1.0 cannot carry is written as a visible \uXXXX escape (src/reporters/junit.ts).
const XML_SHOWN = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe.each(COMMANDS)('cdp %s output that consuming tools accept', (_, args, cwd) => {
  const run = (format: string) => cdp([...args, '--format', format], { cwd });
  const json = run('json');
  const diagnostics = (JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics;

  it('has problems quoting the characters every format must escape', () => {
    expect(json.code).toBe(1);
    expect(diagnostics.filter((d) => d.message.includes(EVIL))).not.toEqual([]);
    expect(diagnostics.every((d) => /[,:%#]/.test(d.file!))).toBe(true);
  });

  it('writes SARIF that the official SARIF 2.1.0 schema accepts', () => {
    const r = run('sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]!.results.map((result) => result.message.text).sort()).toEqual(diagnostics.map(fullMessage).sort());
  });

  it.skipIf(!HAS_XMLLINT)('writes JUnit XML that the JUnit schema accepts, with every message intact', () => {
    const r = run('junit');
    expect(r.code).toBe(1);
    expect(junitSchemaErrors(r.stdout)).toEqual([]);
    const messages = diagnostics.map((_d, i) => xpathString(r.stdout, `(//failure)[${i + 1}]/@message`));
    expect(messages.sort()).toEqual(diagnostics.map((d) => XML_SHOWN(fullMessage(d))).sort());
    expect(xpathString(r.stdout, 'count(//testcase)')).toBe(String(diagnostics.length));
  });

  it('writes workflow commands that the GitHub Actions runner reads back unchanged', () => {
    const r = run('github');
    expect(r.code).toBe(1);
    const commands = parseWorkflowCommands(r.stdout);
    const expected = diagnostics.map((d) => ({
      command: d.severity === 'error' ? 'error' : 'warning',
      properties: {
        file: d.file!,
        line: String(d.line),
        ...(d.column === undefined ? {} : { col: String(d.column) }),
        ...(d.endLine === undefined ? {} : { endLine: String(d.endLine) }),
        ...(d.endColumn === undefined ? {} : { endColumn: String(d.endColumn) }),
        title: d.ruleId,
      },
      data: fullMessage(d),
    }));
    const key = (c: unknown) => JSON.stringify(c);
    expect(commands.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
