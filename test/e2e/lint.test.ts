import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdp, ROOT } from '../helpers/cli.js';

const PLAN = 'plans/ecommerce.yaml';
const ok = (n: number) => `{"type":"track","event":"Products Searched","userId":"u${n}","properties":{"query":"q${n}"}}`;
let dir: string;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function lintJson(args: string[], input?: string) {
  const r = cdp(['lint', '--plan', PLAN, '--format', 'json', ...args], input === undefined ? {} : { input });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdp-lint-'));
});

describe('cdp lint: the sample logs', () => {
  it('reports exactly the deliberate violations of plans/ecommerce.sample.ndjson', () => {
    const { code, report } = lintJson(['plans/ecommerce.sample.ndjson']);
    expect(code).toBe(1);
    expect(report.summary.stats).toEqual({ files: 1, read: 14, valid: 6, invalid: 7, malformed: 1 });
    expect(report.diagnostics.map((d: { line: number; ruleId: string; path?: string }) => `${d.line} ${d.ruleId} ${d.path ?? ''}`.trim())).toEqual([
      '4 plan/invalid-value /properties/price',
      '5 plan/unplanned-event /event',
      '5 naming/event-case /event',
      '5 naming/property-case /properties/productId',
      '10 plan/missing-required /properties/products/0/product_id',
      '10 plan/unplanned-property /properties/giftWrap',
      '10 plan/invalid-value /properties/currency',
      '10 plan/invalid-value /properties/products/0/quantity',
      '10 plan/version-mismatch /context/protocols/event_version',
      '10 naming/property-case /properties/giftWrap',
      '11 plan/deprecated-event',
      '12 spec/missing-identity',
      '12 spec/invalid-timestamp /timestamp',
      '12 spec/invalid-integrations /integrations/Mixpanel',
      '13 spec/invalid-json',
      '14 spec/unknown-type /type',
      '15 plan/unplanned-event /name',
    ]);
    expect(report.summary.errorCount + report.summary.warningCount).toBe(report.diagnostics.length);
  });

  it('reports exactly the deliberate violations of plans/b2b-saas.sample.ndjson', () => {
    const { code, report } = lintJson(['plans/b2b-saas.sample.ndjson', '--plan', 'plans/b2b-saas.yaml']);
    expect(code).toBe(1);
    expect(report.summary.stats).toEqual({ files: 1, read: 14, valid: 5, invalid: 9, malformed: 0 });
    expect(report.summary.rules).toEqual({
      'naming/property-case': 1,
      'plan/deprecated-event': 1,
      'plan/invalid-value': 5,
      'plan/missing-required': 1,
      'plan/unplanned-event': 1,
      'plan/unplanned-property': 1,
      'plan/version-mismatch': 1,
      'spec/missing-identity': 1,
    });
  });

  it('uses the plan from the config when --plan is not given', () => {
    const r = cdp(['lint', 'plans/ecommerce.sample.ndjson']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ 17 problems \(14 errors, 3 warnings\)/);
    expect(r.stdout).toMatch(/lint: 1 file · 14 read · 6 valid · 7 invalid · 1 malformed/);
  });

  it.each(['stylish', 'sarif', 'github', 'junit'])('writes the same findings as %s', (format) => {
    const r = cdp(['lint', 'plans/ecommerce.sample.ndjson', '--format', format]);
    expect(r.code).toBe(1);
    for (const rule of ['plan/invalid-value', 'plan/unplanned-event', 'spec/invalid-json', 'plan/deprecated-event', 'spec/unknown-type']) expect(r.stdout).toContain(rule);
    if (format === 'github') expect(r.stdout.trim().split('\n')).toHaveLength(17);
    if (format === 'sarif') expect(JSON.parse(r.stdout).runs[0].results).toHaveLength(17);
    if (format === 'junit') expect(r.stdout.match(/<failure /g)).toHaveLength(17);
  });
});

