import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../../../src/warehouse/connect.js';
import type { DuckDBEngine } from '../../../src/warehouse/engines/duckdb.js';
import { mapPlan } from '../../../src/warehouse/layout.js';
import { DIALECTS } from '../../../src/warehouse/sql/index.js';
import { buildTableQuery, type TableCheck } from '../../../src/warehouse/checks/table-query.js';
import { countOf, parseSamples } from '../../../src/warehouse/checks/findings.js';
import { planFrom } from '../../helpers/plan.js';

/** Text values as a text column holds them: what the connector wrote, whatever JSON type was sent. */
const TEXTS = ['12', '12.5', '-0', '1e3', 'abc', 'true', 'FALSE', '[1,2]', '["a"]', '1e400', ' 12', '012', ''];

let engine: DuckDBEngine;

beforeAll(async () => {
  engine = await openDuckDB('duckdb:');
  await engine.execute('CREATE TABLE t (id VARCHAR, received_at TIMESTAMPTZ, event VARCHAR, event_text VARCHAR, v VARCHAR, n DOUBLE, b BOOLEAN)');
  for (const [i, text] of TEXTS.entries()) await engine.execute(`INSERT INTO t VALUES ($1, now(), 't', 'T', $2, NULL, NULL)`, [`r${String(i).padStart(2, '0')}`, text]);
});

afterAll(async () => {
  await engine.close();
});

/** The values of `v` (of the rows, for another column) that fail each check of the property's schema, by keyword (up to five). */
async function failing(schema: string, column = 'v'): Promise<Record<string, string[]>> {
  const plan = planFrom(`events:\n  T:\n    properties:\n      ${column}: ${schema}\n`);
  const [table] = (await engine.describe('main')).filter((x) => x.name === 't');
  const query = buildTableQuery({ dialect: DIALECTS.duckdb, schema: 'main', table: table!, entries: mapPlan(plan, { tables: { T: 't' } }), values: 'params' });
  const [row] = await engine.query(query.sql, query.params);
  const out: Record<string, string[]> = {};
  query.checks.forEach((check: TableCheck, i) => {
    if ((check.kind !== 'value' && check.kind !== 'column-type') || countOf(row![`c${i}`]) === 0) return;
    const ids = parseSamples(row![`s${i}`]);
    expect(ids.length).toBe(Math.min(5, countOf(row![`c${i}`])));
    out[check.kind === 'value' ? check.keyword : 'column-type'] = ids.map((id) => TEXTS[Number(id.slice(1))]!);
  });
  return out;
}

describe('checks on a text column: a value fails only when no reading of it has the plan\'s type and passes', () => {
  it('number: JSON numbers as text pass, anything else fails the type', async () => {
    expect(await failing('number')).toEqual({ type: ['abc', 'true', 'FALSE', '[1,2]', '["a"]'] });
  });

  it('the other keywords count only values of the right type', async () => {
    expect(await failing('{ type: number, minimum: 0, maximum: 100 }')).toEqual({ type: ['abc', 'true', 'FALSE', '[1,2]', '["a"]'], maximum: ['1e3', '1e400'] });
  });

  it('integer: whole numbers, written any way JSON allows', async () => {
    expect((await failing('integer')).type).toEqual(['12.5', 'abc', 'true', 'FALSE', '[1,2]']);
  });

  it('boolean and array', async () => {
    expect((await failing('boolean')).type).toEqual(['12', '12.5', '-0', '1e3', 'abc']);
    expect((await failing('array')).type).toEqual(['12', '12.5', '-0', '1e3', 'abc']);
  });

  it('a union passes what any member allows, and string keywords apply to the string reading', async () => {
    // "12" might be the number 12, to which minLength does not apply.
    expect(await failing('{ type: [string, number], minLength: 3 }')).toEqual({ minLength: [''] });
    expect(await failing('{ type: string, enum: ["12", abc] }')).toEqual({ enum: ['12.5', '-0', '1e3', 'true', 'FALSE'] });
  });
});

describe('checks on typed columns', () => {
  it('a column whose type cannot hold the plan\'s is a finding by itself, without one per row', async () => {
    await engine.execute("UPDATE t SET n = 1.5, b = TRUE WHERE id IN ('r00', 'r01')");
    expect(await failing('string', 'b')).toEqual({ 'column-type': ['12', '12.5'] });
    // A double column holds integers; 1.5 is not one.
    expect(await failing('{ type: integer, minimum: 0 }', 'n')).toEqual({ type: ['12', '12.5'] });
  });
});
