import { isBatch } from '../ingest/batch.js';
import { forEachLine } from '../ingest/lines.js';
import type { WorkUnit } from '../ingest/types.js';
import type { CoverageAggregator, Location } from './aggregate.js';

/** Parses every event of a unit into the aggregator; a Segment batch on one line counts each of its events. */
export function aggregateUnit(unit: WorkUnit, aggregator: CoverageAggregator): void {
  const { file } = unit;
  if (unit.kind === 'lines') {
    forEachLine(unit, (text, line) => addText(text, { file, line }, aggregator, true));
  } else {
    for (const item of unit.items) addText(item.text, { file, line: item.line, column: item.column }, aggregator, false);
  }
}

function addText(text: string | undefined, at: Location, aggregator: CoverageAggregator, batchLines: boolean): void {
  if (text === undefined) {
    aggregator.addMalformed(at);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    aggregator.addMalformed(at);
    return;
  }
  if (batchLines && isBatch(value)) {
    for (const event of value.batch) aggregator.add(event, at);
    return;
  }
  aggregator.add(value, at);
}