describe('cdp lint: inputs', () => {
  it('reads JSON arrays, batch documents, batch lines, gzip and CRLF/BOM files, with positions', () => {
    const array = file('array.json', `[\n  ${ok(1)},\n  {"type":"track","event":"Nope Happened","userId":"u"}\n]\n`);
    const batch = file('batch.json', `{\n  "sentAt": "2024-01-01T00:00:00Z",\n  "batch": [\n    ${ok(2)},\n    {"type":"track","userId":"u","event":"Bad"}\n  ]\n}\n`);
    const batchLine = file('batch-line.ndjson', `{"batch":[${ok(3)},{"type":"identify"}]}\n`);
    const gz = file('events.log', gzipSync(`${ok(4)}\n{"type":"track","event":"Gz Thing Happened","userId":"u"}\n`));
    const crlf = file('crlf.ndjson', `\uFEFF${ok(5)}\r\n\r\n${ok(6)}\r\n`);
    const { code, report } = lintJson([array, batch, batchLine, gz, crlf]);
    expect(code).toBe(1);
    expect(report.summary.stats).toEqual({ files: 5, read: 10, valid: 6, invalid: 4, malformed: 0 });
    const where = report.diagnostics.filter((d: { ruleId: string }) => d.ruleId !== 'naming/event-case').map((d: { file: string; line: number; column?: number; path?: string }) => `${d.file.split('/').pop()}:${d.line}:${d.column ?? ''} ${d.path ?? ''}`);
    expect(where).toEqual([
      'array.json:3:3 /event',
      'batch.json:5:5 /event',
      'batch-line.ndjson:1: /batch/1',
      'events.log:2: /event',
    ]);
  });

  it('reads stdin, with - or when piped without arguments', () => {
    const input = `${ok(1)}\nnot json\n`;
    for (const args of [['-'], []]) {
      const { code, report } = lintJson(args, input);
      expect(report.summary.stats).toMatchObject({ read: 2, valid: 1, malformed: 1 });
      expect(report.diagnostics[0]).toMatchObject({ file: '<stdin>', line: 2, ruleId: 'spec/invalid-json' });
      expect(code).toBe(1);
    }
  });

  it('expands globs', () => {
    mkdirSync(join(dir, 'logs', 'day2'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'a.ndjson'), ok(1) + '\n');
    writeFileSync(join(dir, 'logs', 'day2', 'b.ndjson'), ok(2) + '\n' + ok(3) + '\n');
    const { report, code } = lintJson([join(dir, 'logs', '**', '*.ndjson')]);
    expect(report.summary.stats).toMatchObject({ files: 2, read: 3, valid: 3 });
    expect(code).toBe(0);
  });
});

