import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { EventValidators } from '../../src/validate/event-validators.js';
import { verifyPlanSchemas } from '../../src/compile/verify.js';
import { resolveConventions, resolveSeverities } from '../../src/config/resolve.js';
import { compareDiagnostics, type Diagnostic } from '../../src/core/diagnostic.js';
import { loadPlan, PlanLoadError } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { checkPlan } from '../../src/rules/check-plan.js';
import { readUnits } from '../../src/ingest/read-units.js';
import { SCAN_PAYLOAD_RULES } from '../../src/scan/check-calls.js';
import { FATAL_PROBLEMS, getRule, INTERNAL_PROBLEMS, RULES } from '../../src/rules/index.js';
import { docsReference, type Rule } from '../../src/rules/types.js';
import { EventChecker } from '../../src/validate/event-checker.js';
import { processUnit } from '../../src/validate/process-unit.js';
import { planFrom, writeTree } from '../helpers/plan.js';
import { diffPlans } from '../../src/interop/diff-plans.js';
import { diffDiagnostics } from '../../src/interop/diff-report.js';
import { runRule } from '../rules/rule-tester.js';

/**
 * docs/rules.md is checked against the rules themselves. Its examples are marked with HTML comments
 * on the line before their code fence:
 *
 * - `<!-- bad: <id> -->` / `<!-- good: <id> -->`: a plan the rule must flag / must accept
 *   (`cdp check`, the rule alone);
 * - `<!-- messages: <id> -->`: a text block with what the bad example just above it reports,
 *   one `line:column  severity  message  rule` line per diagnostic;
 * - `<!-- payload-plan -->`: the one plan every payload example is checked against;
 * - `<!-- bad-payload: <id> -->` / `<!-- good-payload: <id> -->`: NDJSON lines (`cdp lint`, every
 *   rule at its default) of which every line is flagged by the rule / none is flagged at all;
 * - `<!-- payload-messages: <id> -->`: what the bad payload example just above it reports, sorted
 *   as `cdp lint` prints them, one `line[:column]  severity  message  rule` line per diagnostic;
 * - `<!-- fatal: <id> -->`: a plan (saved as plan.yaml) that cannot be loaded because of that problem,
 *   followed by `<!-- file: <name> -->` blocks for the other files of the same example;
 * - `<!-- diff-old: <id> -->` / `<!-- diff-new: <id> -->`: two plans `cdp diff old.yaml new.yaml`
 *   compares (every rule at its default), followed by `<!-- diff-messages: <id> -->`: every change it
 *   reports, one `line:column  severity  message  rule` line each (positions in new.yaml).
 */

const DOC_URL = new URL('../../docs/rules.md', import.meta.url);
const doc = readFileSync(DOC_URL, 'utf8');

/** Problems found after loading, when `check` and `compile` verify the compiled schemas. */
const AFTER_LOAD = new Set(['plan/invalid-schema']);
/** Problems that need no example (they depend on the file system, not on the plan's text). */
const NO_EXAMPLE = new Set(['plan/io-error', 'input/unreadable']);
/** Payload rules the event checker reports itself, before the rules' `checkPayload` run. */
const CHECKER_RULES = ['spec/invalid-json', 'spec/invalid-event', 'spec/unknown-type'];

const KINDS = ['bad', 'good', 'messages', 'fatal', 'file', 'bad-payload', 'good-payload', 'payload-messages', 'payload-plan', 'diff-old', 'diff-new', 'diff-messages'] as const;

interface Block {
  kind: (typeof KINDS)[number];
  /** The rule, problem or file name; empty for the payload plan. */
  id: string;
  text: string;
  /** 1-based line of the marker in the doc, for failure messages. */
  line: number;
}

interface FatalExample {
  id: string;
  line: number;
  files: Record<string, string>;
}

function parseBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const marker =
      /^<!--\s*(bad-payload|good-payload|payload-messages|diff-old|diff-new|diff-messages|bad|good|messages|fatal|file):\s*(\S+)\s*-->\s*$/.exec(line) ??
      /^<!--\s*(payload-plan)()\s*-->\s*$/.exec(line);
    if (!marker) {
      // A marker with a typo would silently drop its example.
      if (/^<!--\s*(bad|good|messages|fatal|file|payload|diff)\b/.test(line)) throw new Error(`docs/rules.md:${i + 1}: malformed example marker "${line}"`);
      return;
    }
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    const fence = /^```(\w*)\s*$/.exec(lines[j] ?? '');
    if (!fence) throw new Error(`docs/rules.md:${i + 1}: "${line}" is not followed by a code fence`);
    const end = lines.findIndex((l, k) => k > j && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`docs/rules.md:${j + 1}: code fence is never closed`);
    blocks.push({ kind: marker[1] as Block['kind'], id: marker[2]!, text: lines.slice(j + 1, end).join('\n') + '\n', line: i + 1 });
  });
  return blocks;
}

function headings(markdown: string): string[] {
  let inFence = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) inFence = !inFence;
    const h = !inFence && /^### (.+?)\s*$/.exec(line);
    if (h) out.push(h[1]!);
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Severity, message (with its suggestion) and rule, as the stylish reporter prints them, unpadded. */
function describeDiagnostic(d: Diagnostic): string {
  const suggestion = d.suggestion !== undefined && !d.message.includes('did you mean') ? ` (did you mean "${d.suggestion}"?)` : '';
  return `${d.severity === 'warn' ? 'warning' : d.severity}  ${d.message}${suggestion}  ${d.ruleId}`;
}

/** A diagnostic as the doc's message blocks write it (the stylish reporter's columns, unpadded). */
function formatLine(d: Diagnostic): string {
  return `${d.line}:${d.column}  ${describeDiagnostic(d)}`;
}

/** A payload diagnostic: `line`, or `line:column` when the checker knows the column (malformed JSON). */
function formatPayloadLine(d: Diagnostic): string {
  return `${d.line}${d.column !== undefined ? `:${d.column}` : ''}  ${describeDiagnostic(d)}`;
}

/** Runs one rule alone, with the conventions the plan sets for itself (as `cdp check` would). */
function runAlone(rule: Rule, yaml: string): Diagnostic[] {
  return runRule(rule, yaml, resolveConventions(planFrom(yaml), {}));
}

function ruleOf(id: string): Rule {
  const rule = getRule(id);
  if (!rule) throw new Error(`docs/rules.md has an example for unknown rule "${id}"`);
  return rule;
}

/** The problems that stop `check` for a plan: the loader's, else those found in its compiled schemas. */
function loadProblems(example: FatalExample): { thrown: boolean; diagnostics: Diagnostic[] } {
  const dir = writeTree(example.files);
  try {
    const plan = loadPlan('plan.yaml', dir);
    return { thrown: false, diagnostics: verifyPlanSchemas(plan) };
  } catch (error) {
    if (error instanceof PlanLoadError) return { thrown: true, diagnostics: error.diagnostics };
    throw error;
  }
}

const blocks = parseBlocks(doc);
const examples = (kind: 'bad' | 'good' | 'bad-payload' | 'good-payload') => blocks.filter((b) => b.kind === kind);
const ruleIds = RULES.map((r) => r.meta.id);
/** Rules `cdp check` runs over the plan. */
const planRuleIds = RULES.filter((r) => r.checkPlan).map((r) => r.meta.id);
/** Rules `cdp diff` reports changes with. */
const diffRuleIds = RULES.filter((r) => r.diff).map((r) => r.meta.id);
/** Rules `cdp lint` runs over each payload. */
const payloadRuleIds = RULES.filter((r) => r.checkPayload || CHECKER_RULES.includes(r.meta.id)).map((r) => r.meta.id);
const fatalIds = Object.keys(FATAL_PROBLEMS);
const internalIds = Object.keys(INTERNAL_PROBLEMS);

/** Where a rule runs, as the rules table writes it. */
function stagesOf(id: string): string {
  const scan = SCAN_PAYLOAD_RULES.includes(id) || id.startsWith('scan/');
  const stages = [planRuleIds.includes(id) ? 'check' : undefined, payloadRuleIds.includes(id) ? 'lint' : undefined, scan ? 'scan' : undefined];
  return [...stages, diffRuleIds.includes(id) ? 'diff' : undefined].filter(Boolean).join(', ');
}

let payloadSetup: { plan: Plan; checker: EventChecker } | undefined;

/** The documented payload plan, loaded like `cdp lint` loads a plan, and a checker with every rule at its default. */
function payloadPlan(): { plan: Plan; checker: EventChecker } {
  if (payloadSetup) return payloadSetup;
  const [block, ...more] = blocks.filter((b) => b.kind === 'payload-plan');
  if (!block) throw new Error('docs/rules.md has no <!-- payload-plan --> block');
  if (more.length > 0) throw new Error(`docs/rules.md:${more[0]!.line}: a second payload plan; payload examples are checked against one plan`);
  const plan = loadPlan('plan.yaml', writeTree({ 'plan.yaml': block.text }));
  const { severities, explicit } = resolveSeverities({});
  const checker = new EventChecker(plan, new EventValidators(plan, compilePlan(plan)), { severities, explicit, conventions: resolveConventions(plan, {}) });
  payloadSetup = { plan, checker };
  return payloadSetup;
}

/** Lints an example's lines as `cdp lint example.ndjson` would, sorted as the stylish reporter prints them. */
function lintExample(text: string): Diagnostic[] {
  const unit = { kind: 'lines' as const, file: 'example.ndjson', firstLine: 1, data: Buffer.from(text) };
  return processUnit(unit, payloadPlan().checker).diagnostics.sort(compareDiagnostics);
}

/** 1-based numbers of the example's non-blank lines. */
function exampleLines(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
}

const fatalExamples: FatalExample[] = [];
for (const b of blocks) {
  if (b.kind === 'fatal') fatalExamples.push({ id: b.id, line: b.line, files: { 'plan.yaml': b.text } });
  if (b.kind === 'file') {
    const last = fatalExamples.at(-1);
    if (!last) throw new Error(`docs/rules.md:${b.line}: a file block must follow a fatal example`);
    last.files[b.id] = b.text;
  }
}

/** Each messages block belongs to the nearest bad example (of its kind) above it. */
function attachMessages(messages: 'messages' | 'payload-messages', bad: 'bad' | 'bad-payload') {
  return blocks.flatMap((b, i) => (b.kind === messages ? [{ block: b, bad: blocks.slice(0, i).findLast((x) => x.kind === bad) }] : []));
}
const messageBlocks = attachMessages('messages', 'bad');

interface DiffExample {
  id: string;
  line: number;
  old: string;
  new?: string;
  messages?: string;
}

/** Each diff example: an old plan, the new plan right after it, then the messages right after that. */
const diffExamples: DiffExample[] = [];
for (const b of blocks) {
  const last = diffExamples.at(-1);
  if (b.kind === 'diff-old') diffExamples.push({ id: b.id, line: b.line, old: b.text });
  if (b.kind !== 'diff-new' && b.kind !== 'diff-messages') continue;
  const expected = b.kind === 'diff-new' ? last?.new === undefined && last?.messages === undefined : last?.new !== undefined && last.messages === undefined;
  if (!last || last.id !== b.id || !expected) throw new Error(`docs/rules.md:${b.line}: ${b.kind}: ${b.id} does not follow the ${b.kind === 'diff-new' ? 'diff-old' : 'diff-new'} block of the same rule`);
  if (b.kind === 'diff-new') last.new = b.text;
  else last.messages = b.text;
}

/** What `cdp diff old.yaml new.yaml` reports for an example, every rule at its default, sorted as printed. */
function diffExample(example: DiffExample): Diagnostic[] {
  const dir = writeTree({ 'old.yaml': example.old, 'new.yaml': example.new ?? '' });
  const plans = { old: loadPlan('old.yaml', dir), new: loadPlan('new.yaml', dir) };
  return diffDiagnostics(diffPlans(plans.old, plans.new), plans, { severities: resolveSeverities({}).severities }).sort(compareDiagnostics);
}
const payloadMessageBlocks = attachMessages('payload-messages', 'bad-payload');

describe('docs/rules.md', () => {
  it('has exactly one heading per rule and per fatal problem, and none for unknown ids', () => {
    const found = headings(doc);
    const known = [...ruleIds, ...fatalIds, ...internalIds];
    for (const id of known) expect(found.filter((h) => h === id), `### ${id}`).toHaveLength(1);
    expect(found.filter((h) => !known.includes(h)), 'headings naming no rule or problem').toEqual([]);
  });

  it('has the anchors docsReference() names', () => {
    const anchors = new Set(headings(doc).map(githubAnchor));
    for (const id of [...ruleIds, ...fatalIds, ...internalIds]) expect(anchors.has(docsReference(id).split('#')[1]!), docsReference(id)).toBe(true);
  });

  it('lists every rule with its default severity and stages in the rules table', () => {
    const section = doc.slice(doc.indexOf('\n## All rules'), doc.indexOf('\n### ', doc.indexOf('\n## All rules')));
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
      .filter((cells) => /`[^`]+\/[^`]+`/.test(cells[0] ?? ''));
    const table = rows.map(([name, severity, stages]) => ({ id: /`([^`]+)`/.exec(name!)![1]!, severity, stages: stages?.replace(/`/g, '') }));
    expect(table.map((r) => r.id)).toEqual(ruleIds);
    for (const { id, severity, stages } of table) {
      expect(severity, id).toBe(getRule(id)!.meta.defaultSeverity);
      expect(stages, `stages of ${id}`).toBe(stagesOf(id));
    }
    for (const [name] of rows) {
      const link = /\]\(#([^)]+)\)/.exec(name!);
      if (link) expect(`docs/rules.md#${link[1]}`).toBe(docsReference(/`([^`]+)`/.exec(name!)![1]!));
    }
  });

  it('runs every rule at some stage', () => {
    for (const id of ruleIds) expect(stagesOf(id), id).not.toBe('');
    for (const id of CHECKER_RULES) expect(getRule(id), id).toBeDefined();
  });

  it('has a bad and a good plan example for every rule that checks the plan', () => {
    for (const id of planRuleIds) {
      expect(examples('bad').some((b) => b.id === id), `bad example for ${id}`).toBe(true);
      expect(examples('good').some((b) => b.id === id), `good example for ${id}`).toBe(true);
    }
  });

  it('has a bad and a good payload example for every rule that checks payloads', () => {
    for (const id of payloadRuleIds) {
      expect(examples('bad-payload').some((b) => b.id === id), `bad payload example for ${id}`).toBe(true);
      expect(examples('good-payload').some((b) => b.id === id), `good payload example for ${id}`).toBe(true);
    }
  });

  it('quotes the messages of every bad payload example', () => {
    for (const bad of examples('bad-payload')) {
      expect(payloadMessageBlocks.filter((m) => m.bad === bad), `payload-messages for ${bad.id} (line ${bad.line})`).toHaveLength(1);
    }
  });

  it('has one payload plan, which cdp check accepts with every rule at its default', () => {
    const { plan } = payloadPlan();
    const diagnostics = checkPlan(plan, { severities: resolveSeverities({}).severities, conventions: resolveConventions(plan, {}) });
    expect(diagnostics.map(formatLine)).toEqual([]);
  });

  it('has an example for every fatal problem that can be written as a plan', () => {
    for (const id of fatalIds.filter((x) => !NO_EXAMPLE.has(x))) {
      expect(fatalExamples.some((e) => e.id === id), `fatal example for ${id}`).toBe(true);
    }
  });

  it('has an old and a new plan, and their messages, for every rule of cdp diff', () => {
    for (const id of diffRuleIds) {
      const example = diffExamples.find((e) => e.id === id);
      expect(example, `diff example for ${id}`).toBeDefined();
      expect(example!.new, `diff-new for ${id}`).toBeDefined();
      expect(example!.messages, `diff-messages for ${id}`).toBeDefined();
    }
  });

  it('marks examples with known ids only', () => {
    for (const b of blocks.filter((x) => x.kind !== 'file' && x.kind !== 'payload-plan')) {
      const known = b.kind === 'fatal' ? fatalIds : b.kind.startsWith('diff') ? diffRuleIds : b.kind.includes('payload') ? payloadRuleIds : planRuleIds;
      expect(known, `docs/rules.md:${b.line}: ${b.kind}: ${b.id}`).toContain(b.id);
    }
  });

  describe('bad examples are flagged by their rule', () => {
    for (const b of examples('bad')) {
      it(`${b.id} (line ${b.line})`, () => {
        const found = runAlone(ruleOf(b.id), b.text);
        expect(found.length, 'diagnostics').toBeGreaterThan(0);
        for (const d of found) expect(d.ruleId).toBe(b.id);
      });
    }
  });

  describe('good examples pass their rule', () => {
    for (const b of examples('good')) {
      it(`${b.id} (line ${b.line})`, () => {
        expect(runAlone(ruleOf(b.id), b.text).map(formatLine)).toEqual([]);
      });
    }
  });

  describe('quoted messages are what the bad examples report', () => {
    for (const { block, bad } of messageBlocks) {
      it(`${block.id} (line ${block.line})`, () => {
        expect(bad, 'a bad example above the messages').toBeDefined();
        expect(bad!.id).toBe(block.id);
        const quoted = block.text.split('\n').filter((l) => l.trim() !== '');
        expect(runAlone(ruleOf(bad!.id), bad!.text).map(formatLine)).toEqual(quoted);
      });
    }
  });

  describe('payload examples are read as NDJSON, as cdp lint reads them from a file', () => {
    // cdp lint picks the format from the first bytes (a first line that opens an object without
    // closing it is a pretty-printed JSON document): the examples must be lines to it too.
    for (const b of [...examples('bad-payload'), ...examples('good-payload')]) {
      it(`${b.kind}: ${b.id} (line ${b.line})`, async () => {
        const path = join(writeTree({ 'example.ndjson': b.text }), 'example.ndjson');
        const kinds: string[] = [];
        for await (const unit of readUnits({ name: 'example.ndjson', path })) kinds.push(unit.kind);
        expect(kinds).toEqual(['lines']);
      });
    }
  });

  describe('bad payload examples are flagged by their rule on every line', () => {
    for (const b of examples('bad-payload')) {
      it(`${b.id} (line ${b.line})`, () => {
        const found = lintExample(b.text);
        expect(found.map((d) => d.ruleId), found.map(formatPayloadLine).join('\n')).toContain(b.id);
        const flagged = new Set(found.filter((d) => d.ruleId === b.id).map((d) => d.line));
        for (const line of exampleLines(b.text)) expect(flagged.has(line), `line ${line} of the example is flagged by ${b.id}`).toBe(true);
      });
    }
  });

  describe('good payload examples pass every rule', () => {
    for (const b of examples('good-payload')) {
      it(`${b.id} (line ${b.line})`, () => {
        expect(lintExample(b.text).map(formatPayloadLine)).toEqual([]);
      });
    }
  });

  describe('quoted payload messages are what the bad payload examples report', () => {
    for (const { block, bad } of payloadMessageBlocks) {
      it(`${block.id} (line ${block.line})`, () => {
        expect(bad, 'a bad payload example above the messages').toBeDefined();
        expect(bad!.id).toBe(block.id);
        const quoted = block.text.split('\n').filter((l) => l.trim() !== '');
        expect(lintExample(bad!.text).map(formatPayloadLine)).toEqual(quoted);
      });
    }
  });

  describe('diff examples report what their messages quote, their own rule among them', () => {
    for (const example of diffExamples) {
      it(`${example.id} (line ${example.line})`, () => {
        const found = diffExample(example);
        expect(found.map((d) => d.ruleId)).toContain(example.id);
        expect(found.map(formatLine)).toEqual((example.messages ?? '').split('\n').filter((l) => l.trim() !== ''));
      });
    }
  });

  describe('fatal examples stop the command with their problem', () => {
    for (const example of fatalExamples) {
      it(`${example.id} (line ${example.line})`, () => {
        const { thrown, diagnostics } = loadProblems(example);
        // plan/invalid-schema is found once the plan has loaded, before any rule runs; the rest stop loadPlan.
        expect(thrown, AFTER_LOAD.has(example.id) ? 'loads, then fails verification' : 'fails to load with a PlanLoadError').toBe(!AFTER_LOAD.has(example.id));
        expect(diagnostics.map((d) => d.ruleId)).toContain(example.id);
        for (const d of diagnostics) expect(d.fatal, d.message).toBe(true);
      });
    }
  });
});
