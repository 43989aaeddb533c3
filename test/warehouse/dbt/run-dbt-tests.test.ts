import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'node-sql-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTIONS, resolveSeverities } from '../../../src/config/resolve.js';
import type { Plan } from '../../../src/plan/model.js';
import { loadPlan } from '../../../src/plan/load.js';
import { lintWarehouse } from '../../../src/warehouse/checks/run.js';
import { openWarehouse } from '../../../src/warehouse/connect.js';
import { compileDbt } from '../../../src/warehouse/dbt/compile-dbt.js';
import type { Dialect, WarehouseEngine } from '../../../src/warehouse/engine.js';
import { layoutPlan } from '../../../src/warehouse/layout.js';
import { DIALECTS } from '../../../src/warehouse/sql/index.js';
import { ROOT } from '../../helpers/cli.js';
import { FIXTURES, planFrom } from '../../helpers/plan.js';
import { dbtPython, readDbtYaml, renderDbtSql } from '../../support/dbt-render.js';
import { withPostgres } from '../../support/postgres.js';
import { duckdbFile, loadIntoPostgres } from '../../support/warehouse.js';

/**
 * The dbt files run where the data is: rendered by Jinja with the catalogue of a real DuckDB and a
 * real PostgreSQL holding the data in Segment's layout, the tests (singular ones, and dbt's own
 * not_null and accepted_values) find exactly the rows `cdp lint --warehouse` finds.
 */

const VALUES_PLAN = `
plan: values
version: 1
types:
  Sku: { type: string, pattern: "^[A-Z]{3}-[0-9]+$" }
events:
  Item Rated:
    properties:
      item_id: { type: string, required: true }
      sku: Sku
      stars: { type: integer, minimum: 1, maximum: 5 }
      score: { type: number, exclusiveMinimum: 0, exclusiveMaximum: 1 }
      label: { type: string, minLength: 2, maxLength: 5 }
      email: { type: string, format: email }
      homepage: { type: string, format: uri }
      verified: { type: boolean, const: true }
      size: { enum: [1, 2, 3] }
      mood: { type: string, enum: ["it's", "{{ evil }}", "{% raw %}", "line\\nbreak"] }
      tier: { type: string, enum: [gold, silver] }
      ref: { anyOf: [{ type: string, pattern: "^r" }, { type: integer }] }
      tags: { type: array }
  'x"; DROP TABLE users; --':
    properties:
      note: { type: string, enum: ["{% endraw %}", "a"], required: true }
pages:
  Docs:
    properties:
      section: { type: string, required: true, enum: [api, guide] }
  Blog:
    properties:
      section: { type: string, enum: [news] }
`;

let n = 0;
function message(type: string, name: string, properties: Record<string, unknown>): string {
  n++;
  const id = `v-${String(n).padStart(2, '0')}`;
  const base = { type, messageId: id, userId: 'u1', timestamp: '2026-11-02T10:00:00.000Z', receivedAt: `2026-11-02T10:00:${String(n).padStart(2, '0')}.000Z`, properties };
  return JSON.stringify(type === 'track' ? { ...base, event: name } : { ...base, name });
}

