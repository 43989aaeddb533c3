import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { loadFiles } from '../../src/warehouse/load.js';
import type { LoadTarget } from '../../src/warehouse/load-target.js';

/** A DuckDB file filled by the loader from NDJSON files (relative to `cwd`) and/or by SQL, then closed so cdp can open it read-only. */
export async function duckdbFile(path: string, options: { load?: string[]; cwd?: string; sql?: string[]; schema?: string }): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const target: LoadTarget = { dialect: 'duckdb', execute: async (sql, params = []) => void (await connection.run(sql, params as never)) };
    if (options.load) {
      const { problems } = await loadFiles(target, options.load, options.cwd ?? process.cwd(), options.schema === undefined ? {} : { schema: options.schema });
      if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
    }
    for (const statement of options.sql ?? []) await connection.run(statement);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Loads NDJSON files into a schema of a test's PostgreSQL with the same loader `--load` uses. */
export async function loadIntoPostgres(url: string, files: string[], cwd: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const target: LoadTarget = { dialect: 'postgres', execute: async (sql, params = []) => void (await client.query(sql, [...params])) };
    const { problems } = await loadFiles(target, files, cwd, { schema });
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  } finally {
    await client.end();
  }
}

export interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  event?: string;
  path?: string;
  fatal?: boolean;
  warehouse?: { table: string; column?: string; count: number; rows: number; samples: string[] };
}

/** One line per diagnostic: rule, severity, event, path, table, column, count of rows, samples. */
export function compact(d: Finding): string {
  const w = d.warehouse;
  return [d.ruleId, d.severity, d.event ?? '-', d.path ?? '-', w?.table ?? '-', w?.column ?? '-', w ? `${w.count}/${w.rows}` : '-', w ? w.samples.join(',') : '-'].join(' | ');
}

/** What the fixture holds that the plan does not allow, as `cdp lint --warehouse` finds it in DuckDB and PostgreSQL alike. */
export const FIXTURE_FINDINGS = [
  'plan/invalid-value | error | - | /traits/email | main.identifies | email | 1/3 | m-12',
  'plan/invalid-value | error | - | /traits/plan | main.identifies | plan | 1/3 | m-11',
  'plan/missing-required | error | - | /traits/email | main.identifies | email | 1/3 | m-11',
  'plan/invalid-value | error | Order Completed | /properties/currency | main.order_completed | currency | 1/6 | m-03',
  'plan/invalid-value | error | Order Completed | /properties/revenue | main.order_completed | revenue | 1/6 | m-04',
  'plan/missing-required | error | Order Completed | /properties/order_id | main.order_completed | order_id | 1/6 | m-03',
  'plan/unplanned-property | warn | Order Completed | - | main.order_completed | _user_id | 1/6 | m-20',
  'plan/unplanned-property | warn | Order Completed | - | main.order_completed | gift_wrap | 1/6 | m-02',
  'plan/unplanned-event | error | Pricing | /name | main.pages | name | 1/2 | m-14',
  'plan/deprecated-event | warn | Product Viewed | - | main.product_viewed | - | 2/2 | m-06,m-07',
  'naming/event-case | error |  Order Completed  | /event | main.tracks | event_text | 1/12 | m-03',
  'naming/event-case | error | 1 Click Buy | /event | main.tracks | event_text | 1/12 | m-09',
  'naming/event-case | error | order completed | /event | main.tracks | event_text | 1/12 | m-02',
  'plan/unplanned-event | error |  Order Completed  | /event | main.tracks | event_text | 1/12 | m-03',
  'plan/unplanned-event | error | 1 Click Buy | /event | main.tracks | event_text | 1/12 | m-09',
  'plan/unplanned-event | error | Wishlist Shared | /event | main.tracks | event_text | 1/12 | m-08',
  'plan/unplanned-event | error | order completed | /event | main.tracks | event_text | 1/12 | m-02',
];

/** The fixture's findings with --since 2026-11-04. */
export const SINCE_FINDINGS = [
  'plan/invalid-value | error | - | /traits/email | main.identifies | email | 1/1 | m-12',
  'plan/invalid-value | error | Order Completed | /properties/revenue | main.order_completed | revenue | 1/3 | m-04',
  'plan/unplanned-property | warn | Order Completed | - | main.order_completed | _user_id | 1/3 | m-20',
  'plan/deprecated-event | warn | Product Viewed | - | main.product_viewed | - | 1/1 | m-07',
];
