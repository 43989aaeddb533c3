// The code under test, loaded from `src` (vitest, which compiles TypeScript) or from the built
// `build` (scripts/fuzz.mjs, plain Node): both have the same module layout.
const MODULES = {
  'ingest/read-units.js': ['readUnits'],
  'ingest/types.js': ['InputError'],
  'validate/process-unit.js': ['processUnit'],
  'validate/unit-output.js': ['prepareUnitOutput'],
  'validate/event-checker.js': ['EventChecker'],
  'validate/event-validators.js': ['EventValidators'],
  'compile/compile-plan.js': ['compilePlan'],
  'compile/verify.js': ['verifyPlanSchemas'],
  'plan/load.js': ['loadPlan', 'PlanLoadError'],
  'config/resolve.js': ['resolveSeverities', 'resolveConventions'],
  'rules/index.js': ['RULES'],
  'rules/check-plan.js': ['checkPlan'],
  'rules/describe.js': ['describeRules'],
  'core/report.js': ['createReport'],
  'reporters/index.js': ['getReporter', 'REPORTER_NAMES'],
  'reporters/styles.js': ['loadColors'],
  'report/aggregate.js': ['CoverageAggregator'],
  'report/aggregate-unit.js': ['aggregateUnit'],
  'report/build-report.js': ['buildSchemaReport'],
  'report/infer-plan.js': ['inferPlan'],
  'reporters/schema/table.js': ['renderSchemaTable'],
  'reporters/schema/markdown.js': ['renderSchemaMarkdown'],
  'reporters/schema/html.js': ['renderSchemaReportHtml'],
  'reporters/schema/yaml.js': ['renderInferredPlan'],
};

/** `base`: the absolute path of `src` or `build`. */
export async function loadApi(base) {
  const api = {};
  for (const [path, names] of Object.entries(MODULES)) {
    const module = await import(`${base}/${path}`);
    for (const name of names) api[name] = module[name];
  }
  // The properties render coloured reports too: chalk is loaded first, as the CLI does when colour is possible.
  await api.loadColors();
  return api;
}

/** Scan is loaded apart: it brings ts-morph, which the other properties do not need. */
export async function loadScanApi(base) {
  const { runScan, DEFAULT_MAX_FILE_SIZE } = await import(`${base}/scan/run-scan.js`);
  return { runScan, DEFAULT_MAX_FILE_SIZE };
}
