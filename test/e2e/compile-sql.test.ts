import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pkg from 'node-sql-parser';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { mapPlan } from '../../src/warehouse/layout.js';
import { cdp, ROOT } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/plan.js';
import { withPostgres } from '../support/postgres.js';
import { duckdbFile, loadIntoPostgres } from '../support/warehouse.js';

const { Parser } = pkg;
const FIXTURE = join(FIXTURES, 'warehouse');
const PLAN = join(FIXTURE, 'shop.yaml');

/** node-sql-parser's grammar for each dialect (it has none for DuckDB, whose syntax is PostgreSQL's). */
const GRAMMARS = { duckdb: 'postgresql', postgres: 'postgresql', redshift: 'redshift', bigquery: 'bigquery', snowflake: 'snowflake' } as const;

/** One statement per planned table (7 for the fixture's plan), then the names in tracks and pages. */
const STATEMENTS = 9;

function compile(dialect: string, plan = PLAN, extra: string[] = []): string {
  const r = cdp(['compile', plan, '--target', 'sql', '--dialect', dialect, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function parse(sql: string, dialect: keyof typeof GRAMMARS): unknown[] {
  const ast = new Parser().astify(sql, { database: GRAMMARS[dialect] });
  return Array.isArray(ast) ? ast : [ast];
}

let dir: string;
const { pgIt } = withPostgres(async (cluster) => {
  await loadIntoPostgres(cluster.url, ['events.ndjson'], FIXTURE, 'main');
  cluster.psql(plannedColumns('main', (name) => `"${name}"`).join(';\n'));
});

/**
 * Printed queries take every planned column to exist, as in a warehouse where each planned
 * property has arrived at least once; the fixture never sent some (page keywords, referrer, ...).
 */
function plannedColumns(schema: string, quote: (name: string) => string): string[] {
  const tables = mapPlan(loadPlan(PLAN, ROOT)).filter((t) => !t.derived && t.table !== 'checkout_started');
  return tables.flatMap((t) => t.columns.map((c) => `ALTER TABLE ${quote(schema)}.${quote(t.table)} ADD COLUMN IF NOT EXISTS ${quote(c.column)} VARCHAR`));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdp-compile-sql-'));
});

describe('cdp compile --target sql', () => {
  it('prints the check queries of every dialect, each parsed by a SQL parser for that dialect', () => {
    for (const dialect of Object.keys(GRAMMARS) as Array<keyof typeof GRAMMARS>) {
      const sql = compile(dialect, PLAN, ['--schema', 'main']);
      const statements = parse(sql, dialect);
      expect(statements, dialect).toHaveLength(STATEMENTS);
      expect(statements.every((s) => (s as { type: string }).type === 'select'), dialect).toBe(true);
      // Snowflake stores the unquoted names Segment's loader creates in upper case.
      const table = { bigquery: '`main`.`order_completed`', snowflake: '"MAIN"."ORDER_COMPLETED"' }[dialect as string] ?? '"main"."order_completed"';
      expect(sql, dialect).toContain(table);
    }
  });

  it('keeps hostile names in comments and quoted identifiers, and hostile values in literals', () => {
    const plan = join(dir, 'hostile.yaml');
    writeFileSync(
      plan,
      [
        'plan: hostile',
        'pages:',
        `  "Home\\n; DROP TABLE users; --": { properties: { "q'uote": { enum: ["it's", "back\\\\slash\\n'); DROP TABLE users; --"] } } }`,
      ].join('\n'),
    );
    for (const dialect of Object.keys(GRAMMARS) as Array<keyof typeof GRAMMARS>) {
      const sql = compile(dialect, plan);
      // The pages table, then the names in tracks and pages: nothing in a name or a value made a statement of its own.
      expect(parse(sql, dialect), dialect).toHaveLength(3);
      // The page name's line break is written as an escape in the comment, so the comment cannot end early.
      expect(sql, dialect).toContain('page "Home\\u000a; DROP TABLE users; --"');
    }
  });

  it('runs the hostile SQL on DuckDB: the values are compared, nothing is dropped', async () => {
    const plan = join(dir, 'hostile.yaml');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TABLE users (id VARCHAR);
        CREATE TABLE tracks (id VARCHAR, received_at TIMESTAMPTZ, event VARCHAR, event_text VARCHAR);
        CREATE TABLE pages (id VARCHAR, received_at TIMESTAMPTZ, name VARCHAR, q_uote VARCHAR, keywords VARCHAR);
        INSERT INTO pages VALUES ('p1', now(), 'Home' || chr(10) || '; DROP TABLE users; --', 'nope', NULL), ('p2', now(), 'Home' || chr(10) || '; DROP TABLE users; --', 'it''s', NULL)`);
      const results = [];
      for (const statement of statements(compile('duckdb', plan))) results.push((await connection.runAndReadAll(statement.sql)).getRowObjectsJS());
      expect(results).toEqual([
        [{ rows: 2n, c0: 2n, c1: 1n, s1: '["p1"]', c2: 0n, s2: null }],
        [],
        [{ name: 'Home\n; DROP TABLE users; --', event_table: null, rows: 2n, samples: '["p1","p2"]' }],
      ]);
      expect((await connection.runAndReadAll('SELECT count(*) AS n FROM users')).getRowObjectsJS()).toEqual([{ n: 0n }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('refuses an unknown target or dialect, and a dialect without --target sql', () => {
    expect(cdp(['compile', PLAN, '--target', 'avro']).stderr).toContain('Unknown --target "avro"; use one of json-schema, sql, dbt');
    const unknown = cdp(['compile', PLAN, '--target', 'sql', '--dialect', 'oracle']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown --dialect "oracle"; use one of duckdb, postgres, redshift, bigquery, snowflake');
    expect(cdp(['compile', PLAN, '--target', 'sql']).stderr).toContain('--target sql needs --dialect');
    expect(cdp(['compile', PLAN, '--dialect', 'duckdb']).stderr).toContain('--dialect and --schema apply to --target sql and dbt only');
  });

  it('runs on DuckDB and counts what lint --warehouse finds', async () => {
    const file = join(dir, 'fixture.duckdb');
    await duckdbFile(file, { load: [join(FIXTURE, 'events.ndjson')], sql: plannedColumns('main', (name) => `"${name}"`) });
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      const rows: Record<string, unknown> = {};
      for (const { table, sql } of statements(compile('duckdb'))) if (table !== 'main.checkout_started') rows[table] ??= (await connection.runAndReadAll(sql)).getRowObjectsJS()[0];
      expect(rows['main.order_completed']).toEqual(ORDER_COMPLETED);
      expect(rows['main.identifies']).toMatchObject({ rows: 3n, c1: 1n, s1: '["m-11"]', c2: 1n, s2: '["m-12"]' });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  pgIt('runs on PostgreSQL and counts the same', async (cluster) => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const rows: Record<string, unknown> = {};
      for (const { table, sql } of statements(compile('postgres', PLAN, ['--schema', 'main']))) if (table !== 'main.checkout_started') rows[table] ??= (await client.query(sql)).rows[0];
      const asNumbers = Object.fromEntries(Object.entries(ORDER_COMPLETED).map(([k, v]) => [k, typeof v === 'bigint' ? String(v) : v]));
      expect(rows['main.order_completed']).toEqual(asNumbers);
    } finally {
      await client.end();
    }
  });
});

/** The printed statements, each with the table its first comment names; blank lines separate them (names and values hold no two line breaks in a row). */
function statements(sql: string): Array<{ table: string; sql: string }> {
  return sql
    .split('\n\n')
    .filter((s) => s.trim() !== '')
    .map((s) => ({ table: /^-- ([^:]+):/.exec(s)![1]!, sql: s }));
}

/** The order_completed query's counts on the fixture: the same as lint --warehouse reports, bar the column-level ones it cannot know. */
const ORDER_COMPLETED = {
  rows: 6n,
  c0: 6n,
  c1: 1n,
  s1: '["m-03"]',
  c2: 1n,
  s2: '["m-04"]',
  c3: 0n,
  s3: null,
  c4: 1n,
  s4: '["m-03"]',
  c5: 0n,
  s5: null,
};
