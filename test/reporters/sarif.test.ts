import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { sarif } from '../../src/reporters/sarif.js';
import { sarifSchemaErrors } from '../helpers/output-schemas.js';
import { DIAGNOSTICS, fixtureReport, options } from './fixture.js';

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; shortDescription?: { text: string }; help?: { text: string } }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string; index?: number }; region?: object } }[];
      properties?: Record<string, string>;
    }[];
  }[];
}

/** Checked against the official SARIF 2.1.0 schema (test/fixtures/schemas), formats included. */
function validate(log: unknown): void {
  expect(sarifSchemaErrors(log)).toEqual([]);
}

const run = (text: string) => (JSON.parse(text) as SarifLog).runs[0]!;

describe('sarif reporter', () => {
  it('produces a log the official SARIF 2.1.0 schema accepts', () => {
    const text = sarif(fixtureReport(), options());
    expect(text.endsWith('\n')).toBe(true);
    validate(JSON.parse(text));
  });

  it('lists each used rule once, and every ruleIndex points at its rule', () => {
    const { tool, results } = run(sarif(fixtureReport(), options()));
    const ids = tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(DIAGNOSTICS.map((d) => d.ruleId))].sort());
    expect(results).toHaveLength(DIAGNOSTICS.length);
    for (const result of results) expect(tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(tool.driver.rules.find((r) => r.id === 'plan/invalid-type')).toEqual({
      id: 'plan/invalid-type',
      shortDescription: { text: 'Property values must match their planned type.' },
      help: { text: 'Property values must match their planned type. Documented in docs/rules.md#planinvalid-type of the cdp repository.' },
    });
  });

  it('maps severity, message, suggestion, location and properties', () => {
    const { results, artifacts } = run(sarif(fixtureReport(), options()));
    const byRule = (id: string) => results.find((r) => r.ruleId === id)!;
    expect(byRule('naming/event-case')).toMatchObject({
      level: 'warning',
      message: { text: 'Event name "order completed" is not Title Case. (did you mean "Order Completed"?)' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'plans/web.yaml' }, region: { startLine: 12, startColumn: 3 } } },
      ],
      properties: { event: 'order completed' },
    });
    expect(byRule('plan/unknown-type').locations![0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 10,
    });
    expect(byRule('plan/invalid-type')).toMatchObject({ level: 'error', properties: { path: '/properties/note' } });
    expect(byRule('input/malformed').locations![0]!.physicalLocation.region).toEqual({ startLine: 120 });
    expect(byRule('plan/unknown-type').properties).toBeUndefined();
    for (const result of results) {
      const location = result.locations?.[0]?.physicalLocation.artifactLocation;
      if (location) expect(artifacts[location.index!]!.location.uri).toBe(location.uri);
    }
    expect(artifacts.map((a) => a.location.uri)).toEqual(['plans/web.yaml', 'events.ndjson', 'clean.ndjson']);
  });

  it('gives diagnostics without a file no locations', () => {
    const unseen = run(sarif(fixtureReport(), options())).results.find((r) => r.ruleId === 'coverage/unseen-event')!;
    expect(unseen).not.toHaveProperty('locations');
    expect(unseen.properties).toEqual({ event: 'Product Viewed' });
  });

  it('encodes paths as URI references and lists rules without descriptors by id', () => {
    const report = createReport(
      'check',
      [],
      [
        { ruleId: 'internal/crash', severity: 'error', message: 'm', file: '/repo/a dir/x#1.yaml', line: 1, fatal: true },
        { ruleId: 'internal/crash', severity: 'error', message: 'n', file: '/elsewhere/p.yaml' },
      ],
      {},
    );
    const log = JSON.parse(sarif(report, options())) as SarifLog;
    validate(log);
    const { tool, results } = log.runs[0]!;
    expect(tool.driver.rules).toEqual([{ id: 'internal/crash' }]);
    const uris = results.map((r) => r.locations![0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: 'file:///elsewhere/p.yaml' }, { uri: 'a%20dir/x%231.yaml' }]);
  });
});
