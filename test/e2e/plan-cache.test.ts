import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { modulesOf } from '../helpers/modules.js';
import { writeTree } from '../helpers/plan.js';

const PLAN = [
  'plan: shop',
  'include: part.yaml',
  'events:',
  '  Order Completed:',
  '    properties:',
  '      order_id: { type: string, required: true, pattern: "^o[0-9]+$" }',
  '      email: { type: string, format: email }',
  '',
].join('\n');
const PART = ['events:', '  Product Viewed:', '    properties:', '      product_id: { type: string, required: true }', ''].join('\n');
const EVENTS = [
  { type: 'track', event: 'Order Completed', userId: 'u', properties: { order_id: 'o1', email: 'a@b.co' } },
  { type: 'track', event: 'Order Completed', userId: 'u', properties: { order_id: 'x', email: 'nope', extra: 1 } },
  { type: 'track', event: 'Product Viewed', userId: 'u', properties: {} },
  { type: 'track', event: 'Product Clicked', userId: 'u', properties: { product_id: 'p' } },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

function project() {
  return writeTree({ 'package.json': '{}', 'plan.yaml': PLAN, 'part.yaml': PART, 'events.ndjson': `${EVENTS}\n` });
}

const lint = (dir: string, ...extra: string[]) => cdp(['lint', 'events.ndjson', '--plan', 'plan.yaml', '--format', 'json', ...extra], { cwd: dir });
const entries = (cacheDir: string) => (existsSync(join(cacheDir, 'plans')) ? readdirSync(join(cacheDir, 'plans'), { recursive: true }).map(String).sort() : []);

describe('the plan cache (cdp lint)', () => {
  it('answers the same from the cache as without it, and fills node_modules/.cache/cdp', () => {
    const dir = project();
    const cacheDir = join(dir, 'node_modules', '.cache', 'cdp');
    const plain = lint(dir, '--no-cache');
    expect(plain.code).toBe(1);
    expect(entries(cacheDir)).toEqual([]);
    const first = lint(dir);
    const second = lint(dir);
    for (const run of [first, second]) {
      expect(run.code).toBe(plain.code);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe(plain.stderr);
    }
    // The plan and the validators of the two planned events the log names.
    expect(entries(cacheDir).filter((f) => f.endsWith('.bin') || f.endsWith('.cjs'))).toHaveLength(3);
  });

  it('a run with a warm cache loads neither the plan loader, js-yaml, ajv\'s compiler nor the pattern parser', () => {
    const dir = project();
    lint(dir);
    const modules = modulesOf(['lint', 'events.ndjson', '--plan', 'plan.yaml'], dir);
    expect(modules).toContain('src/cli/lint.ts');
    expect(modules).toContain('src/validate/event-validators.ts');
    // Nor the pattern parser: the stored validators say how their pattern runs.
    const loader = /^src\/plan\/(load|yaml-source)\.ts$|^node_modules\/(js-yaml\/|@eslint-community\/regexpp\/|ajv\/dist\/(ajv|core|compile\/index)\.js)/;
    expect(modules.filter((m) => loader.test(m))).toEqual([]);
    // The same run without the cache loads each of them: the assertion above can fail.
    const cold = modulesOf(['lint', 'events.ndjson', '--plan', 'plan.yaml', '--no-cache'], dir);
    expect(cold.filter((m) => /^src\/plan\/load\.ts$|^node_modules\/(js-yaml|@eslint-community\/regexpp)\/|^node_modules\/ajv\/dist\/core\.js$/.test(m)).length).toBe(4);
  });

  it('sees an edited plan and an edited include at once', () => {
    const dir = project();
    const unplanned = (run: ReturnType<typeof lint>) => (JSON.parse(run.stdout).diagnostics as Array<{ ruleId: string; event?: string }>).filter((d) => d.ruleId === 'plan/unplanned-event').map((d) => d.event);
    expect(unplanned(lint(dir))).toEqual(['Product Clicked']);
    writeFileSync(join(dir, 'part.yaml'), PART.replace('Product Viewed', 'Product Clicked'));
    expect(unplanned(lint(dir))).toEqual(['Product Viewed']);
    writeFileSync(join(dir, 'plan.yaml'), PLAN.replace('  Order Completed:', '  Order Placed:'));
    expect(unplanned(lint(dir))).toEqual(['Order Completed', 'Order Completed', 'Product Viewed']);
    expect(unplanned(lint(dir, '--no-cache'))).toEqual(['Order Completed', 'Order Completed', 'Product Viewed']);
  });

  it('--cache-location puts it elsewhere; a place it cannot write changes nothing but the time', () => {
    const dir = project();
    const plain = lint(dir, '--no-cache');
    const elsewhere = mkdtempSync(join(tmpdir(), 'cdp-cache-'));
    expect(lint(dir, '--cache-location', elsewhere).stdout).toBe(plain.stdout);
    expect(entries(elsewhere).some((f) => f.endsWith('plan.bin'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);

    writeFileSync(join(dir, 'blocked'), 'a file, not a folder');
    const blocked = lint(dir, '--cache-location', 'blocked');
    expect([blocked.code, blocked.stdout, blocked.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
  });

  it('a damaged entry is read as a miss and written again', () => {
    const dir = project();
    const plain = lint(dir, '--no-cache');
    lint(dir);
    const cacheDir = join(dir, 'node_modules', '.cache', 'cdp', 'plans');
    for (const file of entries(join(dir, 'node_modules', '.cache', 'cdp')).filter((f) => /\.(bin|cjs)$/.test(f))) writeFileSync(join(cacheDir, file), 'garbage');
    const damaged = lint(dir);
    expect([damaged.code, damaged.stdout]).toEqual([plain.code, plain.stdout]);
    for (const file of entries(join(dir, 'node_modules', '.cache', 'cdp')).filter((f) => /\.(bin|cjs)$/.test(f))) expect(readFileSync(join(cacheDir, file), 'utf8')).not.toBe('garbage');
  });

  it('worker threads read the same entry: --jobs 2 answers as --jobs 1 and loads no plan loader', () => {
    const dir = project();
    const one = lint(dir, '--jobs', '1');
    expect(JSON.parse(lint(dir, '--jobs', '2').stdout).summary).toEqual(JSON.parse(one.stdout).summary);
    const modules = modulesOf(['lint', 'events.ndjson', '--plan', 'plan.yaml', '--jobs', '2'], dir);
    expect(modules).toContain('src/validate/lint-worker.ts');
    expect(modules.filter((m) => /^src\/plan\/load\.ts$|^node_modules\/js-yaml\//.test(m))).toEqual([]);
  });
});
