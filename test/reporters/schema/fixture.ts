import { readFileSync } from 'node:fs';
import type { SchemaReport } from '../../../src/report/types.js';
import { generateSchemaReport } from '../../../bench/generate-schema-report.js';

export const SAMPLE_PATH = new URL('../../fixtures/schema-report/sample-report.json', import.meta.url);

/** A fresh copy of the sample report each call, so a test may change it freely. */
export function sampleReport(): SchemaReport {
  return JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as SchemaReport;
}

/** The bench's big report: `events` events of `properties` properties. */
export function largeReport(events: number, properties: number): SchemaReport {
  return generateSchemaReport(events, properties) as SchemaReport;
}
