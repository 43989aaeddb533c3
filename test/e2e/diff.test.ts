import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/plan.js';

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  event?: string;
  fatal?: boolean;
  change?: { subject: string; breaks: string[]; intended?: { from?: number | string; to: number | string }; was?: { file: string; line: number } };
}

interface JsonReport {
  summary: { errorCount: number; warningCount: number; stats: Record<string, number> };
  diagnostics: JsonDiagnostic[];
}

const DIFF = join(FIXTURES, 'diff');
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-diff-'));
  temps.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function json(args: string[], cwd?: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = cdp(['diff', ...args, '--format', 'json'], cwd ? { cwd } : {});
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** The example plans in a temporary folder, to be edited there. */
function examplePlans(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} contains the text to edit`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('cdp diff: one fixture pair per change class', () => {
  const classes = readdirSync(DIFF);
  it('has a pair for every diff rule and for a bumped version', () => {
    expect(classes).toContain('version-bumped');
    for (const id of ['event-removed', 'event-renamed', 'property-removed', 'property-required', 'type-narrowed', 'type-widened', 'type-changed', 'enum-value-removed', 'constraint-tightened', 'pattern-changed', 'policy-tightened']) {
      expect(classes).toContain(id);
    }
  });
  for (const name of classes) {
    it(`${name}: classified as expected`, () => {
      const expected = JSON.parse(readFileSync(join(DIFF, name, 'expected.json'), 'utf8')) as Array<Record<string, unknown>>;
      const { code, report } = json([join(DIFF, name, 'old.yaml'), join(DIFF, name, 'new.yaml')]);
      const found = report.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        breaks: d.change!.breaks,
        ...(d.change!.intended ? { intended: true } : {}),
        line: d.line,
      }));
      expect(found).toEqual(expected);
      if (name !== 'version-bumped') expect(found.map((d) => d.ruleId)).toContain(`diff/${name}`);
      expect(code).toBe(expected.some((d) => d.severity === 'error') ? 1 : 0);
    });
  }
});

describe('cdp diff on the example plans', () => {
  for (const plan of ['plans/ecommerce.yaml', 'plans/b2b-saas.yaml']) {
    it(`${plan} against itself: no change, exit 0`, () => {
      const r = cdp(['diff', plan, plan]);
      expect(r.stdout).toBe('diff: 0 changes · 0 breaking · 0 compatible\n');
      expect(r.code).toBe(0);
    });
  }

  it('a change in an included file is reported at that file, per event, and a bumped version makes it intended', () => {
    const dir = examplePlans();
    cpSync(join(dir, 'plans'), join(dir, 'old'), { recursive: true });
    edit(join(dir, 'plans/ecommerce/engagement.yaml'), 'review_body: { type: string, maxLength: 10000 }', 'review_body: { type: string, maxLength: 5000 }');
    edit(join(dir, 'plans/ecommerce.yaml'), 'Money:\n    type: number\n    minimum: 0', 'Money:\n    type: number\n    minimum: 0\n    maximum: 1000000');
    edit(join(dir, 'plans/ecommerce.yaml'), '  Order Completed:\n    description: A customer completed an order; sent once per order, after payment succeeded.\n    version: 2', '  Order Completed:\n    description: A customer completed an order; sent once per order, after payment succeeded.\n    version: 3');
    const { code, report } = json(['old/ecommerce.yaml', 'plans/ecommerce.yaml'], dir);
    expect(code).toBe(1);
    const review = report.diagnostics.filter((d) => d.file === 'plans/ecommerce/engagement.yaml');
    expect(review.map((d) => [d.ruleId, d.event, d.severity, d.message])).toEqual([
      ['diff/constraint-tightened', 'Product Reviewed', 'error', 'Property "review_body" of event "Product Reviewed": maxLength tightened from 10000 to 5000'],
    ]);
    // Money is used by many events: each gets its own change, at the type's line.
    const money = report.diagnostics.filter((d) => d.message.includes('(type "Money")'));
    const events = new Set(money.map((d) => d.event));
    expect(events.size).toBeGreaterThan(5);
    for (const d of money) expect([d.ruleId, d.file, d.line]).toEqual(['diff/constraint-tightened', 'plans/ecommerce.yaml', 34]);
    const completed = money.filter((d) => d.event === 'Order Completed');
    expect(completed.length).toBeGreaterThan(0);
    for (const d of completed) {
      expect(d.severity).toBe('warn');
      expect(d.change!.intended).toEqual({ from: 2, to: 3 });
      expect(d.message).toMatch(/\(intended: version 2 → 3\)$/);
    }
    for (const d of money.filter((x) => x.event !== 'Order Completed')) expect(d.severity).toBe('error');
  });

  it('b2b-saas: renaming an event and adding null to a trait', () => {
    const dir = examplePlans();
    const plan = join(dir, 'plans/b2b-saas.yaml');
    cpSync(plan, join(dir, 'old.yaml'));
    edit(plan, '  Feature Flag Toggled:', '  Feature Flag Changed:');
    edit(plan, '    industry: string', '    industry: { type: [string, "null"] }');
    const { code, report } = json(['old.yaml', 'plans/b2b-saas.yaml'], dir);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['diff/event-renamed', 'The event "Feature Flag Toggled" was removed and "Feature Flag Changed" added with the same properties: renamed?'],
      ['diff/type-widened', 'Trait "industry" of the group traits now also accepts null (type string → [string, null])'],
    ]);
    expect(report.diagnostics[0]!.change!.was).toMatchObject({ file: 'old.yaml' });
  });

  it('prints markdown for a pull-request comment: breaking events first', () => {
    const dir = examplePlans();
    const plan = join(dir, 'plans/b2b-saas.yaml');
    cpSync(plan, join(dir, 'old.yaml'));
    edit(plan, '      widget_count: { type: integer, minimum: 0, maximum: 50 }', '      widget_count: { type: integer, minimum: 0, maximum: 100 }');
    edit(plan, 'export_format: { enum: [csv, xlsx, pdf], required: true }', 'export_format: { enum: [csv, xlsx], required: true }');
    const r = cdp(['diff', 'old.yaml', 'plans/b2b-saas.yaml', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('### Tracking plan changes');
    expect(lines).toContain('❌ breaking: 1 · ⚠️ intended: 0 · ✅ compatible: 1');
    const headings = lines.filter((l) => l.startsWith('#### '));
    expect(headings).toEqual(['#### ❌ Event "Report Exported"', '#### ✅ Event "Dashboard Created"']);
    expect(lines.find((l) => l.includes('no longer allows'))).toBe(
      '| ❌ breaking | Property "export_format" of event "Report Exported" no longer allows "pdf" | senders, consumers | `plans/b2b-saas.yaml:138` |',
    );
  });

  it('annotates the plan\'s lines with --format github', () => {
    const r = cdp(['diff', join(DIFF, 'type-changed/old.yaml'), join(DIFF, 'type-changed/new.yaml'), '--format', 'github']);
    expect(r.stdout).toBe(
      '::error file=test/fixtures/diff/type-changed/new.yaml,line=5,col=7,title=diff/type-changed::Property "order_id" of event "Order Completed" changed type from number to string\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('cdp diff: configuration and usage', () => {
  const pair = [join(DIFF, 'property-required/old.yaml'), join(DIFF, 'property-required/new.yaml')];

  it('takes rule severities from --rule and from the config', () => {
    expect(cdp(['diff', ...pair, '--rule', 'diff/property-required=warn']).code).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, 'cdp.config.json'), JSON.stringify({ rules: { 'diff/property-required': 'off' } }));
    const r = cdp(['diff', ...pair], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([0, 'diff: 0 changes · 0 breaking · 0 compatible\n']);
  });

  it('needs two files or --against (exit 2)', () => {
    const r = cdp(['diff', pair[0]!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cdp diff compares two plans');
    expect(cdp(['diff', ...pair, '--plan', pair[0]!]).code).toBe(2);
  });

  it('stops with exit 2 when a plan cannot be loaded', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yaml'), 'plan: shop\nevents:\n  A Happened:\n    properties:\n      a: Nope\n');
    const r = cdp(['diff', 'broken.yaml', pair[1]!], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('broken.yaml');
    expect(r.stdout).toContain('plan/unknown-type-ref');
  });
});

describe('cdp diff --against <git-ref>', () => {
  function git(dir: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  }

  /** A repository whose plan (with an include) is committed on main, then edited in the working tree. */
  function repository(): string {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'tracking-plan.yaml'), 'plan: shop\nversion: 1\ninclude: events/orders.yaml\nevents:\n  Product Viewed:\n    properties:\n      product_id: string\n');
    cpSync(join(DIFF, 'enum-value-removed/old.yaml'), join(dir, 'scratch.yaml'));
    execFileSync('mkdir', ['-p', join(dir, 'events')]);
    writeFileSync(join(dir, 'events/orders.yaml'), 'events:\n  Order Completed:\n    version: 1\n    properties:\n      order_id: string\n      coupon: string\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'plan');
    return dir;
  }

  it('reads the old plan and its includes at the ref; exits 1 on a breaking change without a version bump', () => {
    const dir = repository();
    writeFileSync(join(dir, 'events/orders.yaml'), 'events:\n  Order Completed:\n    version: 1\n    properties:\n      order_id: { type: string, required: true }\n');
    const { code, report } = json(['--against', 'main'], dir);
    expect(report.diagnostics.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      ['events/orders.yaml', 4, 'error', 'Property "coupon" of event "Order Completed" was removed'],
      ['events/orders.yaml', 5, 'error', 'Property "order_id" of event "Order Completed" is now required'],
    ]);
    expect(report.diagnostics[0]!.change!.was).toEqual({ file: 'main:events/orders.yaml', line: 6, column: 7 });
    expect(code).toBe(1);
  });

  it('exits 0 with warnings when the event\'s version was bumped', () => {
    const dir = repository();
    writeFileSync(join(dir, 'events/orders.yaml'), 'events:\n  Order Completed:\n    version: 2\n    properties:\n      order_id: { type: string, required: true }\n');
    const { code, report } = json(['--against', 'HEAD'], dir);
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['warn', 'warn']);
    expect(report.summary.errorCount).toBe(0);
    expect(code).toBe(0);
  });

  it('reads the plan named by --plan, from a subfolder of the repository', () => {
    const dir = repository();
    execFileSync('mkdir', ['-p', join(dir, 'sub')]);
    writeFileSync(join(dir, 'tracking-plan.yaml'), 'plan: shop\nversion: 1\ninclude: events/orders.yaml\nevents: {}\n');
    const { code, report } = json(['--against', 'main', '--plan', '../tracking-plan.yaml'], join(dir, 'sub'));
    expect(report.diagnostics.map((d) => [d.ruleId, d.event])).toEqual([['diff/event-removed', 'Product Viewed']]);
    expect(code).toBe(1);
  });

  it('is a usage error (exit 2) for an unknown ref, outside a repository, or with a file argument', () => {
    const dir = repository();
    const unknown = cdp(['diff', '--against', 'no-such-branch'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown git ref "no-such-branch"');
    const outside = tempDir();
    writeFileSync(join(outside, 'tracking-plan.yaml'), 'plan: shop\nevents: {}\n');
    const notRepo = cdp(['diff', '--against', 'main'], { cwd: outside });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toContain('is not inside a git repository');
    expect(cdp(['diff', '--against', 'main', 'tracking-plan.yaml'], { cwd: dir }).code).toBe(2);
    expect(cdp(['diff', '--against', '--output=x'], { cwd: dir }).code).toBe(2);
  });

  it('treats a plan that did not exist at the ref as all new', () => {
    const dir = repository();
    writeFileSync(join(dir, 'second.yaml'), 'plan: second\nevents:\n  Signed Up:\n    properties: {}\n');
    const r = cdp(['diff', '--against', 'main', '--plan', 'second.yaml', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toContain('second.yaml does not exist at main');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['diff/event-added']);
    expect(r.code).toBe(0);
  });

  it('reports an include missing at the ref as a problem of the plan at that ref (exit 2)', () => {
    const dir = repository();
    writeFileSync(join(dir, 'tracking-plan.yaml'), 'plan: shop\ninclude: [events/orders.yaml, events/gone.yaml]\nevents: {}\n');
    git(dir, 'commit', '-qam', 'include a file never committed');
    writeFileSync(join(dir, 'tracking-plan.yaml'), 'plan: shop\ninclude: events/orders.yaml\nevents: {}\n');
    const { code, report } = json(['--against', 'main'], dir);
    expect(report.diagnostics.map((d) => [d.ruleId, d.file, d.message])).toEqual([
      ['plan/io-error', 'main:tracking-plan.yaml', 'Cannot read included plan file events/gone.yaml: no such file at main'],
    ]);
    expect(code).toBe(2);
  });
});