const rated = (p: Record<string, unknown>) => message('track', 'Item Rated', { item_id: `i-${n}`, ...p });
const VALUES_EVENTS = [
  // The first values type the columns: stars and ref as text, size as a number, tags as JSON text.
  rated({ sku: 'ABC-1', stars: '3', score: 0.5, label: 'ok', email: 'a@b.co', homepage: 'https://x.example/', verified: true, size: 2, mood: "it's", tier: 'gold', ref: 'r1', tags: [1] }),
  rated({ stars: 7, score: 1, label: 'a', sku: 'ab-1', email: 'nope', verified: false, size: 4, mood: '{{ evil }}', tier: 'bronze', ref: 5, tags: 'oops' }),
  rated({ stars: 'x', score: 0, label: 'toolong', homepage: 'not a uri', mood: 'other', ref: 'x', tier: 'silver' }),
  rated({ stars: 2.5, mood: '{% raw %}', ref: 7.5 }),
  rated({ stars: 0, mood: 'line\nbreak' }),
  message('track', 'Item Rated', { stars: 4 }),
  message('track', 'x"; DROP TABLE users; --', { note: '{% endraw %}' }),
  message('track', 'x"; DROP TABLE users; --', { note: 'b' }),
  message('track', 'x"; DROP TABLE users; --', { other: 1 }),
  message('page', 'Docs', { section: 'api' }),
  message('page', 'Docs', { section: 'other' }),
  message('page', 'Docs', { title: 'no section' }),
  message('page', 'Blog', { title: 'no section either' }),
  message('page', 'Blog', { section: 'news' }),
];

interface Case {
  name: string;
  plan: () => Plan;
  dir: string;
  files: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'cdp-dbt-run-'));
writeFileSync(join(dir, 'values.ndjson'), `${VALUES_EVENTS.join('\n')}\n`);
const CASES: Case[] = [
  { name: 'the fixture', plan: () => loadPlan(join(FIXTURES, 'warehouse', 'shop.yaml'), ROOT), dir: join(FIXTURES, 'warehouse'), files: ['events.ndjson'] },
  { name: 'a plan with every value check and hostile names', plan: () => planFrom(VALUES_PLAN), dir, files: ['values.ndjson'] },
];

/** A failing check as lint reports it and as the dbt tests find it: rule, property, rows, the smallest ids. */
type Failure = string;

async function lintFailures(engine: WarehouseEngine, plan: Plan, schema: string, accepted: ReadonlySet<string>): Promise<Failure[]> {
  const { diagnostics } = await lintWarehouse({ engine, plan, schema, settings: resolveSeverities({}), conventions: DEFAULT_CONVENTIONS });
  return diagnostics
    .filter((d) => d.ruleId === 'plan/missing-required' || d.ruleId === 'plan/invalid-value')
    .map((d) => {
      const w = d.warehouse!;
      // dbt's accepted_values returns values, not rows: their ids are not compared.
      const samples = d.message.includes('must be one of') && accepted.has(`${w.table.split('.')[1]}.${w.column}`) ? '(values)' : w.samples.join(',');
      return `${d.ruleId} ${d.path} ${w.count} ${samples}`;
    })
    .sort();
}

interface SourcesYaml {
  sources: Array<{ tables: Array<{ name: string; columns: Array<{ name: string; data_tests?: Array<string | Record<string, { arguments?: { values: string[] }; config?: { where?: string } }>> }> }> }>;
}

/**
 * dbt's own generic tests on the source, with the conditions of its default macros (not_null:
 * `column is null`; accepted_values: `value not in (quoted values)` over the distinct values) on the
 * rows the test's `where` config keeps. not_null also selects the id, to compare the rows.
 */
function genericTests(sources: SourcesYaml, relation: (table: string) => string, dialect: Dialect): Array<{ sql: string; rule: string; table: string; column: string; kind: 'not_null' | 'accepted_values' }> {
  const out: ReturnType<typeof genericTests> = [];
  const q = DIALECTS[dialect].identifier;
  for (const table of sources.sources[0]!.tables) {
    for (const column of table.columns) {
      for (const test of column.data_tests ?? []) {
        const [kind, spec] = typeof test === 'string' ? [test, {}] : Object.entries(test)[0]!;
        const model = spec.config?.where ? `(select * from ${relation(table.name)} where ${spec.config.where}) dbt_subquery` : relation(table.name);
        if (kind === 'not_null') {
          out.push({ sql: `select CAST(${q('id')} AS text) AS id from ${model} where ${column.name} is null`, rule: 'plan/missing-required', table: table.name, column: column.name, kind });
        } else if (kind === 'accepted_values') {
          const values = spec.arguments!.values.map((v) => `'${v}'`).join(', ');
          out.push({ sql: `with all_values as (select ${column.name} as value_field, count(*) as n_records from ${model} group by ${column.name}) select * from all_values where value_field not in (${values})`, rule: 'plan/invalid-value', table: table.name, column: column.name, kind });
        }
      }
    }
  }
  return out;
}