describe('cdp lint: bad input', () => {
  it('a truncated last line is malformed; the rest is checked', () => {
    const { report, code } = lintJson([file('trunc.ndjson', `${ok(1)}\n${ok(2)}\n{"type":"track","event":"Prod`)]);
    expect(report.summary.stats).toEqual({ files: 1, read: 3, valid: 2, invalid: 0, malformed: 1 });
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'spec/invalid-json', line: 3, message: 'Not valid JSON: unterminated string (is the line truncated?)' });
    expect(code).toBe(1);
  });

  it('a truncated first line is malformed; the lines after it are still read as NDJSON', () => {
    const { report, code } = lintJson([file('trunc-first.ndjson', `{"type":"track","event":"Prod\n${ok(1)}\n${ok(2)}\n`)]);
    expect(report.summary.stats).toEqual({ files: 1, read: 3, valid: 2, invalid: 0, malformed: 1 });
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'spec/invalid-json', line: 1 });
    expect(code).toBe(1);
  });

  it('a 50 MB line is checked like any other', () => {
    const big = `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":"${'x'.repeat(50 * 1024 * 1024)}"}}`;
    const { report } = lintJson([file('big.ndjson', `${ok(1)}\n${big}\n${ok(2)}\n`)]);
    expect(report.summary.stats).toMatchObject({ read: 3, valid: 3 });
  });

  it('a payload nested 10,000 levels deep, __proto__ and constructor keys, a number at the top level', () => {
    const deep = `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":"q","deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}`;
    const proto = '{"type":"track","event":"Products Searched","userId":"u","properties":{"query":"q","__proto__":{"x":1},"constructor":{"y":2}}}';
    const { report, code, stderr } = lintJson([file('hostile.ndjson', `${deep}\n${proto}\n42\n`)]);
    expect(stderr).toBe('');
    expect(report.summary.stats).toEqual({ files: 1, read: 3, valid: 0, invalid: 3, malformed: 0 });
    expect(report.diagnostics.filter((d: { line: number }) => d.line === 3)).toEqual([expect.objectContaining({ ruleId: 'spec/invalid-event', message: 'Expected an event object, found integer' })]);
    expect(report.diagnostics.map((d: { path?: string }) => d.path)).toEqual(expect.arrayContaining(['/properties/__proto__', '/properties/constructor']));
    expect(code).toBe(1);
  });

  it('invalid UTF-8 in one line', () => {
    const bytes = Buffer.concat([Buffer.from(ok(1) + '\n{"type":"track","event":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","userId":"u"}\n' + ok(2) + '\n')]);
    const { report } = lintJson([file('utf8.ndjson', bytes)]);
    expect(report.summary.stats).toMatchObject({ read: 3, valid: 2, malformed: 1 });
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'spec/invalid-json', messageId: 'utf8', line: 2 });
  });

  it('an empty file reads nothing and is clean', () => {
    const { report, code } = lintJson([file('empty.ndjson', '')]);
    expect(report.summary.stats).toEqual({ files: 1, read: 0, valid: 0, invalid: 0, malformed: 0 });
    expect(code).toBe(0);
  });

  it('a directory, or a missing file among others: reported, the others linted, exit 2', () => {
    const good = file('good.ndjson', `${ok(1)}\n${ok(2)}\n`);
    const { report, code } = lintJson([good, join(dir, 'missing.ndjson'), join(dir, 'logs')]);
    expect(code).toBe(2);
    expect(report.summary.stats).toMatchObject({ read: 2, valid: 2 });
    expect(report.diagnostics.map((d: { ruleId: string; fatal?: boolean }) => `${d.ruleId} ${d.fatal}`)).toEqual(['input/unreadable true', 'input/unreadable true']);
  });

  it('a gzip file corrupt half-way: what was read is kept, the failure reported, exit 2', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => ok(i)).join('\n') + '\n';
    const gz = gzipSync(lines);
    const corrupt = Buffer.from(gz);
    for (let i = Math.floor(gz.length / 2); i < Math.floor(gz.length / 2) + 64; i++) corrupt[i] = corrupt[i]! ^ 0xff;
    const { report, code } = lintJson([file('corrupt.ndjson.gz', corrupt)]);
    expect(code).toBe(2);
    // Before zlib notices, a corrupt block may inflate to garbage: those lines are reported, not lost.
    const { read, valid, invalid, malformed } = report.summary.stats;
    expect(valid).toBeGreaterThan(1000);
    expect(read).toBeLessThan(20_000);
    expect(valid + invalid + malformed).toBe(read);
    expect(report.diagnostics.at(-1)).toMatchObject({ ruleId: 'input/unreadable', fatal: true });
    expect(report.diagnostics.at(-1).message).toMatch(/corrupt|invalid|incorrect|unexpected end/i);
  });
});

