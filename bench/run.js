// Benchmarks, run with `npm run bench` (builds first). Each suite spawns the built CLI as a user
// would and prints its figures; data is generated into bench/.data/ (ignored by git).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { get as httpGet } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeEvents, writeSmall } from './generate-events.js';
import { generatePlan } from './generate-plan.js';
import { generateProject } from './generate-project.js';
import { generateSchemaReport } from './generate-schema-report.js';
import { WAREHOUSE_PLAN, warehouseFile } from './generate-warehouse.js';
import { measure } from './measure.js';
import { patternsSuite } from './patterns.js';
import { batchRequest, closedLoop, openLoop, record, renamed, singleRequest, verifyCapture } from './serve-client.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = fileURLToPath(new URL('./.data/', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/cdp.js', import.meta.url));
const only = process.argv.slice(2);

/** tsc --noEmit --strict of one file, with no DOM or Node.js types, as a user's strict project would. */
function timeTsc(file) {
  const config = `${file}.tsconfig.json`;
  writeFileSync(config, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2020', module: 'esnext', moduleResolution: 'bundler', lib: ['es2020'], types: [] }, files: [file] }));
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', config], { cwd: ROOT, encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, code: r.status, stdout: r.stdout };
}

/** Runs the CLI once under /usr/bin/time-like accounting: wall time and peak RSS of the child. */
function timeCli(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const suites = {
  // The HTML page of `cdp schema-report` for a big product (500 events x 50 properties): render time
  // and size, then, where Debian's chromium is installed, how long it takes to open and to sort.
  async 'schema-html'() {
    const { renderSchemaReportHtml } = await import('../build/reporters/schema/html.js');
    const report = generateSchemaReport(500, 50);
    const times = [];
    let html = '';
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      html = renderSchemaReportHtml(report);
      times.push(performance.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[2];
    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(`schema-html: 500 events x 50 properties, ${mb(Buffer.byteLength(html))} of HTML (the report as compact JSON: ${mb(Buffer.byteLength(JSON.stringify(report)))})`);
    console.log(`  render: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (median ${median.toFixed(0)} ms; target well under 1000 ms)`);
    if (!existsSync('/usr/bin/chromium')) {
      console.log('  browser: n/a, /usr/bin/chromium is not installed');
      return;
    }
    mkdirSync(DATA, { recursive: true });
    const file = `${DATA}schema-report-500x50.html`;
    writeFileSync(file, html);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const opened = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const loadMs = performance.now() - opened;
      const sortMs = await page.evaluate(() => {
        const button = document.querySelector('#e1 thead th:nth-child(2) button');
        const started = performance.now();
        button.click();
        document.body.getBoundingClientRect();
        return performance.now() - started;
      });
      console.log(`  chromium: open to load event ${loadMs.toFixed(0)} ms; sorting a 50-row table ${sortMs.toFixed(1)} ms, layout included`);
    } finally {
      await browser.close();
    }
  },
  check() {
    mkdirSync(DATA, { recursive: true });
    const file = `${DATA}plan-5000.yaml`;
    writeFileSync(file, generatePlan(5000));
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    const runs = [1, 2, 3].map(() => timeCli(['check', file, '--format', 'json']));
    const summary = JSON.parse(runs[0].stdout).summary;
    const times = runs.map((r) => r.ms);
    const median = [...times].sort((a, b) => a - b)[1];
    console.log(`check: 5,000-event plan (${size} MB), ${summary.errorCount} errors, ${summary.warningCount} warnings, exit ${runs[0].code}`);
    console.log(`  wall: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (median ${median.toFixed(0)} ms; target < 2000 ms)`);
    const compile = timeCli(['compile', file]);
    console.log(`  compile: ${compile.ms.toFixed(0)} ms, ${(compile.stdout.length / 1024 / 1024).toFixed(1)} MB of JSON Schema, exit ${compile.code}`);
    const small = timeCli(['check', 'plans/ecommerce.yaml']);
    console.log(`  check plans/ecommerce.yaml: ${small.ms.toFixed(0)} ms (start-up included)`);
  },
  // cdp lint against the floor of any Node linter (bench/baseline-lint.js), on the same generated log in
  // the same run. CDP_BENCH_EVENTS scales the log down for quick runs (default 1,000,000 events).
  async lint() {
    mkdirSync(DATA, { recursive: true });
    const count = Number(process.env.CDP_BENCH_EVENTS ?? 1_000_000);
    if (!Number.isInteger(count) || count <= 0) throw new Error(`CDP_BENCH_EVENTS must be a positive integer, got ${process.env.CDP_BENCH_EVENTS}`);
    const { file, meta } = eventLog(count);
    const mb = meta.bytes / 1e6;
    const pct = (n) => `${((100 * n) / meta.events).toFixed(1)}%`;
    console.log(`lint: ${fmtInt(meta.events)} events, ${mb.toFixed(1)} MB, ${meta.averageBytes} bytes/event on average (${file.slice(ROOT.length)})`);
    console.log(`  mix: ${fmtInt(meta.kinds.track)} track, ${fmtInt(meta.kinds.identify)} identify, ${fmtInt(meta.kinds.page)} page; ${pct(meta.valid)} valid, ${pct(meta.invalid)} invalid, ${pct(meta.malformed)} malformed`);
    console.log(`  defects: ${Object.entries(meta.defects).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}`);
    await warmCache(file);

    const node = process.execPath;
    const plan = 'plans/ecommerce.yaml';
    const line = (label, r, events) => {
      const s = r.ms / 1000;
      const rate = events / s;
      const out = label.startsWith('(a)') || r.stdoutBytes === null ? '' : `, ${(r.stdoutBytes / 1e6).toFixed(1)} MB on stdout`;
      console.log(`  ${label.padEnd(30)} ${fmtInt(Math.round(rate)).padStart(9)} events/s ${(mb / s).toFixed(1).padStart(6)} MB/s  wall ${fmtMs(r.ms).padStart(8)}  peak RSS ${fmtMb(r.peakRssMb).padStart(7)}  exit ${r.code}${out}`);
      return rate;
    };

    // (a) the baseline: split, JSON.parse, one precompiled ajv validator.
    const a = await measure(node, ['bench/baseline-lint.js', file, '--plan', plan], { cwd: ROOT });
    let base;
    try {
      base = JSON.parse(a.stdout);
    } catch {
      console.log(`  (a) baseline failed (exit ${a.code}): ${(a.stderr.trim() || a.stdout.trim()).split('\n').slice(0, 6).join('\n      ')}`);
      return;
    }
    const rateA = line('(a) baseline', a, base.events);
    console.log(`      ${fmtInt(base.valid)} valid / ${fmtInt(base.invalid)} invalid / ${fmtInt(base.malformed)} malformed against "${base.schema}"; loop alone ${fmtMs(base.ms)} = ${fmtInt(base.eventsPerSec)} events/s, ${base.mbPerSec} MB/s`);
    console.log(`      (events/s and MB/s are over wall time, start-up and plan compilation included, for every run; peak RSS from ${a.rssFrom === 'time' ? '/usr/bin/time' : a.rssFrom === 'preload' ? 'process.resourceUsage() via an --import preload' : 'nowhere: not measurable here'})`);

    const help = await measure(node, [BIN, 'lint', '--help'], { cwd: ROOT, env: { CI: 'true' } });
    // Until the lint command is registered, `cdp lint --help` either fails or prints the program's help.
    if (help.code !== 0 || !/Usage: cdp lint\b/.test(help.stdout)) {
      console.log('  (b) cdp lint --jobs 1           cdp lint not built yet');
      console.log('  (c) cdp lint (default jobs)     cdp lint not built yet');
      console.log('  10-event file                   cdp lint not built yet');
      return;
    }

    // A run counts only if cdp exits 0 or 1 and, with problems found (exit 1), actually wrote its report.
    const failure = (r) => (r.code !== 0 && r.code !== 1 ? `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}` : r.code === 1 && r.stdoutBytes === 0 ? 'exit 1 with nothing on stdout' : null);
    const lintRun = async (label, extra, format) => {
      const r = await measure(node, [BIN, 'lint', file, '--plan', plan, ...extra, '--format', format], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' });
      r.failed = failure(r);
      r.rate = line(label, r, base.events);
      if (format === 'json' && !r.failed) printLintStats(r.stdout, meta);
      if (r.failed) console.log(`      FAILED (${r.failed}): ${firstLines(r.stderr) || 'no message'}`);
      return r;
    };
    const b = await lintRun('(b) cdp lint --jobs 1', ['--jobs', '1'], 'json');
    const c = await lintRun(`(c) cdp lint (${cpus().length} cores)`, [], 'json');
    // Same runs with the human format: how much of (b)/(c) is writing the JSON report.
    const bs = await lintRun('(b) --format stylish', ['--jobs', '1'], 'stylish');
    const cs = await lintRun('(c) --format stylish', [], 'stylish');

    const small = smallLog();
    const smallRuns = [];
    for (let i = 0; i < 3; i++) smallRuns.push(await measure(node, [BIN, 'lint', small, '--plan', plan], { cwd: ROOT, env: { CI: 'true' } }));
    const smallMs = smallRuns.map((r) => r.ms).sort((x, y) => x - y)[1];
    const smallFailed = failure(smallRuns[0]);
    console.log(`  10-event file: ${smallRuns.map((r) => fmtMs(r.ms)).join(', ')} (median ${fmtMs(smallMs)}), peak RSS ${fmtMb(smallRuns[1].peakRssMb)}, exit ${smallRuns[0].code}`);
    if (smallFailed) console.log(`      FAILED (${smallFailed}): ${firstLines(smallRuns[0].stderr) || 'no message'}`);

    const verdict = (ok, ...runs) => {
      const failed = runs.find((r) => r.failed);
      return failed ? `n/a: run failed (${failed.failed})` : ok ? 'ok' : 'MISSED';
    };
    console.log(`  (b)/(a) ${(b.rate / rateA).toFixed(2)}x (target >= 0.8x) ${verdict(b.rate / rateA >= 0.8, b)}`);
    console.log(`  (c)/(a) ${(c.rate / rateA).toFixed(2)}x (target >= 1.5x on 2 cores, ${cpus().length} here) ${verdict(c.rate / rateA >= 1.5, c)}`);
    console.log(`  (c) peak RSS ${fmtMb(c.peakRssMb)} (target < 300 MB) ${c.peakRssMb === null ? 'not measured' : verdict(c.peakRssMb < 300, c)}`);
    console.log(`  json vs stylish: (b) stylish takes ${(bs.ms / b.ms).toFixed(2)}x the json time, (c) ${(cs.ms / c.ms).toFixed(2)}x ${verdict(true, b, bs, c, cs)}`);
    console.log(`  10-event wall ${fmtMs(smallMs)} (target < 500 ms) ${smallFailed ? `n/a: run failed (${smallFailed})` : verdict(smallMs < 500)}`);
  },
  // cdp serve under load, over loopback, against `cdp lint --jobs 1` on the same events in the same run:
  // (a) the log in batches of 100, then single calls, 32 connections each; (b) single-event requests
  // at a fixed 1,000/s, open loop; after each phase, the capture held against what got a 200. The
  // server prints every message's line (no --quiet) to /dev/null. CDP_BENCH_EVENTS scales the log
  // (default 200,000 events).
  async serve() {
    const count = Number(process.env.CDP_BENCH_EVENTS ?? 200_000);
    if (!Number.isInteger(count) || count <= 0) throw new Error(`CDP_BENCH_EVENTS must be a positive integer, got ${process.env.CDP_BENCH_EVENTS}`);
    const { file, meta } = eventLog(count);
    const plan = 'plans/ecommerce.yaml';
    console.log(`serve: ${fmtInt(meta.events)} events, ${(meta.bytes / 1e6).toFixed(1)} MB (${file.slice(ROOT.length)}); client and server share the machine's ${cpus().length} cores; load average ${fmtLoad()}`);
    await warmCache(file);
    const messages = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      if (value !== null && typeof value === 'object' && typeof value.messageId === 'string') messages.push({ id: value.messageId, type: value.type, text: line });
    }

    const lintRun = async () => {
      const r = await measure(process.execPath, [BIN, 'lint', file, '--plan', plan, '--jobs', '1', '--format', 'json'], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' });
      if (r.code !== 0 && r.code !== 1) throw new Error(`cdp lint failed (exit ${r.code}): ${firstLines(r.stderr)}`);
      return { ms: r.ms, rate: meta.events / (r.ms / 1000), cpuUs: r.cpuMs === null ? null : (1000 * r.cpuMs) / meta.events };
    };
    // Lint before and after the server's phases, so that load from elsewhere weighs on both alike.
    const lints = [await lintRun()];
    // lint's figures include its start-up (the plan loaded and compiled), the server's do not: the
    // start-up, measured on the log's first 10 events, is taken out for the second ratio.
    const headDir = mkdtempSync(join(tmpdir(), 'cdp-serve-bench-'));
    const head = join(headDir, 'head.ndjson');
    writeFileSync(head, `${messages.slice(0, 10).map((m) => m.text).join('\n')}\n`);
    const startup = await measure(process.execPath, [BIN, 'lint', head, '--plan', plan, '--jobs', '1', '--format', 'json'], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' });
    rmSync(headDir, { recursive: true, force: true });

    const out = mkdtempSync(join(tmpdir(), 'cdp-serve-bench-'));
    const server = await startServer([BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--plan', plan, '--out', out]);
    const ledger = new Map();
    const sent = new Map();
    const track = (requests, list) => {
      for (const m of list) sent.set(m.id, m.text);
      return requests;
    };
    const check = (label) => {
      const v = verifyCapture(out, ledger, sent);
      const problems = [['missing', v.missing], ['twice or more', v.duplicates], ['refused but stored', v.refusedStored], ['unanswered but stored', v.unansweredStored], ['never sent', v.unknown], ['altered', v.altered]].filter(([, n]) => n > 0);
      console.log(`      loss check after ${label}: ${fmtInt(v.accepted)} messages answered 200, ${fmtInt(v.lines)} lines captured; ${problems.length ? problems.map(([k, n]) => `${fmtInt(n)} ${k}`).join(', ') : 'each exactly once, as sent, nothing else'} ${v.ok ? 'ok' : 'FAILED'}`);
      return v.ok;
    };
    const phaseLine = (counts) => {
      const statuses = Object.entries(counts.statuses).map(([k, n]) => `${fmtInt(n)} × ${k === '0' ? 'no answer' : k}`).join(', ');
      const errors = counts.errors.size ? ` (${[...counts.errors].slice(0, 3).join('; ')})` : '';
      const notSent = counts.notSent ? `, ${fmtInt(counts.notSent)} messages not sent before the deadline` : '';
      return `${fmtInt(counts.requests)} requests: ${statuses}${errors}${notSent}`;
    };
    let lossOk = true;
    let batchRate = 0;
    let batchCpuUs = null;
    let clientCpuUs = null;
    let latency;
    try {
      // (a) Batches of 100, with a refused request (a message over 32 KB: 413; broken JSON: 400) after every 100th.
      const batches = [];
      for (let i = 0; i < messages.length; i += 100) {
        batches.push(track([batchRequest(messages.slice(i, i + 100))], messages.slice(i, i + 100))[0]);
        if ((i / 100) % 100 === 99) batches.push(refusedRequest(messages[i], batches.length));
      }
      const cpuBefore = server.cpuMs();
      const clientBefore = process.cpuUsage();
      const a = await closedLoop(server.port, batches, { concurrency: 32, deadlineMs: 180_000 });
      const client = process.cpuUsage(clientBefore);
      const ca = record(ledger, batches, a.answers);
      batchRate = ca.accepted / (a.ms / 1000);
      batchCpuUs = (1000 * (server.cpuMs() - cpuBefore)) / ca.accepted;
      clientCpuUs = (client.user + client.system) / ca.accepted;
      console.log(`  (a) batches of 100, 32 connections: ${fmtInt(ca.accepted)} events accepted in ${fmtMs(a.ms)} = ${fmtInt(Math.round(batchRate))} events/s, server CPU ${batchCpuUs.toFixed(0)} µs/event, the client's ${clientCpuUs.toFixed(0)} µs/event; ${phaseLine(ca)}`);
      lossOk = check('(a)') && lossOk;

      const singles = Array.from({ length: Math.min(10_000, Math.max(1_000, Math.round(count / 20))) }, (_, i) => renamed(messages[i % messages.length], `single-${i}`));
      const singleRequests = track(singles.map(singleRequest), singles);
      for (let i = 0; i < 5; i++) singleRequests.splice((i + 1) * Math.floor(singleRequests.length / 6), 0, { path: '/v1/track', body: Buffer.from(`{"messageId":"single-broken-${i}","event":`), ids: [`single-broken-${i}`] });
      const s = await closedLoop(server.port, singleRequests, { concurrency: 32, deadlineMs: 60_000 });
      const cs = record(ledger, singleRequests, s.answers);
      console.log(`  (a) single calls, 32 connections: ${fmtInt(cs.accepted)} events accepted in ${fmtMs(s.ms)} = ${fmtInt(Math.round(cs.accepted / (s.ms / 1000)))} events/s; ${phaseLine(cs)}`);
      lossOk = check('(a) single calls') && lossOk;

      // (b) against the floor of any Node collector (bench/baseline-serve.js) before and after cdp serve.
      const timedPhase = async (port, prefix, label) => {
        const timed = Array.from({ length: 10_000 }, (_, i) => renamed(messages[(i * 7) % messages.length], `${prefix}-${i}`));
        const requests = timed.map(singleRequest);
        const b = await openLoop(port, requests, { rate: 1000 });
        const sorted = [...b.latencies].sort((x, y) => x - y);
        const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        const result = { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], timed, requests, answers: b.answers };
        const counts = record(new Map(), requests, b.answers);
        console.log(`  (b) ${label.padEnd(13)} 1,000 single events/s for 10 s, open loop: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms (from when each was due; the client's timer ran up to ${b.lateMs.toFixed(1)} ms late); ${phaseLine(counts)}`);
        return result;
      };
      const floor = async (n) => {
        const baseline = await startServer(['bench/baseline-serve.js', join(out, `baseline-${n}.txt`)]);
        try {
          return await timedPhase(baseline.port, `baseline-${n}`, 'floor');
        } finally {
          await baseline.stop();
        }
      };
      const floors = [await floor(1)];
      latency = await timedPhase(server.port, 'latency', 'cdp serve');
      floors.push(await floor(2));
      const cb = record(ledger, track(latency.requests, latency.timed), latency.answers);
      lossOk = check('(b)') && cb.accepted === latency.requests.length && lossOk;
      latency.floorP99 = Math.min(...floors.map((f) => f.p99));

      const peak = server.peakRssMb();
      const summary = await getJson(server.port, '/api/summary');
      const accepted = [...ledger.values()].filter((v) => v === 'accepted').length;
      const captured = readdirSync(out).filter((f) => /^events-.*\.ndjson$/.test(f)).map((f) => join(out, f));
      const relint = await measure(process.execPath, [BIN, 'lint', ...captured, '--plan', plan, '--format', 'json'], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' });
      const lintSummary = summaryOf(relint.stdout);
      const same = lintSummary !== undefined && lintSummary.errorCount === summary.errorCount && lintSummary.warningCount === summary.warningCount && JSON.stringify(lintSummary.rules) === JSON.stringify(summary.rules);
      console.log(`  /api/summary: ${fmtInt(summary.stats.read)} read (${summary.stats.read === accepted ? 'ok' : 'MISSED'}: ${fmtInt(accepted)} answered 200), ${fmtInt(summary.errorCount)} errors, ${fmtInt(summary.warningCount)} warnings; cdp lint of the capture: ${lintSummary ? `${fmtInt(lintSummary.errorCount)} errors, ${fmtInt(lintSummary.warningCount)} warnings` : `no summary (exit ${relint.code})`} ${same ? 'same' : 'DIFFERENT'}`);
      console.log(`  server peak RSS (VmHWM) ${fmtMb(peak)}`);
    } finally {
      const stopped = await server.stop();
      console.log(`  SIGTERM: exit ${stopped.code}${stopped.code === 0 ? '' : `: ${firstLines(stopped.stderr)}`}`);
      rmSync(out, { recursive: true, force: true });
    }

    lints.push(await lintRun());
    const lintRate = Math.max(...lints.map((l) => l.rate));
    const ratio = batchRate / lintRate;
    const cpuUs = lints.map((l) => l.cpuUs).filter((c) => c !== null);
    const lintCpu = cpuUs.length ? `, CPU ${cpuUs.map((c) => c.toFixed(0)).join(' and ')} µs/event` : '';
    console.log(`  cdp lint --jobs 1 --format json, same log: ${lints.map((l) => fmtInt(Math.round(l.rate))).join(' and ')} events/s${lintCpu} (before and after the server; wall and CPU time, start-up included)`);
    console.log(`  (a)/lint ${ratio.toFixed(2)}x against the faster lint run, ${(batchRate / Math.min(...lints.map((l) => l.rate))).toFixed(2)}x against the slower (target >= 0.5x) ${ratio >= 0.5 ? 'ok' : 'MISSED'}`);
    const steadyRate = Math.max(...lints.map((l) => meta.events / ((l.ms - startup.ms) / 1000)));
    console.log(`      without lint's start-up (${fmtMs(startup.ms)}${startup.cpuMs === null ? '' : `, ${fmtMs(startup.cpuMs)} CPU`}, lint of the first 10 events): lint ${fmtInt(Math.round(steadyRate))} events/s, (a)/lint ${(batchRate / steadyRate).toFixed(2)}x`);
    if (cpuUs.length && batchCpuUs !== null) {
      const steadyCpuUs = startup.cpuMs === null ? null : Math.min(...lints.map((l) => l.cpuUs - (1000 * startup.cpuMs) / meta.events));
      console.log(`      CPU time per event, lint/server: ${(Math.min(...cpuUs) / batchCpuUs).toFixed(2)}x${steadyCpuUs === null ? '' : `, ${(steadyCpuUs / batchCpuUs).toFixed(2)}x without lint's start-up`} (the server's alone; the client's ${clientCpuUs.toFixed(0)} µs/event on the same cores is not counted)`);
    }
    console.log(`  (b) p99 ${latency ? `${latency.p99.toFixed(1)} ms (target < 50 ms) ${latency.p99 < 50 ? 'ok' : 'MISSED'}; the floor's best ${latency.floorP99.toFixed(1)} ms` : 'n/a: not measured'}`);
    console.log(`  loss: ${lossOk ? 'every message answered 200 captured exactly once, nothing else ok' : 'FAILED'}`);
    console.log(`  load average at the end ${fmtLoad()} (other work on the machine weighs on every figure above)`);
  },
  // lint's cost per event in one warmed process (bench/steady-lint.js), on the 200,000-event log:
  // what remains of the gap to the baseline without start-up, reading or warm-up.
  'lint-steady'() {
    const { file, meta } = eventLog(200_000);
    console.log(`lint-steady: ${fmtInt(meta.events)} events in memory, fastest of 9 rounds each`);
    const r = spawnSync(process.execPath, ['bench/steady-lint.js', file, '--plan', 'plans/ecommerce.yaml'], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(r.status === 0 ? r.stdout : `  failed (exit ${r.status}): ${firstLines(r.stderr)}\n`);
  },
  // Plan patterns with JavaScript's RegExp and with the linear-time engine lint runs them with.
  patterns: patternsSuite,
  // cdp schema-report against the same floor as lint's (a), on the same log: one pass, aggregation only.
  async 'schema-report'() {
    mkdirSync(DATA, { recursive: true });
    const count = Number(process.env.CDP_BENCH_EVENTS ?? 1_000_000);
    const { file, meta } = eventLog(count);
    const mb = meta.bytes / 1e6;
    console.log(`schema-report: ${fmtInt(meta.events)} events, ${mb.toFixed(1)} MB (${file.slice(ROOT.length)})`);
    await warmCache(file);
    const node = process.execPath;
    const plan = 'plans/ecommerce.yaml';
    const row = (label, r) => {
      const rate = meta.events / (r.ms / 1000);
      console.log(`  ${label.padEnd(34)} ${fmtInt(Math.round(rate)).padStart(9)} events/s ${(mb / (r.ms / 1000)).toFixed(1).padStart(6)} MB/s  wall ${fmtMs(r.ms).padStart(8)}  peak RSS ${fmtMb(r.peakRssMb).padStart(7)}  exit ${r.code}`);
      return rate;
    };
    const a = await measure(node, ['bench/baseline-lint.js', file, '--plan', plan], { cwd: ROOT });
    const rateA = row('(a) lint baseline', a);
    const runs = [
      ['schema-report --format json', ['--plan', plan, '--format', 'json']],
      ['schema-report --no-plan (table)', ['--no-plan']],
    ];
    for (const [label, args] of runs) {
      const r = await measure(node, [BIN, 'schema-report', file, ...args], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' });
      const rate = row(label, r);
      const ok = r.code === 0 || r.code === 1;
      console.log(`      ${(rate / rateA).toFixed(2)}x the baseline (target >= 0.7x) ${!ok ? `n/a: exit ${r.code}: ${firstLines(r.stderr)}` : rate / rateA >= 0.7 ? 'ok' : 'MISSED'}; ${fmtInt(r.stdoutBytes ?? 0)} bytes of report`);
    }
  },
  // cdp lint --warehouse and schema-report --warehouse on a generated Segment-layout table in DuckDB
  // (CDP_BENCH_WAREHOUSE_ROWS rows, default 10,000,000, and 1,000,000 to show that peak RSS does not
  // grow with rows), against one hand-written aggregate query computing the same counts (target:
  // lint at most 1.5x its wall time). Two alternating rounds; the faster of each is kept.
  async warehouse() {
    const node = process.execPath;
    const plan = `${DATA}warehouse-plan.yaml`;
    mkdirSync(DATA, { recursive: true });
    writeFileSync(plan, WAREHOUSE_PLAN);
    const lintHelp = spawnSync(node, [BIN, 'lint', '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const lintReady = lintHelp.includes('--warehouse');
    const big = Number(process.env.CDP_BENCH_WAREHOUSE_ROWS ?? 10_000_000);
    for (const rows of [...new Set([Math.min(1_000_000, big), big])]) {
      const { file, meta, generatedMs } = await warehouseFile(DATA, rows);
      console.log(`warehouse: ${fmtInt(rows)} rows of order_completed, ${(meta.bytes / 1e6).toFixed(0)} MB of DuckDB (${file.slice(ROOT.length)})${generatedMs === null ? '' : `, generated in ${fmtMs(generatedMs)}`}`);
      const runs = {
        baseline: () => measure(node, ['bench/baseline-warehouse.js', file], { cwd: ROOT }),
        ...(lintReady ? { lint: () => measure(node, [BIN, 'lint', '--warehouse', `duckdb:${file}`, '--plan', plan, '--format', 'json'], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' }) } : {}),
        'schema-report': () => measure(node, [BIN, 'schema-report', '--warehouse', `duckdb:${file}`, '--plan', plan, '--format', 'json'], { cwd: ROOT, env: { CI: 'true' }, stdout: 'count' }),
      };
      const best = {};
      for (let round = 0; round < 2; round++) {
        for (const [name, run] of Object.entries(runs)) {
          const r = await run();
          if (!best[name] || r.ms < best[name].ms) best[name] = r;
        }
      }
      const query = JSON.parse(best.baseline.stdout.trim().split('\n').pop());
      const line = (label, r) =>
        console.log(`  ${label.padEnd(36)} wall ${fmtMs(r.ms).padStart(8)}  cpu ${fmtMs(r.cpuMs ?? NaN).padStart(8)}  ${fmtInt(Math.round(rows / (r.ms / 1000))).padStart(11)} rows/s  peak RSS ${fmtMb(r.peakRssMb).padStart(7)}  exit ${r.code}`);
      line('(a) one aggregate query (node + DuckDB)', best.baseline);
      console.log(`      the query alone: ${fmtMs(query.ms)}; ${fmtInt(query.counts.order_id_missing)} order_id missing, ${fmtInt(query.counts.revenue_not_number)} revenue not a number, ${fmtInt(query.counts.currency_not_in_enum)} currency not in enum`);
      if (best.lint) {
        line('cdp lint --warehouse --format json', best.lint);
        const ratio = best.lint.ms / best.baseline.ms;
        // Under load from other work the wall times drift by 2-3x between runs; CPU time does not.
        const cpuRatio = best.lint.cpuMs !== null && best.baseline.cpuMs !== null ? `, ${(best.lint.cpuMs / best.baseline.cpuMs).toFixed(2)}x its CPU time` : '';
        const found = (JSON.parse(best.lint.stdout).diagnostics ?? []).map((d) => d.warehouse?.count).filter((n) => n !== undefined).sort((a, b) => a - b);
        const expected = Object.entries(query.counts).filter(([k, n]) => k !== 'rows' && n > 0).map(([, n]) => n).sort((a, b) => a - b);
        console.log(`      rows per finding ${JSON.stringify(found) === JSON.stringify(expected) ? 'agree with' : `DIFFER from (${found.join(', ')} against ${expected.join(', ')})`} the query's counts`);
        console.log(`      ${ratio.toFixed(2)}x the aggregate query's wall time (target <= 1.5x) ${best.lint.code === 0 || best.lint.code === 1 ? (ratio <= 1.5 ? 'ok' : 'MISSED') : `n/a: exit ${best.lint.code}: ${firstLines(best.lint.stderr)}`}${cpuRatio}`);
      } else {
        console.log('  cdp lint --warehouse                 n/a: this build of cdp has no lint --warehouse');
      }
      line('cdp schema-report --warehouse (json)', best['schema-report']);
      if (best['schema-report'].code !== 0) console.log(`      exit ${best['schema-report'].code}: ${firstLines(best['schema-report'].stderr)}`);
    }
  },
  // cdp codegen on a generated 1,000-event plan (targets: codegen < 3 s, tsc --noEmit --strict of the
  // output < 10 s), and the size of the e-commerce example's output once bundled and minified.
  async codegen() {
    mkdirSync(DATA, { recursive: true });
    const plan = `${DATA}plan-1000.yaml`;
    writeFileSync(plan, generatePlan(1000));
    for (const validate of ['off', 'always']) {
      const out = `${DATA}codegen-1000-${validate}.ts`;
      const runs = [1, 2, 3].map(() => timeCli(['codegen', '--plan', plan, '--out', out, '--validate', validate]));
      const median = [...runs.map((r) => r.ms)].sort((a, b) => a - b)[1];
      const target = ' (target < 3000 ms)';
      console.log(`codegen: 1,000-event plan, --validate ${validate}: ${runs.map((r) => fmtMs(r.ms)).join(', ')} (median ${fmtMs(median)})${target}, exit ${runs[0].code}, ${(statSync(out).size / 1024).toFixed(0)} KB of TypeScript`);
      const tsc = timeTsc(out);
      console.log(`  tsc --noEmit --strict of the generated file: ${fmtMs(tsc.ms)} (target < 10000 ms), exit ${tsc.code}${tsc.code === 0 ? '' : `: ${firstLines(tsc.stdout)}`}`);
    }
    const { rolldown } = await import('rolldown');
    const { gzipSync } = await import('node:zlib');
    const size = async (input, label) => {
      const bundle = await rolldown({ input, logLevel: 'silent' });
      const { output } = await bundle.generate({ format: 'esm', minify: true });
      const code = output[0].code;
      console.log(`  ${label.padEnd(58)} ${fmtInt(code.length).padStart(7)} bytes minified, ${fmtInt(gzipSync(code).length).padStart(6)} gzip`);
      return code.length;
    };
    const whole = {};
    console.log('codegen: plans/ecommerce.yaml (29 events), bundled with rolldown, minified:');
    for (const validate of ['off', 'always']) {
      const out = `${DATA}ecommerce-${validate}.ts`;
      timeCli(['codegen', '--plan', 'plans/ecommerce.yaml', '--out', out, '--validate', validate]);
      whole[validate] = await size(out, `whole module, --validate ${validate}`);
      const folder = `${DATA}ecommerce-${validate}/`;
      timeCli(['codegen', '--plan', 'plans/ecommerce.yaml', '--out', folder, '--validate', validate]);
      const entry = `${DATA}ecommerce-${validate}-one-event.ts`;
      writeFileSync(entry, `import { orderCompleted, setClient } from './ecommerce-${validate}/index.js';\nsetClient({ track() {}, identify() {}, group() {}, page() {}, screen() {}, alias() {} });\norderCompleted({ order_id: 'o1', currency: 'USD', products: [] });\n`);
      await size(entry, `one event from the folder output, --validate ${validate}`);
    }
    console.log(`  validators per event (whole module, always minus off, over 29 events): ${fmtInt(Math.round((whole.always - whole.off) / 29))} bytes minified`);
  },
  // Start-up as pre-commit hooks and editor integrations pay it, once per file or package: whole-process
  // wall time of small runs against `node -e 0` in the same run, alternated round by round, medians
  // after a warm-up round (which also fills the plan cache, as any earlier run of the same plan would). CDP_BENCH_RUNS sets the rounds (default 7); CDP_BENCH_BEFORE=<path to
  // another build's bin/cdp.js> adds its figures to the same rounds, for a before/after table.
  async startup() {
    const rounds = Number(process.env.CDP_BENCH_RUNS ?? 7);
    if (!Number.isInteger(rounds) || rounds < 5) throw new Error(`CDP_BENCH_RUNS must be an integer >= 5, got ${process.env.CDP_BENCH_RUNS}`);
    const starter = mkdtempSync(join(tmpdir(), 'cdp-startup-'));
    const init = spawnSync(process.execPath, [BIN, 'init'], { cwd: starter, encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`cdp init failed (exit ${init.status}): ${firstLines(init.stderr)}`);
    const small = smallLog();
    const out = join(starter, 'generated');
    const cases = [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'cdp --version', cdp: ['--version'], target: 1.5 },
      { label: 'cdp --help', cdp: ['--help'], target: 1.5 },
      { label: 'cdp check (starter plan)', cdp: ['check'], cwd: starter, target: 2.5 },
      { label: 'cdp lint (10 events)', cdp: ['lint', small, '--plan', 'plans/ecommerce.yaml'], target: 2.5 },
      // What a first run pays (or any run after the plan changed): nothing read from the plan cache.
      { label: 'cdp lint, --no-cache', cdp: ['lint', small, '--plan', 'plans/ecommerce.yaml', '--no-cache'] },
      { label: 'cdp codegen ecommerce', cdp: ['codegen', '--plan', 'plans/ecommerce.yaml', '--out', join(out, 'tracking.ts')], target: 3 },
      { label: 'cdp compile ecommerce', cdp: ['compile', 'plans/ecommerce.yaml'], target: 3 },
      { label: 'cdp codegen, --no-cache', cdp: ['codegen', '--plan', 'plans/ecommerce.yaml', '--out', join(out, 'tracking.ts'), '--no-cache'] },
      { label: 'cdp compile, --no-cache', cdp: ['compile', 'plans/ecommerce.yaml', '--no-cache'] },
    ];
    const builds = [['now', BIN]];
    if (process.env.CDP_BENCH_BEFORE) builds.unshift(['before', resolve(process.env.CDP_BENCH_BEFORE)]);
    const runs = new Map();
    // A build from before the plan cache has no --no-cache (nor a cache to skip): it runs without the flag.
    const knowsNoCache = new Map(builds.map(([build, bin]) => [build, spawnSync(process.execPath, [bin, 'lint', '--help'], { encoding: 'utf8' }).stdout.includes('--no-cache')]));
    const argsOf = (c, build, bin) => (c.cdp ? [bin, ...(knowsNoCache.get(build) ? c.cdp : c.cdp.filter((a) => a !== '--no-cache'))] : c.args);
    const run = async (c, build, bin) => {
      const args = argsOf(c, build, bin);
      const r = await measure(process.execPath, args, { cwd: c.cwd ?? ROOT, env: { CI: 'true' }, stdout: 'count', keep: 0 });
      // check and lint exit 1 on the problems their inputs hold, with a report; anything else is a broken run.
      if (r.code !== 0 && !(r.code === 1 && r.stdoutBytes > 0 && c.cdp && ['check', 'lint'].includes(c.cdp[0]))) throw new Error(`${c.label} (${build}) exited ${r.code}: ${firstLines(r.stderr)}`);
      return r;
    };
    const load = loadAverage();
    for (let round = 0; round <= rounds; round++) {
      for (const c of cases) {
        for (const [build, bin] of c.cdp ? builds : [['node', null]]) {
          const r = await run(c, build, bin);
          // Round 0 warms the page cache and the disk: its figures are not kept.
          if (round > 0) runs.set(`${c.label}|${build}`, [...(runs.get(`${c.label}|${build}`) ?? []), r]);
        }
      }
    }
    const median = (values) => {
      const v = [...values].sort((a, b) => a - b);
      return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    };
    const wall = (key) => median(runs.get(key).map((r) => r.ms));
    const fastest = (key) => Math.min(...runs.get(key).map((r) => r.ms));
    const cpu = (key) => (runs.get(key).some((r) => r.cpuMs === null) ? null : median(runs.get(key).map((r) => r.cpuMs)));
    const nodeWall = wall('node -e 0|node');
    const nodeFastest = fastest('node -e 0|node');
    const nodeCpu = cpu('node -e 0|node');
    console.log(`startup: medians of ${rounds} alternated rounds after a warm-up round, whole processes; load average ${load} before, ${loadAverage()} after, ${cpus().length} cores`);
    const head = ['command'.padEnd(26), ...builds.map(([b]) => `${b}: wall`.padStart(13) + '  × node'.padStart(8) + '  min ×'.padStart(8) + '   cpu × node'), '   target'];
    console.log(`  ${head.join('')}`);
    for (const c of cases) {
      const cells = (c.cdp ? builds : [['node']]).map(([build]) => {
        const key = `${c.label}|${build}`;
        const cpuRatio = nodeCpu && cpu(key) !== null ? (cpu(key) / nodeCpu).toFixed(2) : 'n/a';
        return `${fmtMs(wall(key)).padStart(13)}${(wall(key) / nodeWall).toFixed(2).padStart(8)}${(fastest(key) / nodeFastest).toFixed(2).padStart(8)}${cpuRatio.padStart(14)}`;
      });
      const ratio = c.cdp ? wall(`${c.label}|now`) / nodeWall : null;
      const verdict = c.target === undefined ? '' : `   <= ${c.target.toFixed(1)}x ${ratio <= c.target ? 'ok' : 'MISSED'}`;
      console.log(`  ${c.label.padEnd(26)}${cells.join('')}${verdict}`);
    }
    console.log(`  (× node: the median wall time over that of \`node -e 0\` in the same rounds, the targets' measure; min ×: the fastest run over node's fastest, steadier when the machine is shared; cpu: median user + system time, ${nodeCpu === null ? 'not measurable here' : 'from /usr/bin/time or a preload'})`);
    if (process.env.CDP_BENCH_INSTRUCTIONS) startupInstructions(cases, builds, argsOf);
    rmSync(starter, { recursive: true, force: true });
  },
  // cdp scan against a scanner that parses every file with ts-morph and visits every call
  // (bench/baseline-scan.js), on the same generated project (bench/generate-project.js).
  async scan() {
    const dir = `${DATA}scan-project`;
    const { files, trackingFiles } = generateProject(dir);
    console.log(`scan: ${fmtInt(files)} TS/TSX files, ${trackingFiles} with tracking calls (${dir.slice(ROOT.length)})`);
    const node = process.execPath;
    // Three runs of each, alternated, so that other load on the machine weighs on both alike; medians.
    const as = [];
    const bs = [];
    for (let run = 0; run < 3; run++) {
      const a = await measure(node, ['bench/baseline-scan.js', dir], { cwd: ROOT });
      if (a.code !== 0) {
        console.log(`  (a) baseline failed (exit ${a.code}): ${firstLines(a.stderr)}`);
        return;
      }
      const b = await measure(node, [BIN, 'scan', 'src', '--plan', `${ROOT}plans/ecommerce.yaml`, '--format', 'json'], { cwd: dir, env: { CI: 'true' } });
      if (b.code !== 0 && b.code !== 1) {
        console.log(`  (b) cdp scan failed (exit ${b.code}): ${firstLines(b.stderr)}`);
        return;
      }
      as.push(a);
      bs.push(b);
    }
    const median = (runs) => [...runs].sort((x, y) => x.ms - y.ms)[1];
    const a = median(as);
    const b = median(bs);
    const base = JSON.parse(a.stdout);
    const report = JSON.parse(b.stdout);
    const row = (label, r, runs, extra) =>
      console.log(`  ${label.padEnd(14)} ${fmtInt(Math.round(files / (r.ms / 1000))).padStart(7)} files/s  wall ${fmtMs(r.ms).padStart(8)} (${runs.map((x) => fmtMs(x.ms)).join(', ')})  peak RSS ${fmtMb(r.peakRssMb).padStart(7)}  ${extra}`);
    row('(a) baseline', a, as, `${fmtInt(base.files)} files parsed, ${fmtInt(base.calls)} calls visited, ${base.tracking} tracking calls`);
    const st = report.summary.stats;
    row('(b) cdp scan', b, bs, `${fmtInt(st.parsed)} files parsed, ${st.calls} tracking calls, ${report.summary.errorCount} errors, ${report.summary.warningCount} warnings, exit ${b.code}`);
    const ratio = a.ms / b.ms;
    const peak = Math.max(...bs.map((r) => r.peakRssMb ?? 0));
    console.log(`  (a)/(b) ${ratio.toFixed(1)}x faster, medians of 3 (target >= 5x) ${ratio >= 5 ? 'ok' : 'MISSED'}`);
    console.log(`  (b) peak RSS ${fmtMb(peak)} at most (target < 1 GB) ${bs[0].peakRssMb === null ? 'not measured' : peak < 1024 ? 'ok' : 'MISSED'}`);
  },
};

// ---- lint suite helpers

const fmtInt = (n) => n.toLocaleString('en-US');
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const firstLines = (text, n = 4) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== '^')
    .slice(0, n)
    .join(' / ');
const fmtLoad = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const fmtMb = (mb) => (mb === null || mb === undefined ? 'n/a' : `${mb.toFixed(0)} MB`);

/**
 * Starts a server (`node <args>`: the built `cdp serve` or bench/baseline-serve.js) that listens on a
 * free port of 127.0.0.1 and says so on stderr, its stdout (for cdp, a line per message) to
 * /dev/null; resolves once it listens.
 */
function startServer(args) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const stat = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args[0]} did not start in 15 s: ${firstLines(stderr)}`));
    }, 15_000);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${firstLines(stderr)}`)));
    child.stderr.on('data', (d) => {
      stderr += d.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(stderr);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        port: Number(match[1]),
        peakRssMb: () => {
          const kib = /VmHWM:\s+(\d+) kB/.exec(stat());
          return kib ? Number(kib[1]) / 1024 : null;
        },
        /** User + system CPU time so far, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
        cpuMs: () => {
          const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
          return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
        },
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', (code, signal) => {
              clearTimeout(kill);
              done({ code: code ?? signal, stderr });
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

let ticks;
function clockTicks() {
  ticks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ticks;
}

/** A batch request the server must refuse whole: a message over 32 KB (413), or broken JSON (400). */
function refusedRequest(message, n) {
  const good = renamed(message, `refused-${n}-a`);
  if (n % 2 === 0) {
    const big = JSON.parse(renamed(message, `refused-${n}-b`).text);
    big.properties = { ...big.properties, padding: 'x'.repeat(33 * 1024) };
    return batchRequest([good, { id: big.messageId, text: JSON.stringify(big) }]);
  }
  return { path: '/v1/batch', body: Buffer.from(`{"batch":[${good.text},{"messageId":"refused-${n}-b",]}`), ids: [good.id, `refused-${n}-b`] };
}

function getJson(port, path) {
  return new Promise((resolve, reject) => {
    const req = httpGet({ host: '127.0.0.1', port, path, timeout: 10_000 }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.on('error', reject);
  });
}

/** The `summary` object at the head of a `--format json` report. */
function summaryOf(head) {
  const m = /"summary"\s*:\s*(\{[\s\S]*?\n  \})/.exec(head);
  try {
    return m ? JSON.parse(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Hash of the generator's source: a changed generator regenerates the log. */
function generatorHash() {
  const h = createHash('sha256');
  for (const f of ['generate-events.js', 'random.js']) h.update(readFileSync(new URL(`./${f}`, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

/**
 * The event log for `count` events (bench/.data/events-1m.ndjson for the default million), reused when
 * its marker (<file>.meta.json: count, seed, generator hash, size) matches, else written anew.
 */
function eventLog(count, seed = 1) {
  const name = count === 1_000_000 ? 'events-1m' : `events-${count}`;
  const file = `${DATA}${name}.ndjson`;
  const marker = `${file}.meta.json`;
  const generator = generatorHash();
  if (existsSync(file) && existsSync(marker)) {
    try {
      const meta = JSON.parse(readFileSync(marker, 'utf8'));
      if (meta.count === count && meta.seed === seed && meta.generator === generator && statSync(file).size === meta.bytes) return { file, meta };
    } catch {
      // unreadable marker: regenerate
    }
  }
  const started = performance.now();
  mkdirSync(DATA, { recursive: true });
  const stats = writeEvents(file, count, { seed });
  const meta = { count, seed, generator, ...stats };
  writeFileSync(marker, JSON.stringify(meta, null, 2) + '\n');
  console.log(`lint: generated ${name}.ndjson in ${fmtMs(performance.now() - started)}`);
  return { file, meta };
}

/**
 * Instructions each start-up case executes (all threads), counted once by valgrind's callgrind: a
 * figure that other load on the machine does not move, unlike wall time (CDP_BENCH_INSTRUCTIONS=1).
 */
function startupInstructions(cases, builds, argsOf) {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('  instructions: n/a, valgrind is not installed');
    return;
  }
  const count = (c, build, bin) => {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...argsOf(c, build, bin)], { cwd: c.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 28 });
    // As in the timed rounds: a run that failed would count its error path.
    if (r.status !== 0 && r.status !== 1) throw new Error(`${c.label} (${build}) under callgrind exited ${r.status}: ${firstLines(r.stderr)}`);
    const m = /Collected : (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`callgrind of ${c.label} gave no count: ${firstLines(r.stderr)}`);
    return Number(m[1]);
  };
  const node = count(cases[0], 'node');
  console.log(`  instructions (callgrind, one run each; node -e 0: ${(node / 1e6).toFixed(0)} M)`);
  for (const c of cases.slice(1)) {
    const cells = builds.map(([build, bin]) => {
      const n = count(c, build, bin);
      return `${build} ${(n / 1e6).toFixed(0).padStart(5)} M ${(n / node).toFixed(2).padStart(5)}x`;
    });
    console.log(`  ${c.label.padEnd(26)}${cells.join('   ')}`);
  }
}

/** The 1-minute load average, as a string with one decimal. */
function loadAverage() {
  return loadavg()[0].toFixed(1);
}

function smallLog() {
  const file = `${DATA}events-10.ndjson`;
  mkdirSync(DATA, { recursive: true });
  writeSmall(file);
  return file;
}

/** Reads the file once so every timed run finds it in the page cache. */
async function warmCache(file) {
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 })) void chunk;
}

/** The lint summary of a `--format json` report, from the first bytes of stdout (summary comes first). */
function printLintStats(head, meta) {
  const summary = summaryOf(head);
  // Not the documented shape: the figures above still stand.
  if (!summary) return;
  const stats = Object.entries(summary.stats ?? {}).map(([k, v]) => `${fmtInt(v)} ${k}`).join(', ');
  console.log(`      ${fmtInt(summary.errorCount)} errors, ${fmtInt(summary.warningCount)} warnings; ${stats} (generated: ${fmtInt(meta.valid)} valid, ${fmtInt(meta.invalid)} invalid, ${fmtInt(meta.malformed)} malformed)`);
}

for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) await run();
}