const PARSER_DATABASES: Partial<Record<Dialect, string>> = { postgres: 'postgresql', redshift: 'redshift', bigquery: 'bigquery', snowflake: 'snowflake' };

/** Renders the dbt files with the engine's catalogue, runs them, and returns what they find, as lintFailures() writes it. */
async function dbtFailures(engine: WarehouseEngine, plan: Plan, schema: string): Promise<{ failures: Failure[]; accepted: Set<string> }> {
  const dialect = DIALECTS[engine.dialect];
  const project = compileDbt(plan, { dialect, source: 'segment', severities: { missing: 'error', invalid: 'error' } });
  const catalogue = await engine.describe(schema);
  const relation = (table: string) => `${dialect.identifier(schema)}.${dialect.identifier(table)}`;
  // dbt resolves source() for every table sources.yml declares, whether the warehouse has it or not.
  const relations: Record<string, string> = Object.fromEntries(layoutPlan(plan).tables.map((t) => [`segment.${t.table}`, relation(t.table)]));
  const columns: Record<string, Array<{ name: string; data_type: string }>> = {};
  for (const table of catalogue) {
    relations[`segment.${table.name}`] = relation(table.name);
    columns[`segment.${table.name}`] = table.columns.map((c) => ({ name: c.name, data_type: c.type }));
  }
  const pointers = new Map(layoutPlan(plan).tables.flatMap((t) => t.columns.map((c) => [`${t.table}.${c.column}`, c.pointer] as const)));
  const failures: Failure[] = [];
  const rendered = renderDbtSql({ templates: Object.fromEntries(project.tests.map((t) => [t.name, t.text])), target: engine.dialect, relations, columns });
  for (const test of project.tests) {
    const { sql, error } = rendered[test.name]!;
    expect(error, test.name).toBeUndefined();
    if (engine.dialect === 'postgres') expect(() => new Parser().astify(sql!, { database: 'postgresql' }), test.name).not.toThrow();
    const rows = (await engine.query(sql!)) as Array<{ id: string; rule_id: string; property_path: string; failed_check: string }>;
    const groups = new Map<string, string[]>();
    for (const row of rows) groups.set(`${row.rule_id} ${row.property_path}\u0000${row.failed_check}`, [...(groups.get(`${row.rule_id} ${row.property_path}\u0000${row.failed_check}`) ?? []), row.id]);
    for (const [key, ids] of groups) failures.push(`${key.split('\u0000')[0]} ${ids.length} ${sortedIds(ids).slice(0, 5).join(',')}`);
  }
  const sources = readDbtYaml(project.sources.text).rendered as SourcesYaml;
  const accepted = new Set<string>();
  for (const test of genericTests(sources, relation, engine.dialect)) {
    const rows = await engine.query(test.sql);
    const pointer = pointers.get(`${test.table}.${test.column}`);
    if (test.kind === 'accepted_values') {
      accepted.add(`${test.table}.${test.column}`);
      const count = rows.reduce((sum, r) => sum + Number(r.n_records), 0);
      if (count > 0) failures.push(`${test.rule} ${pointer} ${count} (values)`);
    } else if (rows.length > 0) {
      failures.push(`${test.rule} ${pointer} ${rows.length} ${sortedIds(rows.map((r) => String(r.id))).slice(0, 5).join(',')}`);
    }
  }
  return { failures: failures.sort(), accepted };
}

