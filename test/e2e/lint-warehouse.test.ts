import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/plan.js';
import { compact, duckdbFile, FIXTURE_FINDINGS, SINCE_FINDINGS, type Finding } from '../support/warehouse.js';

const FIXTURE = join(FIXTURES, 'warehouse');
const PLAN = join(FIXTURE, 'shop.yaml');
const EVENTS = join(FIXTURE, 'events.ndjson');

let dir: string;
let fixtureDb: string;

function lintJson(args: string[], cwd?: string) {
  const r = cdp(['lint', '--format', 'json', ...args], cwd ? { cwd } : {});
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as { summary: { stats: Record<string, number>; errorCount: number; warningCount: number }; diagnostics: Finding[]; coverage: unknown[] }) : undefined };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cdp-lint-warehouse-'));
  fixtureDb = join(dir, 'fixture.duckdb');
  await duckdbFile(fixtureDb, { load: [EVENTS] });
}, 60_000);

describe('cdp lint --warehouse on DuckDB', () => {
  it('loads the fixture into duckdb: with --load and reports every finding with its table, column, rows and sample ids', () => {
    const { code, report, stderr } = lintJson(['--plan', PLAN, '--warehouse', 'duckdb:', '--load', EVENTS]);
    expect(code).toBe(1);
    expect(report!.diagnostics.map(compact)).toEqual(FIXTURE_FINDINGS);
    expect(report!.summary.stats).toEqual({ tables: 6, rows: 15, unseen: 1 });
    expect(report!.coverage).toContainEqual({ type: 'track', event: 'Checkout Started', implemented: false, locations: [] });
    expect(stderr).toContain('cdp: loaded 20 of 22 messages into 12 tables (1 not JSON, 1 not a Segment message');
    expect(stderr).toContain('note: planned but not seen (no rows): event "Checkout Started"');
    const revenue = report!.diagnostics.find((d) => d.path === '/properties/revenue')!;
    expect(revenue.message).toBe('Property "revenue" of event "Order Completed" must be number (column "revenue"), in 1 of 6 rows');
    const spelling = report!.diagnostics.find((d) => d.ruleId === 'naming/event-case' && d.event === 'order completed')!;
    expect(spelling.message).toBe(
      'Event name "order completed" is not in Title Case, in 1 of 12 rows of tracks; table "order_completed" also holds "Order Completed" (4 rows), " Order Completed " (1 row)',
    );
  });

  it('reads a DuckDB file read-only and finds the same', () => {
    const { code, report } = lintJson(['--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`]);
    expect(code).toBe(1);
    expect(report!.diagnostics.map(compact)).toEqual(FIXTURE_FINDINGS);
  });

  it('reports the same findings in every format, with the same exit code', () => {
    const args = ['lint', '--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`];
    const stylish = cdp(args);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('main.order_completed\n');
    expect(stylish.stdout).toContain('✖ 17 problems (14 errors, 3 warnings)');
    expect(stylish.stdout).toContain('lint: 6 tables · 15 rows · 1 unseen');
    const sarif = cdp([...args, '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results).toHaveLength(17);
    const github = cdp([...args, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout.trim().split('\n')).toHaveLength(17);
    expect(github.stdout).toContain('::error file=main.identifies,title=plan/invalid-value::Trait "email" of identify call must be a valid email (column "email"), in 1 of 3 rows');
    const junit = cdp([...args, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout.match(/<failure /g)).toHaveLength(17);
  });

  it('follows the config and the plan policies: rules off, severities set, --quiet', () => {
    const config = join(dir, 'quiet.json');
    writeFileSync(config, JSON.stringify({ rules: { 'naming/event-case': 'off', 'plan/unplanned-property': 'error' } }));
    const { report } = lintJson(['--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--config', config]);
    expect(report!.diagnostics.filter((d) => d.ruleId === 'naming/event-case')).toEqual([]);
    expect(report!.diagnostics.filter((d) => d.ruleId === 'plan/unplanned-property').map((d) => d.severity)).toEqual(['error', 'error']);
    const quiet = cdp(['lint', '--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--quiet', '--rule', 'plan/missing-required=warn']);
    expect(quiet.stdout).not.toContain('missing required');
    expect(quiet.stdout).not.toContain('plan/unplanned-property');
    expect(quiet.stdout).toContain('✖ 12 problems (12 errors, 0 warnings)');
  });

  it('restricts to rows received at or after --since', () => {
    const { report } = lintJson(['--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--since', '2026-11-04']);
    expect(report!.summary.stats).toEqual({ tables: 6, rows: 6, unseen: 2 });
    expect(report!.diagnostics.map(compact)).toEqual(SINCE_FINDINGS);
    const bad = cdp(['lint', '--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--since', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since expects a period (7d, 24h), a date (2026-11-01)');
  });
});

describe('cdp lint --warehouse: what cannot be checked is said, and the rest is still checked', () => {
  it('exits 2 with a clear message for a connection that fails or a schema that does not exist', () => {
    const missing = cdp(['lint', '--plan', PLAN, '--warehouse', `duckdb:${join(dir, 'nope.duckdb')}`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/DuckDB database .*nope\.duckdb does not exist/);
    const refused = cdp(['lint', '--plan', PLAN, '--warehouse', 'postgres://cdp:secret@127.0.0.1:1/shop']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Cannot connect to postgres://cdp:***@127.0.0.1:1/shop');
    expect(refused.stderr).not.toContain('secret');
    const schema = cdp(['lint', '--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--schema', 'segment']);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('Schema "segment" does not exist');
  });

  it('refuses usage that makes no sense: --load into a file or a server, files with --warehouse, warehouse flags without it', () => {
    const load = cdp(['lint', '--plan', PLAN, '--warehouse', `duckdb:${fixtureDb}`, '--load', EVENTS]);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain('--load fills an in-memory DuckDB: use it with --warehouse duckdb:');
    const secret = cdp(['lint', '--plan', PLAN, '--warehouse', 'postgres://cdp:secret@db/shop', '--load', EVENTS]);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('not postgres://cdp:***@db/shop');
    const files = cdp(['lint', '--plan', PLAN, '--warehouse', 'duckdb:', EVENTS]);
    expect(files.code).toBe(2);
    expect(files.stderr).toContain('--warehouse reads tables, not files');
    const since = cdp(['lint', '--plan', PLAN, EVENTS, '--since', '7d']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since applies to --warehouse only');
  });

  it('checks a table with no id column (no samples), a column of a type that cannot hold the plan\'s, and reports a table it cannot read while checking the others', async () => {
    const db = join(dir, 'odd.duckdb');
    await duckdbFile(db, {
      load: [EVENTS],
      sql: [
        'ALTER TABLE order_completed DROP COLUMN id',
        'ALTER TABLE coupon_applied DROP COLUMN _limit',
        'ALTER TABLE coupon_applied ADD COLUMN _limit BOOLEAN',
        'UPDATE coupon_applied SET _limit = TRUE',
        'ALTER TABLE pages DROP COLUMN name',
      ],
    });
    const { code, report, stderr } = lintJson(['--plan', PLAN, '--warehouse', `duckdb:${db}`]);
    expect(code).toBe(2);
    const lines = report!.diagnostics.map(compact);
    expect(lines).toContain('plan/invalid-value | error | Order Completed | /properties/revenue | main.order_completed | revenue | 1/6 | ');
    expect(lines).toContain('plan/invalid-value | error | Coupon Applied | /properties/limit | main.coupon_applied | _limit | 2/2 | m-05,m-19');
    expect(report!.diagnostics.find((d) => d.warehouse?.column === '_limit')!.message).toBe(
      'Column "_limit" is boolean, which cannot hold property "limit" of event "Coupon Applied" (integer); it has a value in 2 of 2 rows',
    );
    const unreadable = report!.diagnostics.filter((d) => d.fatal);
    expect(unreadable.map((d) => d.message)).toEqual(['Table main.pages cannot be checked: table "pages" has no "name" column to tell its pages apart; the other tables were checked']);
    expect(lines).toContain('plan/invalid-value | error | - | /traits/plan | main.identifies | plan | 1/3 | m-11');
    expect(stderr).toContain('note: table main.order_completed has no "id" column: its findings come without sample ids');
  });

  it('quotes every name from the plan and the config, and binds every value: nothing in them runs as SQL', async () => {
    const db = join(dir, 'hostile.duckdb');
    const table = 'x"; DROP TABLE users; --';
    const column = 'we`ird\n"col\'umn';
    await duckdbFile(db, {
      sql: [
        'CREATE TABLE users (id VARCHAR)',
        `CREATE TABLE "${table.replace(/"/g, '""')}" (id VARCHAR, received_at TIMESTAMPTZ, event VARCHAR, event_text VARCHAR, "${column.replace(/"/g, '""')}" VARCHAR, "it's" VARCHAR)`,
        `INSERT INTO "${table.replace(/"/g, '""')}" VALUES ('r1', now(), 'x', 'x"; DROP TABLE users; --', 'bad''); DROP TABLE users; --', 'fine'), ('r2', now(), 'x', 'x"; DROP TABLE users; --', 'it''s', NULL)`,
      ],
    });
    const plan = join(dir, 'hostile.yaml');
    writeFileSync(
      plan,
      [
        'plan: hostile',
        'events:',
        `  'x"; DROP TABLE users; --':`,
        '    properties:',
        '      "we`ird\\ncol": { enum: ["it\'s", ok], required: true }',
        "      \"it's\": { type: string, pattern: \"^f'\" }",
      ].join('\n'),
    );
    const config = join(dir, 'hostile.config.json');
    writeFileSync(config, JSON.stringify({ warehouse: { tables: { [table]: table }, columns: { [table]: { 'we`ird\ncol': column, "it's": "it's" } } } }));
    const { code, report, stderr } = lintJson(['--plan', plan, '--config', config, '--warehouse', `duckdb:${db}`]);
    expect(stderr).not.toMatch(/error|cannot/i);
    expect(code).toBe(1);
    expect(report!.diagnostics.map(compact)).toEqual([
      `plan/invalid-value | error | ${table} | /properties/it's | main.${table} | it's | 1/2 | r1`,
      `plan/invalid-value | error | ${table} | /properties/we\`ird\ncol | main.${table} | ${column} | 1/2 | r1`,
    ]);
    const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    expect((await connection.runAndReadAll('SELECT count(*) AS n FROM users')).getRowObjectsJS()).toEqual([{ n: 0n }]);
    connection.closeSync();
    instance.closeSync();
  });
});
