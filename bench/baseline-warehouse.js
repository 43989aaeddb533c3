// The floor `cdp lint --warehouse` is measured against: one hand-written aggregate query over the
// bench's order_completed table (bench/generate-warehouse.js) computing the counts the plan's checks
// report (the same conditions: the email pattern and the JSON-array test as cdp writes them), in one
// scan, on the same embedded DuckDB, opened read-only. Counts only: no sample ids.
//
//   node bench/baseline-warehouse.js <file.duckdb>
//
// Prints one JSON line: { rows, ms, counts }. `ms` is the query only (start-up excluded; the bench
// measures wall time around the whole process as well).
import { DuckDBInstance } from '@duckdb/node-api';

const EMAIL = "'^[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$'";
const SQL = `SELECT
  count(*) AS rows,
  count(*) FILTER (WHERE order_id IS NULL) AS order_id_missing,
  count(*) FILTER (WHERE revenue IS NOT NULL AND NOT regexp_full_match(revenue, '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?')) AS revenue_not_number,
  count(*) FILTER (WHERE TRY_CAST(revenue AS DOUBLE) < 0) AS revenue_below_minimum,
  count(*) FILTER (WHERE currency IS NULL) AS currency_missing,
  count(*) FILTER (WHERE currency NOT IN ('USD', 'EUR', 'GBP')) AS currency_not_in_enum,
  count(*) FILTER (WHERE email IS NOT NULL AND NOT regexp_matches(email, ${EMAIL})) AS email_not_email,
  count(*) FILTER (WHERE quantity < 1) AS quantity_below_minimum,
  count(*) FILTER (WHERE quantity > 100) AS quantity_above_maximum,
  count(*) FILTER (WHERE products IS NOT NULL AND NOT coalesce(json_valid(products) AND json_type(products) = 'ARRAY', FALSE)) AS products_not_array,
  count(*) FILTER (WHERE shipping_address_country IS NOT NULL AND NOT regexp_matches(shipping_address_country, '^[A-Z]{2}$')) AS country_pattern,
  count(gift_wrap) AS gift_wrap_unplanned
FROM order_completed`;

const file = process.argv[2];
const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const started = performance.now();
const reader = await connection.runAndReadAll(SQL);
const ms = performance.now() - started;
const counts = Object.fromEntries(Object.entries(reader.getRowObjectsJS()[0]).map(([k, v]) => [k, Number(v)]));
console.log(JSON.stringify({ rows: counts.rows, ms, counts }));
connection.closeSync();
instance.closeSync();
