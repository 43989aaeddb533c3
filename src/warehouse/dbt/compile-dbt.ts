import type { Plan } from '../../plan/model.js';
import { planEntry } from '../checks/findings.js';
import { layoutPlan, type PlanTable, type WarehouseConfig } from '../layout.js';
import type { SqlDialect } from '../sql/dialect.js';
import { hasJinjaTag } from './jinja.js';
import { singularTest } from './singular-test.js';
import { acceptedEnum, sourcesYaml, type TestSeverity } from './sources-yaml.js';

export interface DbtOptions {
  dialect: SqlDialect;
  /** The dbt source's name, as `source('<name>', …)` calls it. */
  source: string;
  /** The schema (BigQuery: dataset) of the tables; dbt takes the source's name when there is none. */
  schema?: string;
  config?: WarehouseConfig;
  /** plan/missing-required's severity (the not_null tests) and plan/invalid-value's (accepted_values and the singular tests). */
  severities: { missing: TestSeverity; invalid: TestSeverity };
}

export interface DbtFile {
  /** File name: `sources.yml` goes with the models, the `.sql` files are singular tests. */
  name: string;
  text: string;
}

export interface DbtProject {
  sources: DbtFile;
  tests: DbtFile[];
  /** What the files cannot check, for the user to know. */
  notes: string[];
}

/** A name dbt would render as Jinja, or that no warehouse object can have. */
export class DbtNameError extends Error {
  override name = 'DbtNameError';
}

/**
 * The plan as dbt files, a pure function of the plan and the options: sources.yml with the planned
 * tables and columns and dbt's generic tests (not_null, accepted_values), and one singular test per
 * planned event, page, screen and traits section for the other value checks of `cdp lint
 * --warehouse`. The users table (latest traits per user) is left out, as lint leaves it out.
 */
export function compileDbt(plan: Plan, options: DbtOptions): DbtProject {
  checkName(options.source, 'The dbt source name');
  if (options.schema !== undefined) checkName(options.schema, 'The schema');
  const layout = layoutPlan(plan, options.config);
  const notes = layout.unmapped.map((u) => `${u.kind} "${u.event}" is not checked: ${u.reason}`);
  const byTable = new Map<string, PlanTable[]>();
  for (const entry of layout.tables.filter((t) => !t.derived)) {
    checkName(entry.table, `The table of ${entry.event ?? entry.kind}`);
    for (const column of entry.columns) checkName(column.column, `The column of ${column.pointer}`);
    for (const u of entry.unmapped) notes.push(`${u.pointer} of ${entry.event ?? entry.kind} is not checked: ${u.reason}`);
    byTable.set(entry.table, [...(byTable.get(entry.table) ?? []), entry]);
  }
  const tables = [...byTable].map(([table, entries]) => ({ table, entries }));
  const sources = sourcesYaml({
    tables,
    dialect: options.dialect,
    source: options.source,
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    plan: plan.name,
    version: plan.version,
    missing: options.severities.missing,
    invalid: options.severities.invalid,
    describe: (entry) => planEntry(plan, entry)?.description,
  });

  const tests: DbtFile[] = [];
  const names = new Set<string>();
  const severity = options.severities.invalid;
  for (const { entries } of severity === 'off' ? [] : tables) {
    const shared = entries.length > 1 || entries.some((e) => e.kind === 'page' || e.kind === 'screen');
    for (const entry of entries) {
      const acceptedEnums = new Set<unknown>(entry.columns.filter((c) => acceptedEnum(c)).map((c) => c.schema.enum));
      const test = singularTest({ entry, shared, dialect: options.dialect, source: options.source, plan: plan.name, acceptedEnums, severity: severity === 'warn' ? 'warn' : 'error' });
      if (!test) continue;
      tests.push({ name: `${uniqueName(testName(entry), names)}.sql`, text: test.sql });
      for (const what of test.unchecked) notes.push(`${what} cannot be checked in ${options.dialect.name}: ${entry.event ?? entry.kind} (table ${entry.table})`);
    }
  }
  return { sources: { name: 'sources.yml', text: sources }, tests, notes: [...new Set(notes)] };
}

function checkName(name: string, what: string): void {
  if (hasJinjaTag(name)) throw new DbtNameError(`${what}, ${JSON.stringify(name)}, holds {{, {% or {#, which dbt would run as Jinja`);
  if (name.trim() === '' || /[\u0000-\u001f\u007f]/.test(name)) throw new DbtNameError(`${what}, ${JSON.stringify(name)}, is empty or holds a control character`);
}

/** `cdp_<table>` for an event, `cdp_page_<name>` for a page in the shared table: a name dbt shows when the test fails. */
function testName(entry: PlanTable): string {
  const base = entry.kind === 'page' || entry.kind === 'screen' ? `${entry.kind}_${entry.event ?? ''}` : entry.table;
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 100);
  return `cdp_${slug || entry.kind}`;
}

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let n = 2; used.has(out); n++) out = `${name}_${n}`;
  used.add(out);
  return out;
}
