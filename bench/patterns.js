// The `patterns` suite: what running plan patterns in linear time costs. The patterns of the example
// plans, of the real plans in ../shared/corpora/protocols-plans/ (when that folder is there), and
// the shapes tracking plans commonly use, each tested against typical values with JavaScript's
// RegExp and with the engine `cdp lint` uses (re2js behind src/patterns/linear-regexp.ts); then
// the issue's backtracking case, and what the engine weighs to install and to bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpora/protocols-plans/', import.meta.url));
const built = (path) => import(new URL(`../build/${path}`, import.meta.url).href);

/** Shapes of pattern common in tracking plans, with values such as payloads carry. */
const COMMON = [
  ['^[A-Z]{3}$', ['USD', 'EUR', 'usd', 'GBP']],
  ['^[a-z0-9_]+$', ['flag_key', 'new_checkout_v2', 'Bad-Key', 'beta']],
  ['^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', ['123e4567-e89b-12d3-a456-426614174000', 'not-a-uuid']],
  ['^\\d{4}-\\d{2}-\\d{2}$', ['2026-11-02', '02/11/2026']],
  ['^v?\\d+\\.\\d+\\.\\d+$', ['1.2.3', 'v10.0.1', '1.2']],
  ['^\\+?[1-9]\\d{1,14}$', ['+14155552671', '0123']],
  ['^https?://', ['https://shop.example.com/p/1', 'ftp://x']],
  ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', ['ada@example.com', 'not an email']],
  ['^\\p{Lu}[\\p{L} ]*$', ['Order Completed', 'Überweisung Gesendet', 'order']],
  ['^(\\w+\\s?)+$', ['some words here', 'one', 'trailing! ']],
];

function plansPatterns(walk, patternsOf, loadPlan) {
  const out = [];
  for (const file of readdirSync(`${ROOT}plans`).filter((f) => f.endsWith('.yaml'))) {
    walk(loadPlan(`plans/${file}`, ROOT), (v) => patternsOf(v).forEach(({ source }) => out.push([source, `plans/${file}`])));
  }
  if (existsSync(CORPUS)) {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.json'))) {
      const visit = (node, key) => {
        if (Array.isArray(node)) node.forEach((n) => visit(n));
        else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
        else if (key === 'pattern' && typeof node === 'string') out.push([node, `protocols-plans/${file}`]);
      };
      visit(JSON.parse(readFileSync(CORPUS + file, 'utf8')));
    }
  }
  const seen = new Set();
  return out.filter(([source]) => !seen.has(source) && seen.add(source));
}

/** Tests per second of `test` over `values`, best of 5 rounds of at least 100 ms. */
function rate(test, values) {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < 100) {
      for (let i = 0; i < 1000; i++) test(values[i % values.length]);
      n += 1000;
      elapsed = performance.now() - started;
    }
    best = Math.max(best, (n / elapsed) * 1000);
  }
  return best;
}

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`);

function optionalRe2() {
  try {
    return createRequire(import.meta.url)('re2');
  } catch {
    return undefined;
  }
}

export async function patternsSuite() {
  const [{ loadPlan }, { walkPlanSchemas, patternsOf }, { compileLinear }] = await Promise.all(['plan/load.js', 'plan/walk.js', 'patterns/linear-regexp.js'].map(built));
  const RE2 = optionalRe2();
  const fromPlans = plansPatterns(walkPlanSchemas, patternsOf, loadPlan);
  const generic = ['USD', 'flag_key', 'Evil Morty', 'Lawyer Morty', 'Rick', 'a value of thirty characters..'];
  const rows = [...fromPlans.map(([source, where]) => [source, generic, where]), ...COMMON.map(([source, values]) => [source, values, 'common shape'])];
  console.log(`patterns: ${rows.length} patterns (${fromPlans.length} from plans${existsSync(CORPUS) ? ' and ../shared/corpora/protocols-plans' : ''}), tests per second, best of 5 rounds`);
  console.log(`  ${'pattern'.padEnd(44)} ${'RegExp'.padStart(9)} ${'re2js'.padStart(9)} ${'ratio'.padStart(6)} ${'re2 (native)'.padStart(13)} ${'lint uses'.padStart(9)}  source`);
  let sumJs = 0;
  let sumLinear = 0;
  for (const [source, values, where] of rows) {
    const js = new RegExp(source, 'u');
    const linear = compileLinear(source, 're2js');
    if ('problem' in linear) {
      console.log(`  ${source.slice(0, 44).padEnd(44)} RE2 cannot run it: ${linear.problem.message}`);
      continue;
    }
    for (const v of values) if (js.test(v) !== linear.regexp.test(v)) throw new Error(`/${source}/ disagrees on ${JSON.stringify(v)}`);
    const a = rate((s) => js.test(s), values);
    const b = rate((s) => linear.regexp.test(s), values);
    const native = RE2 ? fmt(rate(((re) => (s) => re.test(s))(new RE2(source, 'u')), values)) : 'n/a';
    sumJs += 1 / a;
    sumLinear += 1 / b;
    const used = compileLinear(source).regexp.engine;
    console.log(`  ${source.slice(0, 44).padEnd(44)} ${fmt(a).padStart(9)} ${fmt(b).padStart(9)} ${(a / b).toFixed(1).padStart(5)}x ${native.padStart(13)} ${used.padStart(9)}  ${where}`);
  }
  console.log(`  mean time per test: RegExp ${((sumJs / rows.length) * 1e9).toFixed(0)} ns, re2js ${((sumLinear / rows.length) * 1e9).toFixed(0)} ns${RE2 ? '' : ' (re2 not installed: `npm i --no-save re2` builds it with node-gyp for this column)'}`);

  const evil = compileLinear('^(a+)+$').regexp;
  if (evil.engine !== 're2js') throw new Error('/^(a+)+$/ must run on re2js');
  for (const n of [34, 10_000, 1_000_000]) {
    const input = `${'a'.repeat(n)}!`;
    const started = performance.now();
    const matched = evil.test(input);
    console.log(`  /^(a+)+$/ on ${n.toLocaleString('en-US')} a's and "!": re2js ${(performance.now() - started).toFixed(2)} ms (${matched})`);
  }
  const js = /^(a+)+$/u;
  for (const n of [18, 20, 22, 24]) {
    const started = performance.now();
    js.test(`${'a'.repeat(n)}!`);
    console.log(`  /^(a+)+$/ on ${n} a's and "!": RegExp ${(performance.now() - started).toFixed(1)} ms (doubles with each "a": 34 take minutes)`);
  }

  const du = (path) => (existsSync(`${ROOT}node_modules/${path}`) ? execFileSync('du', ['-sk', `${ROOT}node_modules/${path}`], { encoding: 'utf8' }).split('\t')[0] : '0');
  const weights = ['re2js', '@eslint-community/regexpp', 'recheck', 'recheck-linux-x64', 'recheck-jar'].map((p) => `${p} ${(Number(du(p)) / 1024).toFixed(1)} MB`);
  console.log(`  installed: ${weights.join(', ')} (recheck loads only in cdp check, for patterns a short proof cannot show linear)`);
  const { rolldown } = await import('rolldown');
  const { gzipSync } = await import('node:zlib');
  const bundle = await rolldown({ input: `${ROOT}node_modules/re2js/build/index.js`, logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  console.log(`  re2js bundled, minified: ${output[0].code.length.toLocaleString('en-US')} bytes, ${gzipSync(output[0].code).length.toLocaleString('en-US')} gzip (why generated validators keep RegExp)`);
}
