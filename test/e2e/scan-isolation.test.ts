import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';
import { writeTree } from '../helpers/plan.js';

const PROJECT = join(ROOT, 'test/fixtures/scan/storefront');

interface Diagnostic {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line?: number;
  column?: number;
}
interface JsonReport {
  summary: { stats: { files: number; parsed: number; calls: number } };
  diagnostics: Diagnostic[];
}

function scanJson(cwd: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = cdp(['scan', '--format', 'json'], { cwd });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const IMPORT = "import { analytics } from './lib/analytics';\n";
const HOSTILE: Record<string, string> = {
  // The three inputs of issue 14: each one took the whole scan down with "Maximum call stack size exceeded".
  'src/deep-array.ts': `${IMPORT}analytics.track('Product Viewed', { product_id: 'p1', x: ${'['.repeat(3000)}1${']'.repeat(3000)} });\n`,
  'src/deep-object.ts': `${IMPORT}analytics.track('Product Viewed', ${'{a:'.repeat(3000)}1${'}'.repeat(3000)});\n`,
  'src/deep-expression.ts': `${IMPORT}analytics.track('Product Viewed', { product_id: 'p1' });\nexport const y = ${'(1+'.repeat(5000)}1${')'.repeat(5000)};\n`,
  // TypeScript's own checker runs out of stack on a chain of 3,000 constants (syntax follows 16 and leaves the rest to it).
  'src/const-chain.ts': `${IMPORT}${Array.from({ length: 3000 }, (_, i) => `const c${i} = c${i + 1};\n`).join('')}const c3000 = 'Product Viewed';\nanalytics.track(c0, { product_id: 'p1' });\n`,
  // The parser reads a member chain in a loop; the type checker's binder would recurse through it.
  'src/deep-member.ts': `${IMPORT}import { EVENTS } from './lib/events';\nanalytics.track('Product Viewed', { product_id: EVENTS${'.b'.repeat(5000)} });\n`,
  // Parsed and checked, but nested past what a payload may be: the part deeper than 62 levels is not checked.
  'src/components/Deep.vue': `<template><div/></template>\n<script lang="ts">\nimport { analytics } from '../lib/analytics';\nanalytics.track('Product Viewed', { productName: 'Mug', x: ${'{a:'.repeat(70)}1${'}'.repeat(70)} });\n</script>\n`,
};

describe('cdp scan on files no scan can get through', () => {
  it('reports each hostile file on its own and still checks every other file', () => {
    const clean = scanJson(PROJECT);
    const dir = writeTree({});
    cpSync(PROJECT, dir, { recursive: true });
    for (const [file, text] of Object.entries(HOSTILE)) writeFileSync(join(dir, file), text);
    const { code, report, stderr } = scanJson(dir);

    expect(stderr).toBe('');
    expect(code).toBe(1);
    const hostile = new Set(Object.keys(HOSTILE));
    // Every other file's diagnostics, exactly as without the hostile files.
    expect(report.diagnostics.filter((d) => !hostile.has(d.file))).toEqual(clean.report.diagnostics);
    const shown = report.diagnostics.filter((d) => hostile.has(d.file)).map((d) => `${d.file} ${d.line ?? '-'}:${d.column ?? '-'} ${d.severity} ${d.ruleId} ${d.message}`);
    expect(shown).toEqual([
      'src/components/Deep.vue 4:1 error naming/property-case Property "productName" of event "Product Viewed" is not in snake_case',
      'src/components/Deep.vue 4:1 error plan/missing-required Event "Product Viewed" is missing required property "product_id"',
      'src/components/Deep.vue 4:1 warn plan/unplanned-property Property "productName" of event "Product Viewed" is not in the plan',
      'src/components/Deep.vue 4:1 warn plan/unplanned-property Property "x" of event "Product Viewed" is not in the plan',
      'src/components/Deep.vue 4:1 error scan/too-deep The track call nests objects or arrays more than 62 levels deep, at 4:246: no tracking data is that deep, and what lies deeper is not checked',
      'src/const-chain.ts -:- error internal/check-failed cdp failed while checking this file: RangeError: Maximum call stack size exceeded. This is a bug in cdp: please report it with this input',
      expect.stringMatching(/^src\/deep-array\.ts 2:\d+ error scan\/parse-error Cannot parse: the code nests too deep for the TypeScript parser here; tracking calls in this file are not checked$/),
      expect.stringMatching(/^src\/deep-expression\.ts 3:\d+ error scan\/parse-error Cannot parse: the code nests too deep/),
      'src/deep-member.ts 3:49 error scan/too-deep Code here nests more than 500 levels deep, past what the TypeScript type checker can go through: names and values in this file that need it count as unknown',
      expect.stringMatching(/^src\/deep-object\.ts 2:\d+ error scan\/parse-error Cannot parse: the code nests too deep/),
    ]);
    // The place named is inside the nesting, where it got too deep: past the first levels, before the end.
    const arrayAt = report.diagnostics.find((d) => d.file === 'src/deep-array.ts')!.column!;
    expect(arrayAt).toBeGreaterThan(70);
    expect(arrayAt).toBeLessThan(70 + 3000);
    // Files: the six more were all found; parsed: the three the parser got through; calls: the two of the files checked (deep-member.ts and Deep.vue).
    const before = clean.report.summary.stats;
    expect(report.summary.stats).toEqual({ files: before.files + 6, parsed: before.parsed + 3, calls: before.calls + 2 });
  });

  it('does not let one file on which the type checker fails cost another file its names', () => {
    const dir = writeTree({
      'plan.yaml': 'plan: p\nevents:\n  Order Completed:\n    description: An order.\n    properties:\n      order_id: string\n',
      'cdp.config.json': JSON.stringify({ plan: 'plan.yaml' }),
      // Both files need the checker, which settles a.ts first and fails on it; b.ts's name is its literal type.
      'src/names.ts': "declare function get(): 'Order Completed';\nexport const ORDER = get();\n",
      'src/a.ts': `${IMPORT}${Array.from({ length: 3000 }, (_, i) => `const c${i} = c${i + 1};\n`).join('')}const c3000 = 'Order Completed';\nanalytics.track(c0);\n`,
      'src/b.ts': `${IMPORT}import { ORDER } from './names';\nanalytics.track(ORDER);\nanalytics.track(ORDER, { order_id: 1 });\n`,
      'src/lib/analytics.ts': "import { AnalyticsBrowser } from '@segment/analytics-next';\nexport const analytics = AnalyticsBrowser.load({ writeKey: 'k' });\n",
    });
    const { code, report, stderr } = scanJson(dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file} ${d.line ?? '-'} ${d.ruleId} ${d.message}`)).toEqual([
      'src/a.ts - internal/check-failed cdp failed while checking this file: RangeError: Maximum call stack size exceeded. This is a bug in cdp: please report it with this input',
      'src/b.ts 4 plan/invalid-value Property "order_id" of event "Order Completed" must be string, got 1',
    ]);
    // Parsed: a.ts, b.ts and lib/analytics.ts (which names the client); calls: b.ts's two.
    expect(report.summary.stats).toMatchObject({ parsed: 3, calls: 2 });
  });
});
