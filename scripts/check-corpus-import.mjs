// Imports every plan of the protocols-plans corpus (../shared/corpora/protocols-plans, or the folder
// given) and the example plans, and prints per plan: events imported, keywords kept as written,
// judgement comments, whether `cdp check` loads it (exit 0 or 1), the payload-equivalence counts
// against the original rules, and whether export -> import compiles to the same schemas.
// Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePlan } from '../build/compile/compile-plan.js';
import { exportPlan } from '../build/interop/export-plan.js';
import { importPlan } from '../build/interop/import-plan.js';
import { readImportInput } from '../build/interop/read-input.js';
import { readImportSource } from '../build/interop/read-shapes.js';
import { compareVersions } from '../build/interop/versions.js';
import { canonical } from '../build/interop/canonical.js';
import { loadPlan } from '../build/plan/load.js';
import { compareVerdicts } from './payload-probes.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const corpus = process.argv[2] ?? join(ROOT, '../shared/corpora/protocols-plans');
const tmp = mkdtempSync(join(tmpdir(), 'cdp-import-'));
let failures = 0;

function writePlan(yaml, name) {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

/** The compiled schema of each kept rule beside the original rule. */
function pairsOf(source, compiled) {
  const kept = new Map();
  for (const rule of source.rules) {
    const key = `${rule.kind}\u0000${rule.name ?? ''}`;
    const seen = kept.get(key);
    if (!seen || compareVersions(rule.version, seen.version) >= 0) kept.set(key, rule);
  }
  const pairs = [];
  const missing = [];
  for (const rule of kept.values()) {
    const slot = rule.kind === 'identify' || rule.kind === 'group' ? 'traits' : 'properties';
    const schema = rule.kind === 'identify' || rule.kind === 'group' ? compiled[rule.kind] : compiled[rule.kind]?.get?.(rule.name);
    if (schema) pairs.push({ name: `${rule.kind} ${rule.name ?? ''}`.trim(), slot, original: rule.message, compiled: schema });
    else missing.push(`${rule.kind}${rule.name ? ` "${rule.name}"` : ''} (${rule.where})`);
  }
  return { pairs, missing };
}

function sameCompiled(a, b, kinds) {
  const differ = [];
  for (const kind of kinds) {
    if (kind === 'identify' || kind === 'group') {
      if (canonical(a[kind]) !== canonical(b[kind])) differ.push(kind);
      continue;
    }
    const names = new Set([...a[kind].keys(), ...b[kind].keys()]);
    for (const name of names) if (canonical(a[kind].get(name)) !== canonical(b[kind].get(name))) differ.push(`${kind} "${name}"`);
  }
  return differ;
}

function roundTrip(plan, label) {
  const compiled = compilePlan(plan);
  const out = [];
  for (const format of ['protocols', 'protocols-v1']) {
    const back = importPlan(readImportSource(exportPlan(plan, format).json), `${label}.${format}.json`);
    const again = compilePlan(loadPlan(writePlan(back.yaml, `${label}.${format}`)));
    const kinds = format === 'protocols' ? ['track', 'page', 'screen', 'identify', 'group'] : ['track', 'identify', 'group'];
    const differ = sameCompiled(compiled, again, kinds);
    out.push(differ.length === 0 ? `${format} same` : `${format} DIFFERS: ${differ.slice(0, 3).join(', ')}`);
    if (differ.length > 0) failures++;
  }
  return out.join('; ');
}

const rows = [];
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.json')).sort() : [];
if (files.length === 0) console.log(`No corpus at ${corpus}; only the example plans are checked.`);
for (const file of files) {
  const path = join(corpus, file);
  const source = readImportInput(path, file);
  const result = importPlan(source, file);
  const yamlFile = writePlan(result.yaml, basename(file, '.json'));
  const check = spawnSync(process.execPath, [join(ROOT, 'bin/cdp.js'), 'check', yamlFile], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (check.status !== 0 && check.status !== 1) failures++;
  const plan = loadPlan(yamlFile);
  const { pairs, missing } = pairsOf(source, compilePlan(plan));
  const v = compareVerdicts(pairs);
  if (v.disagreements.length > 0 || v.notCompiled.length > 0) failures++;
  rows.push({
    file,
    shape: source.shape,
    imported: result.stats.events,
    kept: result.stats.keptKeywords,
    judgements: result.stats.judgements,
    check: check.status,
    probes: `${v.agree}/${v.probes} agree over ${v.events} rules`,
    notPlaced: missing.length,
    roundTrip: roundTrip(plan, basename(file, '.json')),
    details: [...v.disagreements.slice(0, 5), ...v.notCompiled, ...missing.map((m) => `not in the plan (commented): ${m}`)],
  });
}
for (const example of ['plans/ecommerce.yaml', 'plans/b2b-saas.yaml']) {
  rows.push({ file: example, shape: 'cdp plan', roundTrip: roundTrip(loadPlan(join(ROOT, example)), basename(example, '.yaml')), details: [] });
}

console.log('| plan | shape | events imported | keywords kept as-is | judgement comments | cdp check exit | payload probes | rules not placed | export -> import |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.file} | ${r.shape} | ${r.imported ?? ''} | ${r.kept ?? ''} | ${r.judgements ?? ''} | ${r.check ?? ''} | ${r.probes ?? ''} | ${r.notPlaced ?? ''} | ${r.roundTrip} |`);
}
for (const r of rows) for (const d of r.details) console.log(`  ${r.file}: ${d}`);
console.log(failures === 0 ? 'All plans import, load, agree on every probe and round-trip.' : `${failures} problem(s).`);
process.exitCode = failures === 0 ? 0 : 1;
