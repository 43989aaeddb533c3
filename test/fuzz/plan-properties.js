// The properties of loading a plan: `cdp check`, `lint` and friends either get a plan they can use
// or diagnostics that say where the problem is; nothing else may come out.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from './lint-properties.js';

const EVENTS = [
  { type: 'track', event: 'Order Completed', userId: 'u', properties: { order_id: 'o', revenue: 1, products: [{ product_id: 'p' }] } },
  JSON.parse('{"type":"track","event":"Product Added","anonymousId":"a","properties":{"__proto__":1,"constructor":{},"x":[[[]]]}}'),
  { type: 'identify', userId: 'u', traits: { email: 'a@b.co', firstName: 'A' } },
  { type: 'group', userId: 'u', groupId: 'g', traits: { name: 'n' } },
  { type: 'page', name: 'Home', userId: 'u', properties: {} },
  { type: 'screen', name: 'Settings', userId: 'u' },
];

export function writeFiles(files) {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-fuzz-plan-'));
  mkdirSync(join(dir, 'sub'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

function lineCount(bytes) {
  let n = 1;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

/** A plan diagnostic names one of the plan's files and, when that file has text, a line and column in it. */
function checkPlanDiagnostic(d, files, what) {
  expect(typeof d.ruleId === 'string' && (d.severity === 'error' || (what === 'check' && d.severity === 'warn')) && typeof d.message === 'string' && d.message.length > 0, `a malformed ${what} diagnostic`, d);
  expect(typeof d.file === 'string' && Object.hasOwn(files, d.file), `a ${what} diagnostic names no file of the plan`, d);
  expect(Number.isInteger(d.line) && Number.isInteger(d.column) && d.line >= 1 && d.column >= 1, `a ${what} diagnostic without line and column`, d);
  expect(d.line <= lineCount(files[d.file]), `a ${what} diagnostic's line is past the end of ${d.file}`, d);
}

/**
 * Loads the plan written from `files` and holds: loading either gives a plan or throws
 * PlanLoadError with positioned diagnostics; a loaded plan verifies, passes through the plan rules
 * (`cdp check`), compiles and checks events without an exception, or says where it cannot.
 * Returns which it was, with the rules that spoke.
 */
export function planProperty(api, files) {
  const dir = writeFiles(files);
  try {
    let plan;
    try {
      plan = api.loadPlan('plan.yaml', dir);
    } catch (error) {
      if (!(error instanceof api.PlanLoadError)) throw error;
      expect(error.diagnostics.length > 0, 'a plan refused without a reason');
      for (const d of error.diagnostics) checkPlanDiagnostic(d, files, 'load');
      return { outcome: 'refused', rules: error.diagnostics.map((d) => d.ruleId) };
    }
    const problems = api.verifyPlanSchemas(plan);
    for (const d of problems) checkPlanDiagnostic(d, files, 'verify');
    let conventions;
    try {
      conventions = api.resolveConventions(plan, {});
    } catch (error) {
      // A convention the plan format lets through but the parser refuses: a usage error (exit 2).
      expect(error.name === 'ConfigError', `resolveConventions threw ${error.name}`, error.message);
      return { outcome: 'refused', rules: ['conventions'] };
    }
    const { severities, explicit } = api.resolveSeverities({});
    for (const d of api.checkPlan(plan, { severities, conventions })) checkPlanDiagnostic(d, files, 'check');
    if (problems.length > 0) return { outcome: 'refused', rules: problems.map((d) => d.ruleId) };
    const checker = new api.EventChecker(plan, new api.EventValidators(plan, api.compilePlan(plan)), { severities, explicit, conventions });
    const out = [];
    for (const [i, event] of EVENTS.entries()) checker.check(event, { file: 'e.ndjson', line: i + 1 }, out);
    for (const d of out) expect(d.ruleId !== 'internal/check-failed', 'a check threw on an event', d);
    return { outcome: 'loaded', rules: out.map((d) => d.ruleId) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
