import type { Dialect } from '../engine.js';
import { bigquery } from './bigquery.js';
import type { SqlDialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { redshift } from './redshift.js';
import { snowflake } from './snowflake.js';

export const DIALECTS: Readonly<Record<Dialect, SqlDialect>> = { duckdb, postgres, redshift, bigquery, snowflake };

export const DIALECT_NAMES = Object.keys(DIALECTS) as Dialect[];
