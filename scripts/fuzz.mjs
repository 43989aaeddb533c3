// `npm run fuzz`: the property tests of test/fuzz/ run for longer, on the built modules (build/), seeded and
// bounded, and the real messages of ../shared/corpora/segment-fixtures/ mutated byte by byte when
// that folder is there. Any failure is printed with its seed, its path and a shrunk input, and
// replays with `npm run fuzz -- --target <name> --seed <seed> --path <path>`.
//
//   npm run fuzz -- [--time 60] [--runs N] [--seed S] [--target lint,corpus,plan,scan]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { loadApi, loadScanApi } from '../test/fuzz/api.js';
import { corpusInput, describeInput, lintInput } from '../test/fuzz/inputs.js';
import { corpusLines, lintProperty, lintSetup } from '../test/fuzz/lint-properties.js';
import { planProperty } from '../test/fuzz/plan-properties.js';
import { planFiles } from '../test/fuzz/plans.js';
import { scanProperty } from '../test/fuzz/scan-properties.js';
import { sourceFiles } from '../test/fuzz/sources.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpora/segment-fixtures/events.ndjson', import.meta.url));
/** Runs per round: progress is printed, and the seed moves on, after each. */
const ROUND = 100;

const { values: flags } = parseArgs({
  options: {
    time: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    target: { type: 'string' },
  },
});
const seconds = flags.time === undefined ? (flags.runs === undefined ? 60 : Infinity) : Number(flags.time);
const runsPerTarget = flags.runs === undefined ? Infinity : Number(flags.runs);
const seed = flags.seed === undefined ? Date.now() % 2 ** 31 : Number(flags.seed);
if (!(seconds > 0) || !(runsPerTarget > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--time seconds] [--runs n] [--seed n] [--path p] [--target lint,corpus,plan,scan]');
  process.exit(2);
}

const api = await loadApi(`${ROOT}build`);
const setup = lintSetup(api, `${ROOT}test/fixtures/fuzz/plan.yaml`);
const ruleCounts = new Map();
const countRules = (ids) => ids.forEach((id) => ruleCounts.set(id, (ruleCounts.get(id) ?? 0) + 1));
const withRules = (result) => countRules(result.rules);

const targets = {
  lint: {
    property: fc.asyncProperty(lintInput, fc.integer({ min: 0, max: 1 }), (input, checker) => lintProperty(api, setup, input, checker).then(withRules)),
    show: ([input, checker]) => `${describeInput(input)}\nchecker: ${checker === 0 ? 'default rules' : 'every rule on'}`,
  },
  plan: {
    property: fc.property(planFiles, (files) => countRules(planProperty(api, files).rules)),
    show: ([files]) => Object.entries(files).map(([name, bytes]) => `${name} (base64): ${bytes.toString('base64')}\n${name}: ${JSON.stringify(bytes.toString('utf8').slice(0, 3000))}`).join('\n'),
  },
};
if (existsSync(CORPUS)) {
  const messages = corpusLines(CORPUS);
  targets.corpus = {
    property: fc.asyncProperty(corpusInput(messages), (input) => lintProperty(api, setup, input, 0).then(withRules)),
    show: ([input]) => describeInput(input),
  };
} else {
  console.log(`(no ${CORPUS}: corpus mutation skipped)`);
}
const scan = await loadScanApi(`${ROOT}build`);
targets.scan = {
  // Deeper than the property test in npm test goes (see test/scan/scan.fuzz.test.ts).
  property: fc.property(sourceFiles(12), (files) => countRules(scanProperty(scan, api, setup.plan, files).rules)),
  show: ([files]) => Object.entries(files).map(([name, text]) => `--- ${name}\n${text.slice(0, 4000)}`).join('\n'),
};

const chosen = flags.target ? flags.target.split(',') : Object.keys(targets);
for (const name of chosen) if (!targets[name]) throw new Error(`unknown target "${name}"; known: ${Object.keys(targets).join(', ')}`);

if (flags.path !== undefined) {
  // Replay one failure: the same seed and path give the same input.
  const [name] = chosen;
  const details = await fc.check(targets[name].property, { seed, path: flags.path, numRuns: 1 });
  report(name, details, seed);
  process.exit(details.failed ? 1 : 0);
}

const bounds = [Number.isFinite(seconds) ? `${seconds} s` : '', Number.isFinite(runsPerTarget) ? `${runsPerTarget} runs per target` : ''].filter(Boolean);
console.log(`fuzz: seed ${seed}, targets ${chosen.join(', ')}, at most ${bounds.join(' and ')}`);
const started = Date.now();
const deadline = started + seconds * 1000;
const runs = Object.fromEntries(chosen.map((n) => [n, 0]));
const failures = [];
for (let round = 0; Date.now() < deadline; round++) {
  let ran = false;
  for (const name of chosen) {
    const left = runsPerTarget - runs[name];
    if (left <= 0 || Date.now() >= deadline) continue;
    ran = true;
    // Each round of each target has its own seed, printed with any failure so that it replays.
    const roundSeed = (seed + round * chosen.length + chosen.indexOf(name)) | 0;
    const details = await fc.check(targets[name].property, {
      seed: roundSeed,
      numRuns: Math.min(ROUND, left),
      interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
      markInterruptAsFailure: false,
    });
    runs[name] += details.numRuns;
    // Stopped by the deadline before a run, which fast-check counts as a failure without a counterexample.
    if (details.failed && details.counterexample !== null) {
      failures.push(name);
      report(name, details, roundSeed);
    }
  }
  if (!ran) break;
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`${elapsed} s: ${Object.entries(runs).map(([n, r]) => `${n} ${r}`).join(', ')} runs; ${failures.length} failure(s)`);
}
const total = Object.values(runs).reduce((a, b) => a + b, 0);
console.log(`\nfuzz: ${total} generated inputs in ${((Date.now() - started) / 1000).toFixed(0)} s (${Object.entries(runs).map(([n, r]) => `${n} ${r}`).join(', ')}), seed ${seed}, ${failures.length} failure(s)`);
console.log(`diagnostics seen, by rule: ${[...ruleCounts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
process.exit(failures.length > 0 ? 1 : 0);

function report(name, details, roundSeed) {
  if (!details.failed) {
    console.log(`${name}: passes`);
    return;
  }
  console.log(`\n✖ ${name} failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s)`);
  console.log(`  replay: npm run fuzz -- --target ${name} --seed ${roundSeed} --path "${details.counterexamplePath}"`);
  console.log(`  error: ${details.errorInstance?.stack ?? details.error}`);
  if (details.counterexample) console.log(`  input:\n${targets[name].show(details.counterexample)}\n`);
}
