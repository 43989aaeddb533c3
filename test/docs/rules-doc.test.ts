import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPlanSchemas } from '../../src/compile/verify.js';
import { resolveConventions } from '../../src/config/resolve.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadPlan, PlanLoadError } from '../../src/plan/load.js';
import { FATAL_PLAN_PROBLEMS, getRule, RULES } from '../../src/rules/index.js';
import { docsUrl, type Rule } from '../../src/rules/types.js';
import { planFrom, writeTree } from '../helpers/plan.js';
import { runRule } from '../rules/rule-tester.js';

/**
 * docs/rules.md is checked against the rules themselves. Its examples are marked with HTML comments
 * on the line before their code fence:
 *
 * - `<!-- bad: <id> -->` / `<!-- good: <id> -->`: a plan the rule must flag / must accept;
 * - `<!-- messages: <id> -->`: a text block with what the bad example just above it reports,
 *   one `line:column  severity  message  rule` line per diagnostic;
 * - `<!-- fatal: <id> -->`: a plan (saved as plan.yaml) that cannot be loaded because of that problem,
 *   followed by `<!-- file: <name> -->` blocks for the other files of the same example.
 */

const DOC_URL = new URL('../../docs/rules.md', import.meta.url);
const doc = readFileSync(DOC_URL, 'utf8');

/** Problems found after loading, when `check` and `compile` verify the compiled schemas. */
const AFTER_LOAD = new Set(['plan/invalid-schema']);
/** Problems that need no example (they depend on the file system, not on the plan's text). */
const NO_EXAMPLE = new Set(['plan/io-error']);

interface Block {
  kind: 'bad' | 'good' | 'messages' | 'fatal' | 'file';
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
    const marker = /^<!--\s*(bad|good|messages|fatal|file):\s*(\S+)\s*-->\s*$/.exec(line);
    if (!marker) return;
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

/** A diagnostic as the doc's message blocks write it (the stylish reporter's columns, unpadded). */
function formatLine(d: Diagnostic): string {
  const suggestion = d.suggestion !== undefined && !d.message.includes('did you mean') ? ` (did you mean "${d.suggestion}"?)` : '';
  return `${d.line}:${d.column}  ${d.severity === 'warn' ? 'warning' : d.severity}  ${d.message}${suggestion}  ${d.ruleId}`;
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
const examples = (kind: 'bad' | 'good') => blocks.filter((b) => b.kind === kind);
const ruleIds = RULES.map((r) => r.meta.id);
const fatalIds = Object.keys(FATAL_PLAN_PROBLEMS);

const fatalExamples: FatalExample[] = [];
for (const b of blocks) {
  if (b.kind === 'fatal') fatalExamples.push({ id: b.id, line: b.line, files: { 'plan.yaml': b.text } });
  if (b.kind === 'file') {
    const last = fatalExamples.at(-1);
    if (!last) throw new Error(`docs/rules.md:${b.line}: a file block must follow a fatal example`);
    last.files[b.id] = b.text;
  }
}

/** Each messages block belongs to the nearest bad example above it. */
const messageBlocks = blocks.flatMap((b, i) => {
  if (b.kind !== 'messages') return [];
  const bad = blocks.slice(0, i).findLast((x) => x.kind === 'bad');
  return [{ block: b, bad }];
});

describe('docs/rules.md', () => {
  it('has exactly one heading per rule and per fatal problem, and none for unknown ids', () => {
    const found = headings(doc);
    const known = [...ruleIds, ...fatalIds];
    for (const id of known) expect(found.filter((h) => h === id), `### ${id}`).toHaveLength(1);
    expect(found.filter((h) => !known.includes(h)), 'headings naming no rule or problem').toEqual([]);
  });

  it('has the anchors docsUrl() links to', () => {
    const anchors = new Set(headings(doc).map(githubAnchor));
    for (const id of [...ruleIds, ...fatalIds]) expect(anchors.has(docsUrl(id).split('#')[1]!), docsUrl(id)).toBe(true);
  });

  it('lists every rule with its default severity in the rules table', () => {
    const section = doc.slice(doc.indexOf('\n## All rules'), doc.indexOf('\n### ', doc.indexOf('\n## All rules')));
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
      .filter((cells) => /`[^`]+\/[^`]+`/.test(cells[0] ?? ''));
    const table = rows.map(([name, severity]) => ({ id: /`([^`]+)`/.exec(name!)![1]!, severity }));
    expect(table.map((r) => r.id)).toEqual(ruleIds);
    for (const { id, severity } of table) expect(severity, id).toBe(getRule(id)!.meta.defaultSeverity);
    for (const [name] of rows) {
      const link = /\]\(#([^)]+)\)/.exec(name!);
      if (link) expect(`docs/rules.md#${link[1]}`).toBe(docsUrl(/`([^`]+)`/.exec(name!)![1]!));
    }
  });

  it('has a bad and a good example for every rule', () => {
    for (const id of ruleIds) {
      expect(examples('bad').some((b) => b.id === id), `bad example for ${id}`).toBe(true);
      expect(examples('good').some((b) => b.id === id), `good example for ${id}`).toBe(true);
    }
  });

  it('has an example for every fatal problem that can be written as a plan', () => {
    for (const id of fatalIds.filter((x) => !NO_EXAMPLE.has(x))) {
      expect(fatalExamples.some((e) => e.id === id), `fatal example for ${id}`).toBe(true);
    }
  });

  it('marks examples with known ids only', () => {
    for (const b of blocks.filter((x) => x.kind !== 'file')) {
      const known = b.kind === 'fatal' ? fatalIds : ruleIds;
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
