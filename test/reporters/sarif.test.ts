import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core/report.js';
import { sarif } from '../../src/reporters/sarif.js';
import { DIAGNOSTICS, fixtureReport, options } from './fixture.js';

/** The part of the SARIF 2.1.0 schema this reporter relies on, with its required fields. */
const SARIF_SUBSET = {
  type: 'object',
  required: ['$schema', 'version', 'runs'],
  properties: {
    $schema: { const: 'https://json.schemastore.org/sarif-2.1.0.json' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                properties: {
                  name: { const: 'cdp' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      additionalProperties: false,
                      properties: {
                        id: { type: 'string' },
                        shortDescription: { $ref: '#/$defs/message' },
                        helpUri: { type: 'string', format: 'uri' },
                      },
                    },
                  },
                },
              },
            },
          },
          artifacts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['location'],
              properties: { location: { $ref: '#/$defs/artifactLocation' } },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message'],
              additionalProperties: false,
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['error', 'warning'] },
                message: { $ref: '#/$defs/message' },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation'],
                        additionalProperties: false,
                        properties: {
                          artifactLocation: { $ref: '#/$defs/artifactLocation' },
                          region: {
                            type: 'object',
                            required: ['startLine'],
                            additionalProperties: false,
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
                properties: { type: 'object' },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    message: {
      type: 'object',
      required: ['text'],
      properties: { text: { type: 'string', minLength: 1 } },
    },
    artifactLocation: {
      type: 'object',
      required: ['uri'],
      properties: { uri: { type: 'string', format: 'uri-reference' }, index: { type: 'integer', minimum: 0 } },
    },
  },
};

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
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

function validate(log: unknown): void {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // Only the two formats the subset uses; ajv-formats is a runtime dependency we need not pull in here.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addFormat('uri-reference', /^[^\s\\]*$/);
  const ok = ajv.validate(SARIF_SUBSET, log);
  expect(ajv.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const run = (text: string) => (JSON.parse(text) as SarifLog).runs[0]!;

describe('sarif reporter', () => {
  it('produces a structurally valid SARIF 2.1.0 log', () => {
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
      shortDescription: { text: 'Property values must match their planned type' },
      helpUri: 'https://example.test/rules/plan/invalid-type',
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
