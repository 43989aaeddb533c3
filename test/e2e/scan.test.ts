import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';
import { writeTree } from '../helpers/plan.js';

const PROJECT = join(ROOT, 'test/fixtures/scan/storefront');
const BINDINGS = join(ROOT, 'test/fixtures/scan/bindings');

interface JsonReport {
  summary: { errorCount: number; warningCount: number; fatalCount: number; stats: Record<string, number> };
  diagnostics: Array<{ ruleId: string; severity: string; message: string; file: string; line: number; column: number; path?: string }>;
  coverage: Array<{ type: string; event: string; implemented: boolean; locations: Array<{ file: string; line: number; column: number }> }>;
}

function scanJson(args: string[], cwd = PROJECT): { code: number | null; report: JsonReport; stderr: string } {
  const r = cdp(['scan', ...args, '--format', 'json'], { cwd });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const PLAN = `
plan: tiny
events:
  Order Completed:
    description: An order.
    properties:
      order_id: { type: string, required: true }
`;

let fixtureRun: ReturnType<typeof scanJson> | undefined;
/** The fixture project's JSON report, from one run shared by the tests that only read it. */
function fixtureReport(): ReturnType<typeof scanJson> {
  fixtureRun ??= scanJson([]);
  return fixtureRun;
}

describe('cdp scan', () => {
  it('finds exactly the expected problems in the fixture project, with every call form and none of the negatives', () => {
    const { code, report, stderr } = fixtureReport();
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const found = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}${d.path ? ' ' + d.path : ''}`);
    expect(found).toEqual([
      'src/broken.ts:2:54 scan/parse-error',
      // analytics.track('Order Completed', { orderId, revenue: '42.50' })
      'src/checkout.ts:12:3 naming/property-case /properties/orderId',
      'src/checkout.ts:12:3 plan/invalid-value /properties/revenue',
      'src/checkout.ts:12:3 plan/missing-required /properties/order_id',
      'src/checkout.ts:12:3 plan/unplanned-property /properties/orderId',
      // optional chaining, an imported enum, and a spread of a typed variable (CartBase has cartTotal)
      'src/checkout.ts:14:3 naming/property-case /properties/cartTotal',
      'src/checkout.ts:14:3 plan/unplanned-property /properties/cartTotal',
      // `as const` object of the same file; nested array of objects
      'src/checkout.ts:17:3 plan/invalid-value /properties/products/0/price',
      'src/checkout.ts:17:3 plan/missing-required /properties/products/0/product_id',
      'src/checkout.ts:18:3 scan/dynamic-event-name',
      'src/checkout.ts:19:3 plan/unplanned-event /event',
      'src/checkout.ts:20:3 naming/event-case /event',
      'src/checkout.ts:20:3 plan/unplanned-event /event',
      'src/components/Banner.vue:7:3 naming/property-case /properties/productName',
      'src/components/Banner.vue:7:3 plan/unplanned-property /properties/productName',
      // scan.calls: telemetry.track(event, properties); trackEvent({ name }) without property checks
      'src/custom.ts:4:1 plan/missing-required /properties/coupon_id',
      'src/custom.ts:4:1 plan/unplanned-property /properties/coupon',
      'src/custom.ts:6:1 naming/event-case /event',
      'src/custom.ts:6:1 plan/unplanned-event /event',
      // generated functions: named, aliased, and through a namespace import
      'src/generated-calls.ts:6:3 plan/missing-required /properties/product_id',
      'src/generated-calls.ts:7:3 plan/invalid-value /properties/step',
      // identify(userId, traits); destructured track; page(category, name, properties)
      'src/identity.ts:9:3 plan/invalid-value /traits/plan_tier',
      'src/identity.ts:9:3 plan/missing-required /traits/email',
      'src/identity.ts:11:3 plan/missing-required /properties/product_id',
      'src/identity.ts:11:3 plan/unplanned-property /properties/sku',
      'src/identity.ts:13:3 plan/unplanned-event /name',
      // analytics-node object form
      'src/server.ts:7:3 plan/invalid-value /properties/step',
      'src/server.ts:7:3 plan/missing-required /properties/cart_id',
      // after /* cdp-enable */; the two calls above it are suppressed
      'src/suppressed.ts:6:1 plan/missing-required /properties/order_id',
    ]);
    expect(report.summary.stats).toEqual({ files: 13, parsed: 12, calls: 31 });
  });

  it('reports with the same messages as cdp lint', () => {
    const { report } = fixtureReport();
    const at = (file: string, line: number) => report.diagnostics.filter((d) => d.file === file && d.line === line).map((d) => d.message);
    expect(at('src/checkout.ts', 12)).toEqual([
      'Property "orderId" of event "Order Completed" is not in snake_case',
      'Property "revenue" of event "Order Completed" must be number, got "42.50"',
      'Event "Order Completed" is missing required property "order_id"',
      'Property "orderId" of event "Order Completed" is not in the plan',
    ]);
    expect(at('src/checkout.ts', 18)).toEqual(['Event name `name` cannot be resolved statically, so this call is not checked against the plan']);
    const lint = cdp(['lint', '-', '--plan', 'tracking-plan.yaml', '--format', 'json'], {
      cwd: PROJECT,
      input: JSON.stringify({ type: 'track', userId: 'u', event: 'Order Completed', properties: { orderId: 'o', revenue: '42.50' } }) + '\n',
    });
    expect((JSON.parse(lint.stdout) as JsonReport).diagnostics.map((d) => d.message).sort()).toEqual([...at('src/checkout.ts', 12)].sort());
  });

  it('lists per planned event, page and screen where it is sent, in --format json and --format coverage', () => {
    const { report } = fixtureReport();
    expect(report.coverage.map((c) => [c.type, c.event, c.implemented, c.locations.length])).toEqual([
      ['track', 'Order Completed', true, 7],
      ['track', 'Product Viewed', true, 6],
      ['track', 'Checkout Started', true, 4],
      ['track', 'Coupon Applied', true, 3],
      ['track', 'Signed Up', false, 0],
      ['page', 'Home', true, 1],
    ]);
    expect(report.coverage[3]!.locations).toEqual([
      { file: 'src/checkout.ts', line: 15, column: 3 },
      { file: 'src/custom.ts', line: 4, column: 1 },
      { file: 'src/custom.ts', line: 5, column: 1 },
    ]);
    const text = cdp(['scan', '--format', 'coverage'], { cwd: PROJECT });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Coupon Applied    implemented (3 call sites)\n  src/checkout.ts:15:3\n  src/custom.ts:4:1  1 error, 1 warning\n  src/custom.ts:5:1\n');
    expect(text.stdout).toContain('Signed Up         not implemented\n');
    expect(text.stdout).toContain('page Home         implemented (1 call site)\n  src/identity.ts:12:3\n');
    expect(text.stdout).toContain('4 of 5 planned events, 1 of 1 planned page implemented\n');
  });

  it('scans only the paths given, and exits 0 when they are clean', () => {
    const r = cdp(['scan', 'src/server.ts', 'src/lib', '--rule', 'plan/invalid-value=off', '--rule', 'plan/missing-required=off'], { cwd: PROJECT });
    expect(r.stdout).toBe('scan: 3 files · 2 parsed · 3 calls\n');
    expect(r.code).toBe(0);
  });

  it('stops with exit code 2 on a path that does not exist or an unknown format', () => {
    const missing = cdp(['scan', 'nope'], { cwd: PROJECT });
    expect(missing.stderr).toBe('cdp: No such file or folder: nope\n');
    expect(missing.code).toBe(2);
    const format = cdp(['scan', '--format', 'tap'], { cwd: PROJECT });
    expect(format.stderr).toContain('Unknown format "tap"; use one of stylish, json, sarif, github, junit, coverage');
    expect(format.code).toBe(2);
  });

  it('reads scan.include, scan.maxFileSize and codegen.out from the config', () => {
    const dir = writeTree({
      'plan.yaml': PLAN,
      'cdp.config.json': JSON.stringify({ plan: 'plan.yaml', scan: { include: ['app'], maxFileSize: 200 }, codegen: { out: 'app/gen/' } }),
      'app/a.ts': "analytics.track('Order Completed', {});\n",
      'app/big.ts': `analytics.track('Order Completed', {});\n// ${'x'.repeat(300)}\n`,
      'app/gen/tracking.ts': "analytics.track('Not Scanned', {});\n",
      'other/b.ts': "analytics.track('Order Completed', {});\n",
    });
    const { report } = scanJson([], dir);
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      'app/a.ts plan/missing-required Event "Order Completed" is missing required property "order_id"',
      'app/big.ts scan/skipped-file Skipped: 344 bytes is over the 200 bytes limit (scan.maxFileSize); minified bundles and generated code are not scanned',
    ]);
  });

  it('takes gitignore-style patterns in scan.include, anchored at the config folder, and reports one that matches nothing', () => {
    const files = {
      'plan.yaml': PLAN,
      'src/a.ts': "analytics.track('Order Completed', {});\n",
      'src/deep/b.tsx': "analytics.track('Order Completed', {});\n",
      'src/deep/c.js': "analytics.track('Order Completed', {});\n",
      'lib/src/d.ts': "analytics.track('Order Completed', {});\n",
      'tools/e.ts': "analytics.track('Order Completed', {});\n",
    };
    const dir = writeTree({ ...files, 'cdp.config.json': JSON.stringify({ plan: 'plan.yaml', scan: { include: ['src/**/*.ts', 'src/**/*.tsx', 'tools'] } }) });
    expect(scanJson([], dir).report.diagnostics.map((d) => d.file)).toEqual(['src/a.ts', 'src/deep/b.tsx', 'tools/e.ts']);
    const none = writeTree({ ...files, 'cdp.config.json': JSON.stringify({ plan: 'plan.yaml', scan: { include: ['src/**/*.vue', 'src/*.ts'] } }) });
    const r = cdp(['scan'], { cwd: none });
    expect(r.stderr).toBe("cdp: No files match scan.include 'src/**/*.vue'\n");
    expect(r.code).toBe(2);
  });

  it('survives bad input: a minified bundle, binary files, symlink loops, a tsconfig that does not parse', () => {
    const dir = writeTree({
      'plan.yaml': PLAN,
      'tsconfig.json': '{ "compilerOptions": { "strict": true,, } ',
      'src/constants.ts': "export type Done = 'Order Completed';\n",
      'src/a.ts': "import type { Done } from './constants';\nexport const send = (name: Done) => analytics.track(name, {});\n",
    });
    writeFileSync(join(dir, 'src/binary.js'), Buffer.from([0x61, 0x6e, 0x61, 0x6c, 0x79, 0x74, 0x69, 0x63, 0x73, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'src/vendor.min.js'), `analytics.track("Bundled",{});${'var a=1;'.repeat(5 * 128 * 1024)}`);
    mkdirSync(join(dir, 'src/nested'));
    symlinkSync(join(dir, 'src'), join(dir, 'src/nested/loop'));
    const { code, report } = scanJson(['--plan', 'plan.yaml'], dir);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line ?? ''}:${d.column ?? ''} ${d.ruleId}`)).toEqual([
      'src/a.ts:2:37 plan/missing-required',
      'src/binary.js:: scan/skipped-file',
      'src/vendor.min.js:: scan/skipped-file',
      'tsconfig.json:1:39 scan/parse-error',
    ]);
    expect(report.diagnostics[2]!.message).toBe('Skipped: 5.0 MB is over the 1.0 MB limit (scan.maxFileSize); minified bundles and generated code are not scanned');
    expect(report.diagnostics[3]!.message).toMatch(/^Cannot read tsconfig.json: .+; names and types from other files are resolved with default compiler options$/);
    expect(code).toBe(1);
  });

  it('asks the type checker with default options when the project has no tsconfig.json', () => {
    const dir = writeTree({
      'plan.yaml': PLAN,
      'src/types.ts': "export type Done = 'Order Completed';\nexport interface Extra { coupon_code: string }\n",
      'src/a.ts': "import type { Done, Extra } from './types';\nexport const send = (name: Done, extra: Extra) => analytics.track(name, { order_id: 'o', ...extra });\n",
    });
    const { code, report } = scanJson(['--plan', 'plan.yaml'], dir);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.path}`)).toEqual(['src/a.ts:2:51 plan/unplanned-property /properties/coupon_code']);
    expect(report.coverage).toEqual([{ type: 'track', event: 'Order Completed', implemented: true, locations: [{ file: 'src/a.ts', line: 2, column: 51 }] }]);
    expect(code).toBe(0);
  });

  it('resolves a constant imported through a tsconfig path alias with the type checker', () => {
    const dir = writeTree({
      'plan.yaml': PLAN,
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'src/lib/events.ts': "export const DONE = 'Order Completed';\n",
      'src/a.ts': "import { DONE } from '@/lib/events';\nanalytics.track(DONE, {});\n",
    });
    const { report } = scanJson(['--plan', 'plan.yaml'], dir);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['src/a.ts:2:1 plan/missing-required']);
  });

  it('reports through every shared format: sarif, github, junit', () => {
    const total = fixtureReport().report.diagnostics.length;
    const sarif = JSON.parse(cdp(['scan', '--format', 'sarif'], { cwd: PROJECT }).stdout) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(total);
    const github = cdp(['scan', '--format', 'github'], { cwd: PROJECT });
    expect(github.stdout).toContain('::error file=src/checkout.ts,line=12,col=3,title=plan/missing-required::Event "Order Completed" is missing required property "order_id"');
    expect(github.code).toBe(1);
    const junit = cdp(['scan', '--format', 'junit'], { cwd: PROJECT }).stdout;
    expect(junit).toContain(`failures="${total}"`);
  });
});

