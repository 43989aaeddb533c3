// The floor any Node linter of NDJSON event logs pays, and so the bar `cdp lint` is measured against:
// stream the file, split it into lines, JSON.parse each non-blank line and run one precompiled ajv
// validator on every parsed value. Nothing else: no dispatch on the event name, no diagnostics, no
// output per event. The schema is the plan's own, compiled by the project's compiler, so the
// validator does the same kind of work cdp's would (refs, formats, patterns, allErrors).
//
//   node bench/baseline-lint.js <events.ndjson> [--plan plans/ecommerce.yaml] [--event "Order Completed"]
//                               [--per-event]
//
// Prints one JSON line: { file, bytes, events, valid, invalid, malformed, blank, ms, eventsPerSec,
// mbPerSec, ... }. `ms` is the streaming loop only (plan compilation and start-up excluded; the bench
// measures wall time around the whole process as well).
//
// --per-event: instead of the one representative validator, pick the compiled schema of each event
// (track by `event`, page by `name`, identify traits) and count an unknown name as invalid. Closer to
// a real linter's work; for comparison only, the bench's baseline is the single-validator run.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    plan: { type: 'string', default: 'plans/ecommerce.yaml' },
    event: { type: 'string', default: 'Order Completed' },
    'per-event': { type: 'boolean', default: false },
    'high-water-mark': { type: 'string', default: String(1 << 20) },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: node bench/baseline-lint.js <events.ndjson> [--plan <plan.yaml>] [--event <name>] [--per-event]');
  process.exit(2);
}

// The project's own plan loader, compiler and ajv set-up (ajv 8 + ajv-formats, allErrors: true), built
// into build/ by `npm run build`.
const build = new URL('../build/', import.meta.url);
const [{ loadPlan }, { compilePlan }, { createAjv }] = await Promise.all([
  import(new URL('plan/load.js', build).href),
  import(new URL('compile/compile-plan.js', build).href),
  import(new URL('validate/ajv.js', build).href),
]).catch((error) => {
  console.error(`baseline-lint: cannot load the built project (${error.message}); run \`npm run build\` first`);
  process.exit(2);
});

const compiled = compilePlan(loadPlan(values.plan));
const ajv = createAjv({ allErrors: true });
let validate;
if (values['per-event']) {
  const cache = new Map();
  const compiledFor = (map, name) => {
    let fn = cache.get(map)?.get(name);
    if (fn === undefined) {
      const schema = map.get(name);
      fn = schema ? ajv.compile(schema) : null;
      if (!cache.has(map)) cache.set(map, new Map());
      cache.get(map).set(name, fn);
    }
    return fn;
  };
  const identify = compiled.identify ? ajv.compile(compiled.identify) : null;
  validate = (value) => {
    if (value === null || typeof value !== 'object') return false;
    const fn = value.type === 'track' ? compiledFor(compiled.track, value.event) : value.type === 'page' ? compiledFor(compiled.page, value.name) : value.type === 'identify' ? identify : null;
    return fn ? fn(value) : false;
  };
} else {
  const schema = compiled.track.get(values.event);
  if (!schema) {
    console.error(`baseline-lint: no event "${values.event}" in ${values.plan}`);
    process.exit(2);
  }
  validate = ajv.compile(schema);
}

let events = 0;
let valid = 0;
let invalid = 0;
let malformed = 0;
let blank = 0;
let bytes = 0;

function check(text) {
  if (text.length === 0 || (text.length === 1 && text === '\r')) {
    blank++;
    return;
  }
  events++;
  let value;
  try {
    value = JSON.parse(text); // a trailing \r is JSON whitespace, so CRLF lines need no special case
  } catch {
    malformed++;
    return;
  }
  if (validate(value)) valid++;
  else invalid++;
}

// Splitting on bytes: find each \n with Buffer#indexOf and decode just that line with
// toString('utf8', start, end). On this kind of data (~650-byte lines) it measured ~25% faster than
// decoding whole chunks to strings (setEncoding('utf8') or toString per chunk) and splitting those
// with String#indexOf + slice, whose sliced strings JSON.parse has to flatten first. A 1 MiB
// highWaterMark; 256 KiB to 4 MiB made no measurable difference.
const started = performance.now();
let rest = null;
for await (let chunk of createReadStream(resolve(file), { highWaterMark: Number(values['high-water-mark']) })) {
  bytes += chunk.length;
  if (rest !== null) chunk = Buffer.concat([rest, chunk]);
  let start = 0;
  let nl;
  while ((nl = chunk.indexOf(10, start)) !== -1) {
    check(chunk.toString('utf8', start, nl));
    start = nl + 1;
  }
  rest = start < chunk.length ? chunk.subarray(start) : null;
}
if (rest !== null) check(rest.toString('utf8'));
const ms = performance.now() - started;

console.log(
  JSON.stringify({
    file,
    mode: values['per-event'] ? 'per-event' : 'single-validator',
    schema: values['per-event'] ? 'per event' : values.event,
    bytes,
    events,
    valid,
    invalid,
    malformed,
    blank,
    ms: Math.round(ms),
    eventsPerSec: Math.round(events / (ms / 1000)),
    mbPerSec: Number((bytes / 1e6 / (ms / 1000)).toFixed(1)),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
