import { CoverageAggregator, type AggregateFilter } from '../../src/report/aggregate.js';
import { aggregateUnit } from '../../src/report/aggregate-unit.js';

/** Aggregates NDJSON text as `cdp schema-report` reads it (one unit of lines). */
export function aggregate(ndjson: string, filter: AggregateFilter = {}): CoverageAggregator {
  const aggregator = new CoverageAggregator(filter);
  aggregateUnit({ kind: 'lines', file: 'log.ndjson', firstLine: 1, data: Buffer.from(ndjson) }, aggregator);
  return aggregator;
}

export function lines(...events: unknown[]): string {
  return events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n');
}