describe('cdp scan follows bindings through the module graph', () => {
  it('checks the calls on instances, methods and wrappers a module passes on, under any name, and nothing else', () => {
    const { code, report, stderr } = scanJson([], BINDINGS);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}${d.path ? ' ' + d.path : ''}`)).toEqual([
      // import { analytics as seg } from './lib/analytics', which re-exports AnalyticsBrowser.load's client
      'src/aliased.ts:4:1 plan/missing-required /properties/product_id',
      // new Analytics(...) from @segment/analytics-node, through `export *` of a barrel (this file names no client)
      'src/barrel.ts:5:1 plan/missing-required /properties/order_id',
      // scan.calls with dotted paths: trackManual({ user, data: { event, properties } })
      'src/custom.ts:4:1 plan/missing-required /properties/product_id',
      'src/custom.ts:4:1 plan/unplanned-property /properties/sku',
      // a default import
      'src/default.ts:4:1 plan/invalid-value /properties/order_id',
      // the window.analytics snippet, passed on as `browser`
      'src/functions.ts:6:1 plan/unplanned-event /event',
      // a namespace import of a module that re-exports the client
      'src/namespace.ts:7:1 plan/missing-required /properties/order_id',
    ]);
    // No call of react-tracking's track, none through the `export *` loop or a missing module, none in the wrapper itself.
    expect(report.summary.stats).toEqual({ files: 15, parsed: 13, calls: 17 });
  });

  it('counts every call site found through bindings in --format coverage', () => {
    const { report } = scanJson([], BINDINGS);
    const sites = (event: string) => report.coverage.find((c) => c.event === event)!.locations.map((l) => `${l.file}:${l.line}`);
    expect(sites('Order Completed')).toEqual(['src/aliased.ts:3', 'src/barrel.ts:5', 'src/custom.ts:3', 'src/default.ts:4', 'src/namespace.ts:4', 'src/namespace.ts:7']);
    expect(sites('Product Viewed')).toEqual(['src/aliased.ts:4', 'src/barrel.ts:4', 'src/barrel.ts:6', 'src/custom.ts:4', 'src/functions.ts:4', 'src/namespace.ts:6', 'src/unresolved.ts:8']);
    expect(sites('Home')).toEqual(['src/default.ts:3', 'src/functions.ts:5']);
    const text = cdp(['scan', '--format', 'coverage'], { cwd: BINDINGS });
    expect(text.stdout).toContain('Product Viewed   implemented (7 call sites)\n  src/aliased.ts:4:1  1 error\n  src/barrel.ts:4:1\n  src/barrel.ts:6:1\n');
    expect(text.stdout).toContain('2 of 2 planned events, 1 of 1 planned page implemented\n');
    expect(text.code).toBe(1);
  });

  it('stops with exit code 2 and a did-you-mean on a scan.calls entry that could never match', () => {
    const dir = writeTree({
      'plan.yaml': PLAN,
      'src/a.ts': "trackManual({ data: { event: 'Order Completed', properties: {} } });\n",
      'cdp.config.json': JSON.stringify({ plan: 'plan.yaml', scan: { calls: [{ callee: 'trackManual', event: 'data[event]' }] } }),
    });
    const wrongForm = cdp(['scan'], { cwd: dir });
    expect(wrongForm.stderr).toBe('cdp: Invalid config cdp.config.json: "scan.calls.0.event" must be an argument index or a dotted path of keys, such as "data.event" (did you mean "data.event"?)\n');
    expect(wrongForm.stdout).toBe('');
    expect(wrongForm.code).toBe(2);
    writeFileSync(join(dir, 'cdp.config.json'), JSON.stringify({ plan: 'plan.yaml', scan: { calls: [{ callee: 'trackManual', event: 'data.event', properties: 'data.event' }] } }));
    const overlap = cdp(['scan'], { cwd: dir });
    expect(overlap.stderr).toMatch(/^cdp: Invalid config cdp\.config\.json: "scan\.calls\.0" puts "properties" \("data\.event"\) at or inside "event" .*\(did you mean "properties": "data\.properties"\?\)\n$/);
    expect(overlap.code).toBe(2);
    writeFileSync(join(dir, 'cdp.config.json'), JSON.stringify({ plan: 'plan.yaml', scan: { calls: [{ callee: 'trackManual', event: 'data.event', properties: 'data.properties' }] } }));
    const fixed = scanJson([], dir);
    expect(fixed.report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['src/a.ts:1 plan/missing-required']);
  });
});
