// Where `cdp lint`'s time per event goes once start-up, file reading and the JIT's warm-up are out
// of the picture: in one process, on units already in memory, the bench's baseline loop and cdp's
// unit processing run in turn, nine rounds each, and the fastest round of each counts. This is
// steadier than whole runs on a noisy machine and shows what no start-up work could win back.
//
//   node bench/steady-lint.js <events.ndjson> [--plan plans/ecommerce.yaml]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { plan: { type: 'string', default: 'plans/ecommerce.yaml' } } });
const build = new URL('../build/', import.meta.url);
const load = (path) => import(new URL(path, build).href);
const [{ loadPlan }, { compilePlan }, { createAjv }, { checkerFor }, { processUnit }, { checkUnit }, { resolveSeverities, resolveConventions }, { RULES }, { readUnits }] = await Promise.all(
  ['plan/load.js', 'compile/compile-plan.js', 'validate/ajv.js', 'validate/checker-setup.js', 'validate/process-unit.js', 'validate/unit-output.js', 'config/resolve.js', 'rules/index.js', 'ingest/read-units.js'].map(load),
);

const plan = loadPlan(values.plan);
const output = { format: 'json', cwd: process.cwd(), quiet: false };
/** cdp's checker with the payload rules in `on` only (all when undefined), at their default severities. */
const checker = (on) => {
  const off = on ? RULES.filter((r) => r.checkPayload && !on.includes(r.meta.id)).map((r) => r.meta.id) : [];
  const resolved = resolveSeverities({}, off.map((id) => `${id}=off`));
  const explicit = [...resolved.explicit].filter((id) => !off.includes(id));
  return checkerFor(plan, { planPath: values.plan, cwd: process.cwd(), severities: [...resolved.severities], explicit, conventions: resolveConventions(plan, {}), output });
};
const validate = createAjv({ allErrors: true }).compile(compilePlan(plan).track.get('Order Completed'));

// The units cdp's reader cuts, all read before any timing.
const units = [];
for await (const unit of readUnits({ name: positionals[0], path: resolve(positionals[0]) })) units.push(unit);
let events = 0;

const eachLine = (visit) => {
  for (const { data } of units) {
    for (let start = 0, nl; (nl = data.indexOf(10, start)) !== -1; start = nl + 1) visit(data.toString('utf8', start, nl));
  }
};
const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const noChecks = { check: () => 0, malformed: () => {} };
const validationOnly = checker(['plan/missing-required']);
const allRules = checker(undefined);
const stages = {
  'baseline (parse + one validator)': () => eachLine((text) => validate(parse(text))),
  'JSON.parse alone': () => eachLine((text) => parse(text)),
  'cdp: units, parse, no checks': () => units.forEach((u) => processUnit(u, noChecks)),
  "cdp: + the event's validator": () => units.forEach((u) => processUnit(u, validationOnly)),
  'cdp: + every rule': () => units.forEach((u) => processUnit(u, allRules)),
  'cdp: + JSON output': () => units.forEach((u) => (events += checkUnit(u, allRules, output).read)),
};
const best = {};
for (let round = 0; round < 9; round++) {
  for (const [name, run] of Object.entries(stages)) {
    const started = performance.now();
    run();
    best[name] = Math.min(best[name] ?? Infinity, performance.now() - started);
  }
}
const perEvent = events / 9;
for (const [name, ms] of Object.entries(best)) console.log(`  ${name.padEnd(34)} ${((ms * 1000) / perEvent).toFixed(2).padStart(5)} µs/event`);
const baseline = best['baseline (parse + one validator)'];
console.log(`  cdp with output / baseline: ${(baseline / best['cdp: + JSON output']).toFixed(2)}x the events/s; JSON.parse is ${Math.round((100 * best['JSON.parse alone']) / baseline)}% of the baseline`);
