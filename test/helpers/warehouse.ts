import { join } from 'node:path';
import { DuckDBEngine } from '../../src/warehouse/engines/duckdb.js';
import { loadFiles, type LoadSummary } from '../../src/warehouse/load.js';
import { FIXTURES } from './plan.js';

export const WAREHOUSE_FIXTURES = join(FIXTURES, 'warehouse');

/** A DuckDB file in `dir` filled by the loader from NDJSON files (default: the warehouse fixture), as a connector would have. */
export async function duckdbFileFrom(dir: string, inputs: string[] = [join(WAREHOUSE_FIXTURES, 'events.ndjson')], options: { schema?: string; name?: string } = {}): Promise<{ path: string; summary: LoadSummary }> {
  const path = join(dir, options.name ?? 'segment.duckdb');
  const engine = await DuckDBEngine.create(path);
  try {
    const { summary, problems } = await loadFiles(engine, inputs, dir, options.schema === undefined ? {} : { schema: options.schema });
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
    return { path, summary };
  } finally {
    await engine.close();
  }
}
