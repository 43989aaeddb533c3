// The properties every input must keep, through the real code paths of `cdp lint` (readers,
// processUnit, EventChecker, reporters) and `cdp schema-report` (aggregation, report, renderers).
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

class PropertyFailure extends Error {
  name = 'PropertyFailure';
}

export function expect(condition, message, detail) {
  if (condition) return;
  const shown = detail === undefined ? '' : `: ${JSON.stringify(detail, (_, v) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…` : v)).slice(0, 1500)}`;
  throw new PropertyFailure(message + shown);
}

const STDIN = { name: '<stdin>', stdin: true };
/** Inputs are cut into at most this many chunks: a byte at a time through a stream costs a microsecond each. */
const MAX_CHUNKS = 2000;
const JSON_FORMATS = new Set(['json', 'sarif']);

/** The plan of test/fixtures/fuzz/ and checkers for it: the default rule set, and every rule on. */
export function lintSetup(api, planPath) {
  const plan = api.loadPlan(planPath, '/');
  const compiled = api.compilePlan(plan);
  const conventions = api.resolveConventions(plan, {});
  const checker = (config) => {
    const { severities, explicit } = api.resolveSeverities(config);
    return new api.EventChecker(plan, new api.EventValidators(plan, compiled), { severities, explicit, conventions });
  };
  const everyRule = Object.fromEntries(api.RULES.filter((r) => r.checkPayload).map((r) => [r.meta.id, 'warn']));
  return { plan, planFile: planPath, checkers: [checker({}), checker({ rules: everyRule })] };
}

function stream(bytes, size) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
  return Readable.from(chunks);
}

/** What the readers must make of `plain`, worked out independently of them: its lines, one by one. */
export function linesOf(plain) {
  const bom = plain[0] === 0xef && plain[1] === 0xbb && plain[2] === 0xbf;
  const bytes = bom ? plain.subarray(3) : plain;
  const lines = [];
  let start = 0;
  for (let number = 1; start <= bytes.length; number++) {
    const lf = bytes.indexOf(10, start);
    let end = lf < 0 ? bytes.length : lf;
    if (end > start && bytes[end - 1] === 13) end--;
    const raw = bytes.subarray(start, end);
    const blank = raw.every((b) => b === 32 || b === 9 || b === 13);
    lines.push({ number, raw, blank });
    if (lf < 0) break;
    start = lf + 1;
  }
  return lines;
}

/** Events an NDJSON line holds: those of a one-line `{"batch": [...]}`, else one (malformed or not). */
function eventsOnLine(raw) {
  if (!isUtf8(raw)) return 1;
  let value;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return 1;
  }
  const batch = value !== null && typeof value === 'object' && !Array.isArray(value) && value.type === undefined && Array.isArray(value.batch);
  return batch ? value.batch.length : 1;
}

function checkDiagnostic(d, lineCount, file) {
  expect(d.ruleId !== 'internal/check-failed', 'a check threw on an event', d);
  expect(typeof d.ruleId === 'string' && d.ruleId.length > 0, 'a diagnostic without a rule id', d);
  expect(d.severity === 'error' || d.severity === 'warn', 'a diagnostic without a severity', d);
  expect(typeof d.message === 'string' && d.message.length > 0, 'a diagnostic without a message', d);
  expect(d.file === file, `a diagnostic names another file than ${file}`, d);
  expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount, `a diagnostic's line is outside 1..${lineCount}`, d);
  expect(d.column === undefined || (Number.isInteger(d.column) && d.column >= 1), 'a diagnostic has a column that is not a positive integer', d);
}

/** Renders a report in every format; the machine-readable ones must parse. */
function renderAll(api, diagnostics, files) {
  const report = api.createReport('lint', files, diagnostics, api.describeRules(diagnostics));
  for (const name of api.REPORTER_NAMES) {
    const text = api.getReporter(name)(report, { color: name === 'stylish', cwd: '/' });
    expect(typeof text === 'string', `the ${name} reporter returned no text`);
    if (JSON_FORMATS.has(name)) JSON.parse(text);
  }
}

/**
 * Reads `input` as stdin, checks every unit, and holds the properties:
 * - nothing but an InputError escapes the readers (and one only when gzip data is cut short);
 * - read = valid + invalid + malformed, per unit and in total;
 * - read of an NDJSON input = the events on its non-blank lines; of an intact document, its elements;
 * - every diagnostic is well formed, on a line of the input (for NDJSON, a non-blank one), and no
 *   check threw (internal/check-failed);
 * - the JSON output of each unit parses, every reporter renders the diagnostics;
 * - schema-report's aggregation reads as many events: read = reported + malformed + filtered,
 *   nothing failed, and the report renders in every format.
 * Returns the counts and the rules that spoke.
 */
