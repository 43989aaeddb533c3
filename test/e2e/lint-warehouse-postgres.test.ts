import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { cdp } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/plan.js';
import { withPostgres } from '../support/postgres.js';
import { compact, FIXTURE_FINDINGS, loadIntoPostgres, SINCE_FINDINGS, type Finding } from '../support/warehouse.js';

const FIXTURE = join(FIXTURES, 'warehouse');
const PLAN = join(FIXTURE, 'shop.yaml');

// Schema `main`, as DuckDB's, so that the findings name the same tables.
const { pgIt } = withPostgres((pg) => loadIntoPostgres(pg.url, ['events.ndjson'], FIXTURE, 'main'));

function lintJson(args: string[]) {
  const r = cdp(['lint', '--plan', PLAN, '--format', 'json', ...args]);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as { summary: { stats: Record<string, number> }; diagnostics: Finding[] }) : undefined };
}

describe('cdp lint --warehouse on a real PostgreSQL', () => {
  pgIt('finds in the fixture loaded into PostgreSQL exactly what it finds in DuckDB', (pg) => {
    const { code, report, stderr } = lintJson(['--warehouse', pg.url, '--schema', 'main']);
    expect(stderr).not.toContain('cannot');
    expect(code).toBe(1);
    expect(report!.diagnostics.map(compact)).toEqual(FIXTURE_FINDINGS);
    expect(report!.summary.stats).toEqual({ tables: 6, rows: 15, unseen: 1 });
    const duck = cdp(['lint', '--plan', PLAN, '--format', 'json', '--warehouse', 'duckdb:', '--load', join(FIXTURE, 'events.ndjson')]);
    expect(report!.diagnostics).toEqual((JSON.parse(duck.stdout) as { diagnostics: Finding[] }).diagnostics);
  });

  pgIt('restricts to --since as DuckDB does', (pg) => {
    const { report } = lintJson(['--warehouse', pg.url, '--schema', 'main', '--since', '2026-11-04']);
    expect(report!.summary.stats).toEqual({ tables: 6, rows: 6, unseen: 2 });
    expect(report!.diagnostics.map(compact)).toEqual(SINCE_FINDINGS);
  });

  pgIt('says which schema does not exist, and exits 2 (public is empty but exists)', (pg) => {
    const missing = cdp(['lint', '--plan', PLAN, '--warehouse', pg.url, '--schema', 'segment']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Schema "segment" does not exist in postgres://cdp@/postgres?host=');
    const empty = lintJson(['--warehouse', pg.url]);
    expect(empty.code).toBe(0);
    expect(empty.report!.summary.stats).toEqual({ tables: 0, rows: 0, unseen: 5 });
  });
});
