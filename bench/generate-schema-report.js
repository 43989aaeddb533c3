/**
 * A `cdp schema-report` result the size of a big product: `events` track events with `properties`
 * properties each, a month of daily volume, enum-like top values on every third property, some
 * unplanned events and properties, forbidden nulls and required properties short of 100%.
 * Deterministic, so the HTML reporter's size test and its bench measure the same page.
 */
export function generateSchemaReport(events, properties) {
  const days = Array.from({ length: 30 }, (_, d) => `2026-10-${String(d + 1).padStart(2, '0')}`);
  const eventRows = Array.from({ length: events }, (_, e) => ({
    type: 'track',
    name: `Feature ${e} Interaction Completed`,
    count: 10_000 + e,
    share: 1 / events,
    firstSeen: '2026-10-01T00:00:00.000Z',
    lastSeen: '2026-10-30T23:59:59.000Z',
    volume: days.map((day, d) => ({ day, count: 300 + ((e * 7 + d * 13) % 200) })),
    timestampMissing: 0,
    timestampInvalid: 0,
    planned: e % 10 !== 0,
    properties: Array.from({ length: properties }, (_, p) => ({
      path: p % 5 === 0 ? `context_block_${p}.nested_field_name` : `property_name_${p}`,
      count: 10_000 - p,
      presence: (10_000 - p) / 10_000,
      types: p % 4 === 0 ? { string: 9_000, null: 1_000 - p } : { number: 10_000 - p },
      distinct: { count: p % 3 === 0 ? 4 : 200, capped: p % 3 !== 0 },
      ...(p % 3 === 0 ? { topValues: ['web', 'ios', 'android', 'server'].map((value, i) => ({ value, count: 4_000 - i * 1_000 })) } : {}),
      planned: p % 7 !== 0,
      required: p % 2 === 0,
      ...(p % 11 === 0 ? { forbiddenTypes: ['null'] } : {}),
    })),
  }));
  return {
    plan: { file: 'plans/big.yaml', name: 'big', version: 1 },
    summary: {
      files: 3,
      read: 10_000_000,
      reported: 10_000_000,
      malformed: 0,
      filtered: 0,
      malformedAt: [],
      firstSeen: '2026-10-01T00:00:00.000Z',
      lastSeen: '2026-10-30T23:59:59.000Z',
      timestampMissing: 0,
      timestampInvalid: 0,
    },
    events: eventRows,
    unplannedEvents: eventRows.filter((e) => !e.planned).map(({ type, name }) => ({ type, name })),
    unseenEvents: [],
    coverageFailures: [],
    notes: [],
  };
}