/** Ids in UTF-8 byte order, as lint's samples are. */
function sortedIds(ids: string[]): string[] {
  return ids.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

function withPython(name: string, fn: () => Promise<void>) {
  it(name, async (context) => {
    const python = dbtPython();
    if (typeof python !== 'string') {
      context.skip(python.skip);
      return;
    }
    await fn();
  }, 120_000);
}

const duckFiles = new Map<string, string>();
beforeAll(async () => {
  for (const c of CASES) {
    const file = join(dir, `${c.name.replace(/\W+/g, '-')}.duckdb`);
    await duckdbFile(file, { load: c.files, cwd: c.dir });
    duckFiles.set(c.name, file);
  }
}, 120_000);

describe('dbt tests on DuckDB', () => {
  for (const c of CASES) {
    withPython(`find exactly the failing rows cdp lint --warehouse finds: ${c.name}`, async () => {
      const engine = await openWarehouse(`duckdb:${duckFiles.get(c.name)}`);
      try {
        const plan = c.plan();
        const { failures, accepted } = await dbtFailures(engine, plan, 'main');
        const lint = await lintFailures(engine, plan, 'main', accepted);
        expect(lint.length).toBeGreaterThan(c.name === 'the fixture' ? 4 : 20);
        expect(failures).toEqual(lint);
      } finally {
        await engine.close();
      }
    });
  }
});

const { pgIt } = withPostgres();
describe('dbt tests on PostgreSQL', () => {
  for (const c of CASES) {
    pgIt(`find exactly the failing rows cdp lint --warehouse finds: ${c.name}`, async (pg) => {
      const python = dbtPython();
      if (typeof python !== 'string') return;
      const schema = `s_${c.name.replace(/\W+/g, '_')}`;
      await loadIntoPostgres(pg.url, c.files, c.dir, schema);
      const engine = await openWarehouse(pg.url);
      try {
        const plan = c.plan();
        const { failures, accepted } = await dbtFailures(engine, plan, schema);
        expect(failures).toEqual(await lintFailures(engine, plan, schema, accepted));
      } finally {
        await engine.close();
      }
    });
  }
});

describe('the singular tests of every dialect', () => {
  withPython('render for their dbt target and parse as that dialect (DuckDB parses its own by running them above)', async () => {
    const engine = await openWarehouse(`duckdb:${duckFiles.get(CASES[1]!.name)}`);
    let catalogue;
    try {
      catalogue = await engine.describe('main');
    } finally {
      await engine.close();
    }
    for (const [dialect, database] of Object.entries(PARSER_DATABASES) as Array<[Dialect, string]>) {
      const d = DIALECTS[dialect];
      const project = compileDbt(CASES[1]!.plan(), { dialect: d, source: 'segment', severities: { missing: 'error', invalid: 'error' } });
      const relations = Object.fromEntries(catalogue.map((t) => [`segment.${t.name}`, `${d.identifier('analytics')}.${d.identifier(t.name)}`]));
      const columns = Object.fromEntries(catalogue.map((t) => [`segment.${t.name}`, t.columns.map((c) => ({ name: c.name, data_type: c.type }))]));
      const rendered = renderDbtSql({ templates: Object.fromEntries(project.tests.map((t) => [t.name, t.text])), target: dialect, relations, columns });
      expect(project.tests.length).toBe(4);
      for (const test of project.tests) {
        const sql = rendered[test.name]!.sql!;
        expect(sql, `${dialect} ${test.name}`).toContain('cdp_c0');
        expect(() => new Parser().astify(sql, { database }), `${dialect} ${test.name}:\n${sql}`).not.toThrow();
      }
      // On another target the test stops with a message instead of running SQL of the wrong dialect.
      const wrong = renderDbtSql({ templates: { t: project.tests[0]!.text }, target: dialect === 'snowflake' ? 'bigquery' : 'snowflake', relations, columns });
      expect(wrong.t!.error).toMatch(new RegExp(`cdp wrote this test in ${dialect} SQL; the target is \\w+: regenerate it with cdp compile --target dbt --dialect \\w+`));
    }
  });
});
