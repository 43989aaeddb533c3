// Benchmarks, run with `npm run bench` (builds first). Each suite spawns the built CLI as a user
// would and prints its figures; data is generated into bench/.data/ (ignored by git).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = fileURLToPath(new URL('./.data/', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/cdp.js', import.meta.url));
const only = process.argv.slice(2);

/** Runs the CLI once under /usr/bin/time-like accounting: wall time and peak RSS of the child. */
function timeCli(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const suites = {
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
};

for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) run();
}
