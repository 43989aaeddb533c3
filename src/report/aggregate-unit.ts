import { forEachMessage } from '../ingest/messages.js';
import type { WorkUnit } from '../ingest/types.js';
import type { CoverageAggregator } from './aggregate.js';

/** Parses every event of a unit into the aggregator; a Segment batch on one line counts each of its events. */
export function aggregateUnit(unit: WorkUnit, aggregator: CoverageAggregator): void {
  forEachMessage(unit, { message: (value, at) => aggregator.add(value, at), malformed: (at) => aggregator.addMalformed(at) });
}
