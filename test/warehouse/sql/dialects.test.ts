import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../src/warehouse/sql/index.js';
import { translatePattern } from '../../../src/warehouse/sql/patterns.js';
import { FORMAT_PATTERNS } from '../../../src/warehouse/sql/formats.js';
import { withPostgres } from '../../support/postgres.js';

/** Names and strings that break naive quoting: quotes of every kind, backslashes, newlines, SQL. */
const NASTY = ['x"; DROP TABLE users; --', "o'clock", 'back`tick', 'line\nbreak', 'tab\there', 'back\\slash', "\\'; DROP TABLE users; --", 'émoji 😀', ''];

let duck: DuckDBConnection;
let client: pg.Client | undefined;

beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});

const { pgIt } = withPostgres(async (cluster) => {
  client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

async function duckValue(sql: string): Promise<unknown> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJS()[0]!.v;
}

async function pgValue(sql: string): Promise<unknown> {
  return (await client!.query(sql)).rows[0]!.v;
}

describe('identifiers', () => {
  it('quote every name so that it is one identifier, the same in every dialect', () => {
    expect(DIALECTS.duckdb.identifier('x"; DROP TABLE users; --')).toBe('"x""; DROP TABLE users; --"');
    expect(DIALECTS.postgres.identifier('a"b')).toBe('"a""b"');
    expect(DIALECTS.snowflake.identifier('a"b')).toBe('"a""b"');
    // What Segment's loader creates unquoted, Snowflake stores in upper case; other names keep their case.
    expect(DIALECTS.snowflake.identifier('order_id')).toBe('"ORDER_ID"');
    expect(DIALECTS.snowflake.identifier('Order Id')).toBe('"Order Id"');
    expect(DIALECTS.redshift.identifier('a"b')).toBe('"a""b"');
    expect(DIALECTS.bigquery.identifier('back`tick\nline\\')).toBe('`back\\`tick\\nline\\\\`');
  });

  it('refuse NUL, which no dialect can carry', () => {
    for (const dialect of Object.values(DIALECTS)) expect(() => dialect.identifier('a\u0000b')).toThrow(/NUL/);
  });

  it('name the column they quote in DuckDB', async () => {
    for (const name of NASTY.filter((n) => n !== '')) {
      const q = DIALECTS.duckdb.identifier(name);
      await duck.run(`CREATE OR REPLACE TABLE t (${q} VARCHAR)`);
      await duck.run(`INSERT INTO t VALUES ('ok')`);
      const columns = (await duck.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = 't'`)).getRowObjectsJS();
      expect(columns.map((c) => c.column_name)).toEqual([name]);
      expect((await duck.runAndReadAll(`SELECT ${q} AS v FROM t`)).getRowObjectsJS()).toEqual([{ v: 'ok' }]);
    }
  });

  pgIt('name the column they quote in PostgreSQL', async () => {
    for (const name of NASTY.filter((n) => n !== '')) {
      const q = DIALECTS.postgres.identifier(name);
      await client!.query(`DROP TABLE IF EXISTS t; CREATE TABLE t (${q} text); INSERT INTO t VALUES ('ok')`);
      const { rows } = await client!.query(`SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0`);
      expect(rows.map((r) => r.attname)).toEqual([name]);
      expect((await client!.query(`SELECT ${q} AS v FROM t`)).rows).toEqual([{ v: 'ok' }]);
    }
  });
});

describe('literals', () => {
  it('write numbers, booleans and NULL plainly, and refuse what SQL has no literal for', () => {
    for (const dialect of Object.values(DIALECTS)) {
      expect([dialect.literal(1.5), dialect.literal(-3), dialect.literal(true), dialect.literal(null)]).toEqual(['1.5', '-3', 'TRUE', 'NULL']);
      expect(() => dialect.literal(Number.NaN)).toThrow();
      expect(() => dialect.literal('a\u0000')).toThrow(/NUL/);
    }
  });

  it('escape backslashes where the dialect reads them as escapes', () => {
    expect(DIALECTS.duckdb.literal("it's \\n")).toBe("'it''s \\n'");
    expect(DIALECTS.postgres.literal("it's")).toBe("'it''s'");
    expect(DIALECTS.postgres.literal('a\\b')).toBe("E'a\\\\b'");
    expect(DIALECTS.redshift.literal("a\\b'c")).toBe("'a\\\\b''c'");
    expect(DIALECTS.snowflake.literal("a\\b'c")).toBe("'a\\\\b\\'c'");
    expect(DIALECTS.bigquery.literal("a\\b'c\nd")).toBe("'a\\\\b\\'c\\nd'");
  });

  it('come back as the same string from DuckDB', async () => {
    for (const text of NASTY) expect(await duckValue(`SELECT ${DIALECTS.duckdb.literal(text)} AS v`)).toBe(text);
  });

  pgIt('come back as the same string from PostgreSQL, whatever standard_conforming_strings says', async () => {
    for (const setting of ['on', 'off']) {
      await client!.query(`SET standard_conforming_strings = ${setting}`);
      for (const text of NASTY) expect(await pgValue(`SELECT ${DIALECTS.postgres.literal(text)} AS v`)).toBe(text);
    }
    await client!.query('SET standard_conforming_strings = on');
  });
});

/** Patterns and strings they must (or must not) match, compared with JavaScript's verdict (the `u` flag, as ajv runs them). */
const PATTERNS: Array<[string, string[]]> = [
  ['^[A-Z]{3}$', ['EUR', 'eur', 'EURO', '']],
  ['^\\d+(\\.\\d{1,2})?$', ['12', '12.50', '12.505', '1e3', '٣']],
  ['\\bfoo\\b', ['a foo b', 'afoob', 'foo']],
  ['^[^@\\s]+@[^@\\s]+$', ['a@b', 'a b@c', 'a@b@c']],
  ['^(?:https?|ftp)://', ['http://x', 'HTTP://x', 'ftp://y', 'gopher://z']],
  ['^.+$', ['abc', 'a\nb', '\u2028', 'é']],
  ['[\\u00e9\\u{1F600}]', ['café', '😀', 'cafe']],
  ['^a.*?b$', ['ab', 'axxb', 'abx']],
  ["^[a-z'\"\\\\`-]+$", ["o'clock", 'back\\slash', 'a"b', 'ok-ok', 'UP']],
  ['^\\p{Lu}', ['École', 'école']],
];

describe('patterns', () => {
  it('keep RE2 syntax for DuckDB and BigQuery, and rewrite escapes for PostgreSQL and POSIX', () => {
    expect(translatePattern('^\\d+\\b', 're2')).toEqual({ source: '^[0-9]+\\b' });
    expect(translatePattern('^\\d+\\b', 'postgres')).toEqual({ source: '^[0-9]+\\y' });
    expect(translatePattern('^a.b', 'postgres')).toEqual({ source: '^a[^\\u000a\\u000d\\u2028-\\u2029]b' });
    expect(translatePattern('(?:ab)+?\\.', 'posix')).toEqual({ source: '(ab)+\\.' });
    expect(translatePattern('^\\p{Lu}', 'postgres')).toEqual({ problem: expect.stringContaining('\\p{Lu}') });
    expect(translatePattern('[\\]]', 'posix')).toEqual({ problem: expect.stringContaining('"]" inside a character class') });
    expect(translatePattern('(a)\\1', 're2')).toEqual({ problem: expect.stringContaining('backreference') });
  });

  it('match in DuckDB what they match in JavaScript', async () => {
    for (const [pattern, inputs] of PATTERNS) {
      const translated = translatePattern(pattern, 're2');
      if ('problem' in translated) throw new Error(translated.problem);
      for (const input of inputs) {
        const sql = `SELECT ${DIALECTS.duckdb.matches(DIALECTS.duckdb.literal(input), DIALECTS.duckdb.literal(translated.source))} AS v`;
        expect(await duckValue(sql), `/${pattern}/ on ${JSON.stringify(input)}`).toBe(new RegExp(pattern, 'u').test(input));
      }
    }
  });

  pgIt('match in PostgreSQL what they match in JavaScript, or say why they cannot be written there', async () => {
    let checked = 0;
    for (const [pattern, inputs] of PATTERNS) {
      const translated = translatePattern(pattern, 'postgres');
      if ('problem' in translated) {
        expect(pattern).toBe('^\\p{Lu}');
        continue;
      }
      for (const input of inputs) {
        const v = await pgValue(`SELECT ${DIALECTS.postgres.matches(DIALECTS.postgres.literal(input), DIALECTS.postgres.literal(translated.source))} AS v`);
        expect(v, `/${pattern}/ on ${JSON.stringify(input)}`).toBe(new RegExp(pattern, 'u').test(input));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

/** Values ajv-formats (full mode) accepts: the approximations must accept every one. */
const VALID_FORMATS: Record<string, string[]> = {
  email: ['a@b.co', "o'neil+tag@example.com", 'UPPER@EXAMPLE.COM'],
  'date-time': ['2024-02-29T10:00:00Z', '2024-01-15 10:30:00.123+02:00', '2024-01-15t10:30:00z', '2016-12-31T23:59:60Z', '2024-01-15T10:30:00+0200'],
  date: ['2024-02-29', '2023-12-31'],
  uri: ['https://example.com/a?b=c#d', 'mailto:a@b.c', 'urn:isbn:123'],
  uuid: ['123e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123E4567-E89B-12D3-A456-426614174000'],
};
const INVALID_FORMATS: Record<string, string[]> = {
  email: ['no-at', 'a@', '@b.co', 'a b@c.d'],
  'date-time': ['2024-01-15', '2024-01-15T10:30:00', '2024-13-01T00:00:00Z', 'yesterday'],
  date: ['2024-1-5', '2024-00-10', '24-01-01'],
  uri: ['example.com', '/relative/path', 'http://a b', 'http://exämple.com'],
  uuid: ['123e4567e89b12d3a456426614174000', 'not-a-uuid'],
};

describe('formats', async () => {
  const { createAjv } = await import('../../../src/validate/ajv.js');
  const ajv = createAjv();

  it('accept in DuckDB every value ajv accepts, and reject the invalid ones listed', async () => {
    for (const [format, pattern] of Object.entries(FORMAT_PATTERNS)) {
      const validate = ajv.compile({ type: 'string', format });
      for (const value of VALID_FORMATS[format]!) {
        expect(validate(value), `ajv accepts ${value} as ${format}`).toBe(true);
        expect(await duckValue(`SELECT regexp_matches(${DIALECTS.duckdb.literal(value)}, ${DIALECTS.duckdb.literal(pattern)}) AS v`), `${format}: ${value}`).toBe(true);
      }
      for (const value of INVALID_FORMATS[format]!) {
        expect(validate(value), `ajv rejects ${value} as ${format}`).toBe(false);
        expect(await duckValue(`SELECT regexp_matches(${DIALECTS.duckdb.literal(value)}, ${DIALECTS.duckdb.literal(pattern)}) AS v`), `${format}: ${value}`).toBe(false);
      }
    }
  });

  pgIt('read the same in PostgreSQL', async () => {
    for (const [format, pattern] of Object.entries(FORMAT_PATTERNS)) {
      for (const [values, expected] of [[VALID_FORMATS[format]!, true], [INVALID_FORMATS[format]!, false]] as const) {
        for (const value of values) expect(await pgValue(`SELECT ${DIALECTS.postgres.literal(value)} ~ ${DIALECTS.postgres.literal(pattern)} AS v`), `${format}: ${value}`).toBe(expected);
      }
    }
  });
});