export async function lintProperty(api, setup, input, checkerIndex = 0) {
  const checker = setup.checkers[checkerIndex];
  const lines = linesOf(input.plain);
  const units = [];
  let inputError;
  try {
    for await (const unit of api.readUnits(STDIN, { stdin: stream(input.bytes, Math.max(input.chunk, Math.ceil(input.bytes.length / MAX_CHUNKS))), chunkBytes: input.unitBytes, maxElementsPerUnit: input.maxElements })) units.push(unit);
  } catch (error) {
    if (!(error instanceof api.InputError)) throw error;
    inputError = error;
  }
  if (inputError) {
    expect(input.cut, 'an input error on input that is whole', inputError.message);
    expect(inputError.line === undefined || (inputError.line >= 1 && inputError.line <= lines.length), 'the line of an input error is outside the input', inputError.line);
  }

  const totals = { read: 0, valid: 0, invalid: 0, malformed: 0 };
  const diagnostics = [];
  for (const unit of units) {
    const result = api.processUnit(unit, checker);
    expect(result.read === result.valid + result.invalid + result.malformed, 'a unit does not reconcile', { read: result.read, valid: result.valid, invalid: result.invalid, malformed: result.malformed });
    for (const key of Object.keys(totals)) totals[key] += result[key];
    for (const d of result.diagnostics) checkDiagnostic(d, lines.length, STDIN.name);
    const json = api.prepareUnitOutput(result, result.diagnostics, { format: 'json', cwd: '/', quiet: false }).json;
    const parsed = json === '' ? [] : JSON.parse(`[${json.slice(1)}]`);
    expect(parsed.length === result.diagnostics.length, 'the JSON output lost diagnostics');
    diagnostics.push(...result.diagnostics);
  }

  // No units: nothing to read, or a document with no elements ({"batch": []}).
  const ndjson = units.length > 0 ? units.every((u) => u.kind === 'lines') : !/^[ \t\r\n]*[[{]/.test(input.plain.toString('latin1').replace(/^\xef\xbb\xbf/, ''));
  if (ndjson && !inputError) {
    const nonBlank = lines.filter((l) => !l.blank);
    const expected = nonBlank.reduce((n, l) => n + eventsOnLine(l.raw), 0);
    expect(totals.read === expected, `read ${totals.read} events from NDJSON whose non-blank lines hold ${expected}`);
    const numbers = new Set(nonBlank.map((l) => l.number));
    for (const d of diagnostics) expect(numbers.has(d.line), 'a diagnostic on a blank line', d);
  }
  if (input.count !== undefined && input.kind !== 'ndjson' && !inputError) {
    expect(totals.read === input.count, `read ${totals.read} events from a document of ${input.count}`);
  }
  renderAll(api, diagnostics, [STDIN.name]);
  aggregateProperty(api, setup, units, totals.read, lines.length);
  return { ...totals, rules: diagnostics.map((d) => d.ruleId) };
}

function aggregateProperty(api, setup, units, read, lineCount) {
  const filters = [{}, { events: new Set(['Order Completed', 'identify', 'Home']), sinceMs: Date.parse('2000-01-01T00:00:00Z'), untilMs: Date.parse('2090-01-01T00:00:00Z') }];
  for (const filter of filters) {
    const aggregator = new api.CoverageAggregator(filter);
    for (const unit of units) api.aggregateUnit(unit, aggregator);
    expect(aggregator.failed === 0, 'the aggregation threw on an event', aggregator.failedAt);
    expect(aggregator.read === aggregator.reported + aggregator.malformed + aggregator.filtered, 'schema-report does not reconcile', { read: aggregator.read, reported: aggregator.reported, malformed: aggregator.malformed, filtered: aggregator.filtered });
    expect(aggregator.read === read, `schema-report read ${aggregator.read} events where lint read ${read}`);
    for (const at of aggregator.malformedAt) expect(at.line >= 1 && at.line <= lineCount, 'a malformed event outside the input', at);
    const report = api.buildSchemaReport(aggregator, { plan: setup.plan, planFile: setup.planFile, files: 1 });
    expect(report.summary.read === report.summary.reported + report.summary.malformed + report.summary.filtered, 'the schema report does not reconcile', report.summary);
    JSON.parse(JSON.stringify(report));
    api.renderSchemaTable(report, { color: false, cwd: '/' });
    api.renderSchemaMarkdown(report);
    api.renderSchemaReportHtml(report);
    api.renderInferredPlan(api.inferPlan(aggregator), report, ['<stdin>']);
  }
}

/** The messages of a corpus, one per line: what mutation fuzzing starts from. */
export function corpusLines(path) {
  return readFileSync(path).toString('utf8').split('\n').filter((l) => l.trim() !== '');
}