describe('cdp lint: output and options', () => {
  it('groups repeated violations in stylish output, and keeps every one in json', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":${i}}}`).join('\n');
    const path = file('repeated.ndjson', lines + '\n');
    const stylish = cdp(['lint', '--plan', PLAN, path]);
    expect(stylish.stdout.split('\n').filter((l) => l.includes('plan/invalid-value'))).toHaveLength(1);
    expect(stylish.stdout).toContain('[×3,000: lines 1, 2, 3, 4, 5, …]');
    expect(lintJson([path]).report.diagnostics).toHaveLength(3000);
  });

  it('writes a JSON report bigger than the part kept in memory whole, on stdout and with -o', () => {
    // About 4 MB of diagnostics, so most of them go through the temporary file, with characters of
    // two to four bytes that the file's blocks cut wherever they fall.
    const query = ['é€𝄞'.repeat(40)];
    const lines = Array.from({ length: 9000 }, () => `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":${JSON.stringify(query)}}}`).join('\n');
    const path = file('big-report.ndjson', lines + '\n');
    const { report, stdout } = lintJson([path]);
    expect(report.diagnostics).toHaveLength(9000);
    expect(report.diagnostics.every((d: { actual: unknown; line: number }, i: number) => d.line === i + 1 && JSON.stringify(d.actual) === JSON.stringify(query))).toBe(true);
    const out = join(dir, 'big-report.json');
    expect(cdp(['lint', '--plan', PLAN, path, '-f', 'json', '-o', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(stdout);
  });

  it('runs with worker threads and gives the same report as --jobs 1', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":${i}}}` : ok(i))).join('\n');
    const path = file('many.ndjson', lines + '\n');
    const one = lintJson([path, '--jobs', '1']);
    // Threads on stdin, whose size is unknown, against the file in-process.
    const two = lintJson(['-', '--jobs', '2'], lines + '\n');
    expect(two.report.summary.stats).toEqual({ ...one.report.summary.stats });
    expect(two.report.diagnostics.map((d: { line: number }) => d.line)).toEqual(one.report.diagnostics.map((d: { line: number }) => d.line));
  });

  it('--quiet, --max-warnings, --rule, -o', () => {
    const path = file('warn.ndjson', `{"type":"track","event":"Products Searched","userId":"u","properties":{"query":"q","extra":1}}\n`);
    expect(cdp(['lint', '--plan', PLAN, path]).code).toBe(0);
    expect(cdp(['lint', '--plan', PLAN, path, '--max-warnings', '0']).code).toBe(1);
    expect(cdp(['lint', '--plan', PLAN, path, '--rule', 'plan/unplanned-property=error']).code).toBe(1);
    expect(cdp(['lint', '--plan', PLAN, path, '--quiet']).stdout).not.toContain('unplanned-property');
    const out = join(dir, 'out.json');
    expect(cdp(['lint', '--plan', PLAN, path, '-f', 'json', '-o', out]).stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.warningCount).toBe(1);
  });

  it('usage errors exit 2: a bad --jobs, a broken plan', () => {
    expect(cdp(['lint', '--plan', PLAN, 'x.ndjson', '--jobs', '0']).code).toBe(2);
    const broken = cdp(['lint', '--plan', 'test/fixtures/plans/typo-type.yaml', 'plans/ecommerce.sample.ndjson']);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain('plan/unknown-type-ref');
  });
});

describe('cdp lint: one hostile line costs only that line', () => {
  it('reports every line of a log in which one line nests 5,000 arrays deep, in every format', () => {
    const good = '{"type":"track","event":"Products Searched","userId":"u","properties":{"query":"shoes"}}';
    const bad = '{"type":"track","event":"Products Searched","userId":"u","properties":{"productId":"p"}}';
    const deep = `{"type":"track","event":"Order Completed","userId":"u","properties":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const log = file('deep.ndjson', [good, deep, bad].join('\n'));
    const { code, report } = lintJson([log]);
    expect(code).toBe(1);
    expect(report.summary.stats).toEqual({ files: 1, read: 3, valid: 1, invalid: 2, malformed: 0 });
    const found = report.diagnostics.map((d: { line: number; ruleId: string; path?: string; actual?: unknown }) => `${d.line} ${d.ruleId} ${d.path?.slice(0, 16) ?? ''}`.trim());
    expect(found).toEqual(['2 spec/max-depth /properties/0/0/', '2 plan/invalid-value /properties', '3 plan/missing-required /properties/quer', '3 plan/unplanned-property /properties/prod', '3 naming/property-case /properties/prod']);
    // Too deep to write out: the diagnostic carries no actual value.
    expect(report.diagnostics[1].actual).toBeUndefined();
    for (const format of ['stylish', 'sarif', 'github', 'junit']) {
      const r = cdp(['lint', '--plan', PLAN, '--format', format, log]);
      expect(r.code, format).toBe(1);
      expect(r.stderr, format).toBe('');
      expect(r.stdout, format).toContain('productId');
      expect(r.stdout, format).toContain('spec/max-depth');
    }
  });
});

describe('cdp lint: no input', () => {
  it('refuses to lint an empty /dev/null stdin as zero events (a CI job without input must fail)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { openSync } = await import('node:fs');
    const r = spawnSync(process.execPath, ['bin/cdp.js', 'lint'], { cwd: ROOT, stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/No input/);
  });
});

describe('cdp lint: properties named like Object members', () => {
  it('does not take constructor or toString as present in an object without them', () => {
    const plan = file('members.yaml', 'plan: t\nevents:\n  Thing Done:\n    description: d\n    properties:\n      constructor: string\n      toString: { type: string, required: true }\n');
    const log = file('members.ndjson', ['{"type":"track","event":"Thing Done","userId":"u","properties":{"toString":"y"}}', '{"type":"track","event":"Thing Done","userId":"u","properties":{"constructor":5}}'].join('\n'));
    const r = cdp(['lint', log, '--plan', plan, '--format', 'json']);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { line: number; ruleId: string; path: string }) => `${d.line} ${d.ruleId} ${d.path}`);
    expect(found).toEqual(['2 plan/missing-required /properties/toString', '2 plan/invalid-value /properties/constructor']);
  });
});

describe('cdp lint: what the SDKs add by themselves', () => {
  // A page call as @segment/analytics-next 1.84.3 sends it for `analytics.page('Home')` (POST /v1/p).
  const nextPage = {
    timestamp: '2026-12-05T18:00:00.000Z',
    integrations: {},
    type: 'page',
    properties: { path: '/', referrer: '', search: '', title: 'Home', url: 'http://127.0.0.1:8080/', name: 'Home' },
    name: 'Home',
    context: {
      page: { path: '/', referrer: '', search: '', title: 'Home', url: 'http://127.0.0.1:8080/' },
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36',
      locale: 'en-US',
      library: { name: 'analytics.js', version: 'npm:next-1.84.3' },
      timezone: 'UTC',
    },
    messageId: 'ajs-next-1764957600000-4d2ac5e1',
    anonymousId: '8f1c2a54-0d5e-4c1a-9a57-3d3b1f0e6c2a',
    writeKey: 'test-key',
    userId: null,
    sentAt: '2026-12-05T18:00:00.012Z',
    _metadata: { bundled: ['Segment.io'], unbundled: [], bundledIds: [] },
  };

  // Shapes from docs/sdk-payloads.md, for the SDKs the end-to-end SDK tests do not drive.
  const uuid = '5b0f2f7e-9d1c-4a53-8b7e-2f7c1d9e0a11';
  const signedUp = { type: 'track', event: 'Signed Up', userId: 'u-1', properties: { method: 'email' } };
  const otherSdks = [
    // @rudderstack/rudder-sdk-node 3.1.1: originalTimestamp only, channel, context.traits, a batch with its own sentAt and timestamp.
    { batch: [{ ...signedUp, context: { library: { name: 'analytics-node', version: '3.1.1' }, traits: { email: 'a@example.com' } }, _metadata: { nodeVersion: '20.20.2' }, channel: 'server', messageId: uuid, originalTimestamp: '2026-12-05T18:00:00.000Z', sentAt: '2026-12-05T18:00:00.050Z' }], sentAt: '2026-12-05T18:00:00.050Z', timestamp: '2026-12-05T18:00:00.050Z' },
    // analytics-node 6.2.0 (legacy): numbers made strings, md5 message ids, batch timestamp.
    { batch: [{ ...signedUp, context: { library: { name: 'analytics-node', version: '6.2.0' } }, _metadata: { nodeVersion: '20.20.2' }, messageId: `node-0cc175b9c0f1b6a831c399e269772661-${uuid}`, timestamp: '2026-12-05T18:00:00.000Z' }], timestamp: '2026-12-05T18:00:00.050Z', sentAt: '2026-12-05T18:00:00.050Z' },
    // analytics-kotlin 1.24.1: a screen with category "" and the device context.
    { type: 'screen', name: 'Cart', category: '', properties: {}, anonymousId: uuid, integrations: {}, messageId: uuid, timestamp: '2026-12-05T18:00:00.000Z', _metadata: { bundled: [], unbundled: [], bundledIds: [] }, context: { library: { name: 'analytics-kotlin', version: '1.24.1' }, instanceId: uuid, app: { name: 'Shop', version: '1.0', build: '1' }, device: { id: uuid, manufacturer: 'Google', model: 'Pixel 8' }, os: { name: 'Android', version: '15' }, screen: { density: 2.6, width: 1080, height: 2400 }, network: { wifi: true, cellular: false }, locale: 'en-US', timezone: 'UTC', userAgent: 'Dalvik/2.1.0' } },
    // analytics-android 4.x (legacy): channel mobile, nanosecond timestamps.
    { type: 'screen', name: 'Cart', category: 'Shop', properties: {}, anonymousId: uuid, channel: 'mobile', messageId: uuid, timestamp: '2026-12-05T18:00:00.123456789Z', context: { library: { name: 'analytics-android', version: '4.11.3' } } },
  ];

  it('gives no diagnostic on what rudder-sdk-node, legacy analytics-node, analytics-kotlin and legacy analytics-android send', () => {
    const project = mkdtempSync(join(tmpdir(), 'cdp-other-sdks-'));
    expect(cdp(['init'], { cwd: project }).code).toBe(0);
    const planFile = join(project, 'tracking-plan.yaml');
    writeFileSync(planFile, `${readFileSync(planFile, 'utf8')}\nscreens:\n  Cart:\n    description: The cart.\n`);
    writeFileSync(join(project, 'sdks.ndjson'), `${otherSdks.map((m) => JSON.stringify(m)).join('\n')}\n`);
    const r = cdp(['lint', 'sdks.ndjson', '--format', 'json'], { cwd: project });
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { stats: { read: 4, valid: 4 } }, diagnostics: [] });
    expect(r.code).toBe(0);
  });

  it('gives no diagnostic on a plain page call to a page of a freshly initialised plan', () => {
    const project = mkdtempSync(join(tmpdir(), 'cdp-init-page-'));
    expect(cdp(['init'], { cwd: project }).code).toBe(0);
    const planFile = join(project, 'tracking-plan.yaml');
    writeFileSync(planFile, `${readFileSync(planFile, 'utf8')}\npages:\n  Home:\n    description: The landing page.\n`);
    writeFileSync(join(project, 'page.ndjson'), `${JSON.stringify(nextPage)}\n`);
    const stylish = cdp(['lint', 'page.ndjson'], { cwd: project });
    expect(stylish.stdout).toContain('lint: 1 file · 1 read · 1 valid · 0 invalid · 0 malformed');
    expect(stylish.stdout).not.toMatch(/warning|error/);
    expect(stylish.code).toBe(0);
    const json = cdp(['lint', 'page.ndjson', '--format', 'json'], { cwd: project });
    expect(JSON.parse(json.stdout).diagnostics).toEqual([]);
    // The same page with a mistake in a spec property, and one of its own, is still caught.
    writeFileSync(join(project, 'bad.ndjson'), `${JSON.stringify({ ...nextPage, properties: { ...nextPage.properties, url: 42, tab: 'new' } })}\n`);
    const bad = cdp(['lint', 'bad.ndjson', '--format', 'json'], { cwd: project });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).diagnostics.map((d: { ruleId: string; path: string }) => `${d.ruleId} ${d.path}`)).toEqual(['plan/unplanned-property /properties/tab', 'plan/invalid-value /properties/url']);
  });
});
